import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { errorText } from '../../api/errors';
import { Notice } from '../../components/Notice';
import { translateKey } from '../../i18n';

/** Where escalated cases go: the backend helpdesk's address, queue and account. */
export function HelpdeskSettings() {
  const { t } = useTranslation();
  const id = useId();
  const [url, setUrl] = useState('');
  const [queue, setQueue] = useState('');
  const [username, setUsername] = useState('');
  const [secret, setSecret] = useState('');
  const [hasSecret, setHasSecret] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);

  useEffect(() => {
    void api('helpdesk.getSettings', {}).then((r) => {
      if (!r.ok) return;
      setUrl(r.value.url);
      setQueue(r.value.queue);
      setUsername(r.value.username);
      setHasSecret(r.value.hasSecret);
    });
  }, []);

  const save = async () => {
    const r = await api('helpdesk.saveSettings', {
      url,
      queue,
      username,
      ...(secret && { secret }),
    });
    if (!r.ok) {
      setFieldErrors(r.error.fields ?? {});
      return setMessage({ kind: 'error', text: errorText(r.error) });
    }
    setFieldErrors({});
    setSecret('');
    setHasSecret(r.value.hasSecret);
    setMessage({ kind: 'success', text: t('helpdeskSettings.saved') });
  };

  const check = async () => {
    const r = await api('helpdesk.checkSetup', {});
    if (!r.ok) return setMessage({ kind: 'error', text: errorText(r.error) });
    setMessage(
      r.value.problems.length === 0
        ? { kind: 'success', text: t('helpdeskSettings.ok') }
        : {
            kind: 'error',
            text: r.value.problems
              .map((p) => t(`helpdeskSettings.problems.${p.code}`, { name: p.name ?? '' }))
              .join(' '),
          },
    );
  };

  const field = (name: 'url' | 'queue' | 'username', value: string, set: (v: string) => void) => (
    <div className={`field${fieldErrors[name] ? ' field--invalid' : ''}`}>
      <label htmlFor={`${id}-${name}`}>{t(`helpdeskSettings.${name}`)}</label>
      <input
        id={`${id}-${name}`}
        value={value}
        onChange={(e) => set(e.target.value)}
        autoComplete="off"
        aria-invalid={Boolean(fieldErrors[name])}
        aria-describedby={fieldErrors[name] ? `${id}-${name}-error` : undefined}
      />
      {fieldErrors[name] && (
        <p id={`${id}-${name}-error`} className="field__error">
          {translateKey(fieldErrors[name])}
        </p>
      )}
    </div>
  );

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('helpdeskSettings.title')}</h2>
      <form
        className="form-grid"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        {field('url', url, setUrl)}
        {field('queue', queue, setQueue)}
        {field('username', username, setUsername)}
        <div className="field">
          <label htmlFor={`${id}-secret`}>{t('helpdeskSettings.secret')}</label>
          <input
            id={`${id}-secret`}
            type="password"
            value={secret}
            onChange={(e) => setSecret(e.target.value)}
            autoComplete="new-password"
            aria-describedby={hasSecret ? `${id}-secret-hint` : undefined}
          />
          {hasSecret && (
            <p id={`${id}-secret-hint`} className="field__hint">
              {t('helpdeskSettings.secretKept')}
            </p>
          )}
        </div>
        <div className="form-grid__wide button-row">
          <button type="submit" className="button button--primary">
            {t('helpdeskSettings.save')}
          </button>
          <button type="button" className="button" onClick={() => void check()}>
            {t('helpdeskSettings.check')}
          </button>
        </div>
      </form>
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
    </section>
  );
}
