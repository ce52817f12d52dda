import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPhoneNational } from '../../../../shared/domain/phone';
import type { PersonRecord } from '../../../../shared/domain/privacy-request';
import { api } from '../../api/client';
import { errorText } from '../../api/errors';
import { ActionButton } from '../../components/ActionButton';
import { Field } from '../../components/Field';
import { Notice } from '../../components/Notice';
import type { Message } from './format';

/** A correction at the person's request: also on past visits and case reporters. */
export function CorrectPerson({
  visitorId,
  requestId,
  current,
  onCorrected,
}: {
  visitorId: number;
  requestId: number;
  current: PersonRecord['visitor'];
  onCorrected: () => void;
}) {
  const { t } = useTranslation();
  const [v, setV] = useState({
    fullName: current.fullName,
    phone: formatPhoneNational(current.phone),
    email: current.email ?? '',
    institution: current.institution ?? '',
  });
  const [fields, setFields] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<Message>(null);

  const save = async () => {
    const r = await api('privacy.correctPerson', { visitorId, requestId, fields: v });
    if (!r.ok) {
      setFields(r.error.fields ?? {});
      return setMessage({ kind: 'error', text: errorText(r.error) });
    }
    setFields({});
    setMessage({ kind: 'success', text: t('privacy.person.corrected') });
    onCorrected();
  };
  const err = (k: string) => fields[`fields.${k}`] ?? fields[k];

  return (
    <details className="correct-person">
      <summary>{t('privacy.person.correctTitle')}</summary>
      <div className="form-grid">
        {(['fullName', 'phone', 'email', 'institution'] as const).map((k) => (
          <Field key={k} label={t(`fields.${k}`)} error={err(k)}>
            {(a) => (
              <input
                {...a}
                value={v[k]}
                onChange={(e) => setV((x) => ({ ...x, [k]: e.target.value }))}
                autoComplete="off"
              />
            )}
          </Field>
        ))}
      </div>
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
      <ActionButton className="button" onAction={save}>
        {t('privacy.person.correctSubmit')}
      </ActionButton>
    </details>
  );
}
