import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { serviceDayOf } from '../../../../shared/time';
import { api } from '../../api/client';
import { errorText } from '../../api/errors';
import { ActionButton } from '../../components/ActionButton';
import { Field } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { downloadBase64 } from '../../download';
import { useLiveCall } from '../../hooks/use-live-call';
import type { Message } from './format';

/** Who is affected for a period or through one station, for the Pasal 46 notice. */
export function BreachExport() {
  const { t } = useTranslation();
  const today = serviceDayOf(new Date());
  const [from, setFrom] = useState(today);
  const [to, setTo] = useState(today);
  const [station, setStation] = useState('');
  const [format, setFormat] = useState<'csv' | 'json'>('csv');
  const [fields, setFields] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<Message>(null);
  const scopes = useLiveCall('privacy.breachScopes', {}, { topics: ['stations'] });

  const download = async () => {
    const r = await api('privacy.breachExport', {
      from,
      to,
      format,
      ...(station !== '' && { stationId: Number(station) }),
    });
    if (!r.ok) {
      setFields(r.error.fields ?? {});
      return setMessage({ kind: 'error', text: errorText(r.error) });
    }
    setFields({});
    downloadBase64(r.value.fileName, r.value.mimeType, r.value.base64);
    setMessage({ kind: 'success', text: t('privacy.breach.exported', { file: r.value.fileName }) });
  };

  return (
    <section className="card" aria-labelledby="privacy-breach">
      <h2 id="privacy-breach">{t('privacy.breach.title')}</h2>
      <p className="muted">{t('privacy.breach.intro')}</p>
      <div className="form-grid">
        <Field label={t('privacy.breach.from')} error={fields.from}>
          {(a) => (
            <input {...a} type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
          )}
        </Field>
        <Field label={t('privacy.breach.to')} error={fields.to}>
          {(a) => <input {...a} type="date" value={to} onChange={(e) => setTo(e.target.value)} />}
        </Field>
        <Field label={t('privacy.breach.station')}>
          {(a) => (
            <select {...a} value={station} onChange={(e) => setStation(e.target.value)}>
              <option value="">{t('privacy.breach.allDesk')}</option>
              {(scopes.data ?? []).map((s) => (
                <option key={s.id} value={String(s.id)}>
                  {s.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('privacy.breach.format')}>
          {(a) => (
            <select
              {...a}
              value={format}
              onChange={(e) => setFormat(e.target.value as 'csv' | 'json')}
            >
              <option value="csv">CSV</option>
              <option value="json">JSON</option>
            </select>
          )}
        </Field>
      </div>
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
      <ActionButton className="button" onAction={download}>
        {t('privacy.breach.submit')}
      </ActionButton>
    </section>
  );
}
