import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VisitorSuggestion } from '../../../../shared/domain/visit';
import { api } from '../../api/client';
import { errorText } from '../../api/errors';
import { ActionButton } from '../../components/ActionButton';
import { Field } from '../../components/Field';
import { Notice } from '../../components/Notice';

/** Reception's search, contacts masked: the supervisor picks the person the request is about. */
export function FindPerson({
  onPick,
}: {
  onPick: (visitorId: number, name: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<VisitorSuggestion[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const search = async () => {
    setFailure(null);
    const r = await api('privacy.findPerson', { query });
    if (!r.ok) return setFailure(errorText(r.error));
    setFound(r.value);
  };

  return (
    <div className="find-person">
      <h3>{t('privacy.serve.findTitle')}</h3>
      <form
        className="find-person__bar"
        onSubmit={(e) => {
          e.preventDefault();
          void search();
        }}
      >
        <Field label={t('privacy.serve.findLabel')}>
          {(a) => <input {...a} value={query} onChange={(e) => setQuery(e.target.value)} />}
        </Field>
        <ActionButton className="button" onAction={search}>
          {t('privacy.serve.findButton')}
        </ActionButton>
      </form>
      {failure && <Notice kind="error">{failure}</Notice>}
      {found?.length === 0 && <Notice kind="error">{t('privacy.serve.notFound')}</Notice>}
      {found && found.length > 0 && (
        <ul className="find-person__list">
          {found.map((v) => (
            <li key={v.visitorId}>
              <span>
                <strong>{v.fullName}</strong> · {v.phoneMasked}
                {v.emailMasked && ` · ${v.emailMasked}`}
                {v.institution && ` · ${v.institution}`}
                {v.lastVisitDay && <span className="muted"> · {v.lastVisitDay}</span>}
              </span>
              <ActionButton
                className="button button--small"
                onAction={() => onPick(v.visitorId, v.fullName)}
              >
                {t('privacy.serve.pick', { name: v.fullName })}
              </ActionButton>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
