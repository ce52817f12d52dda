import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  REQUEST_CHANNELS,
  REQUEST_KINDS,
  type RegisterRequestInput,
} from '../../../../shared/domain/privacy-request';
import { fromWibLocalInput } from '../../../../shared/time';
import { api } from '../../api/client';
import { errorText } from '../../api/errors';
import { ActionButton } from '../../components/ActionButton';
import { Field } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { whenWib, type Message } from './format';

type Draft = Required<Pick<RegisterRequestInput, 'kind' | 'channel'>> & {
  requesterName: string;
  requesterContact: string;
  receivedAt: string;
  detail: string;
};
const EMPTY: Draft = {
  kind: 'access',
  channel: 'in_person',
  requesterName: '',
  requesterContact: '',
  receivedAt: '',
  detail: '',
};

export function NewRequestForm({ onRegistered }: { onRegistered: (id: number) => void }) {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<Message>(null);
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setDraft((d) => ({ ...d, [k]: v }));

  const submit = async () => {
    setMessage(null);
    const receivedAt = draft.receivedAt === '' ? undefined : fromWibLocalInput(draft.receivedAt);
    if (receivedAt === null) return setFields({ receivedAt: 'validation.invalid' });
    const r = await api('privacy.registerRequest', {
      kind: draft.kind,
      channel: draft.channel,
      requesterName: draft.requesterName,
      requesterContact: draft.requesterContact,
      detail: draft.detail,
      ...(receivedAt && { receivedAt }),
    });
    if (!r.ok) {
      setFields(r.error.fields ?? {});
      return setMessage({ kind: 'error', text: errorText(r.error) });
    }
    setFields({});
    setDraft(EMPTY);
    setMessage({
      kind: 'success',
      text: t('privacy.form.registered', {
        id: r.value.id,
        due: whenWib(r.value.dueAt, i18n.language),
      }),
    });
    onRegistered(r.value.id);
  };

  return (
    <section className="card" aria-labelledby="privacy-new">
      <h2 id="privacy-new">{t('privacy.form.title')}</h2>
      <div className="form-grid">
        <Field label={t('privacy.form.kind')} error={fields.kind}>
          {(a) => (
            <select
              {...a}
              value={draft.kind}
              onChange={(e) => set('kind', e.target.value as Draft['kind'])}
            >
              {REQUEST_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`privacy.kinds.${k}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('privacy.form.channel')} error={fields.channel}>
          {(a) => (
            <select
              {...a}
              value={draft.channel}
              onChange={(e) => set('channel', e.target.value as Draft['channel'])}
            >
              {REQUEST_CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {t(`privacy.channels.${c}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('privacy.form.requesterName')} error={fields.requesterName} required>
          {(a) => (
            <input
              {...a}
              value={draft.requesterName}
              onChange={(e) => set('requesterName', e.target.value)}
              autoComplete="off"
            />
          )}
        </Field>
        <Field label={t('privacy.form.requesterContact')} error={fields.requesterContact}>
          {(a) => (
            <input
              {...a}
              value={draft.requesterContact}
              onChange={(e) => set('requesterContact', e.target.value)}
              autoComplete="off"
            />
          )}
        </Field>
        <Field
          label={t('privacy.form.receivedAt')}
          error={fields.receivedAt}
          hint={t('privacy.form.receivedAtHint')}
        >
          {(a) => (
            <input
              {...a}
              type="datetime-local"
              value={draft.receivedAt}
              onChange={(e) => set('receivedAt', e.target.value)}
            />
          )}
        </Field>
        <div className="form-grid__wide">
          <Field label={t('privacy.form.detail')} error={fields.detail}>
            {(a) => (
              <textarea
                {...a}
                rows={2}
                value={draft.detail}
                onChange={(e) => set('detail', e.target.value)}
              />
            )}
          </Field>
        </div>
      </div>
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
      <ActionButton className="button button--primary" onAction={submit}>
        {t('privacy.form.submit')}
      </ActionButton>
    </section>
  );
}
