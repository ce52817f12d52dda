import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodInput, MethodOutput } from '../../../../shared/api/contract';
import { formatPhoneNational } from '../../../../shared/domain/phone';
import { formatDayLong, formatTimeWib, serviceDayOf } from '../../../../shared/time';
import { api } from '../../api/client';
import { errorText } from '../../api/errors';
import { downloadBase64 } from '../../download';
import { ActionButton } from '../../components/ActionButton';
import { Field } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { useCall, useLiveCall } from '../../hooks/use-live-call';
import '../records/records.css';

const E164 = /^\+62\d{6,13}$/;

type Entry = MethodOutput<'audit.list'>['entries'][number];
type Filter = MethodInput<'audit.export'>;
type Filters = MethodOutput<'audit.filters'>;

/** The audit trail read back: who did what to which record, and when (supervisor, admin). */
export function AuditScreen() {
  const { t, i18n } = useTranslation();
  const [actorId, setActorId] = useState('');
  const [action, setAction] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [entries, setEntries] = useState<Entry[] | null>(null);
  const [next, setNext] = useState<MethodOutput<'audit.list'>['next']>(null);
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});

  const filter = (): Filter => ({
    ...(actorId && { actorId: Number(actorId) }),
    ...(action && { action }),
    ...(from && { from }),
    ...(to && { to }),
  });
  const load = async (more: boolean) => {
    const r = await api('audit.list', { ...filter(), ...(more && next && { before: next }) });
    if (!r.ok) {
      setErrors(r.error.fields ?? {});
      setMessage({ kind: 'error', text: errorText(r.error) });
      return;
    }
    setErrors({});
    setMessage(null);
    setEntries(more ? [...(entries ?? []), ...r.value.entries] : r.value.entries);
    setNext(r.value.next);
  };
  // The staff to filter by follow 'staff'; the trail is read page by page and on "Cari" only.
  const options: Filters | null = useLiveCall('audit.filters', {}, { topics: ['staff'] }).data;
  useCall(
    'audit.list',
    {},
    {
      onData: (first) => {
        setEntries(first.entries);
        setNext(first.next);
      },
    },
  );

  const exportCsv = async () => {
    const r = await api('audit.export', filter());
    if (!r.ok) return setMessage({ kind: 'error', text: errorText(r.error) });
    downloadBase64(r.value.fileName, r.value.mimeType, r.value.base64);
    setMessage({ kind: 'success', text: t('audit.exported', { file: r.value.fileName }) });
  };
  const actionLabel = (a: string) =>
    t(`audit.actions.${a.replaceAll('.', '_')}`, { defaultValue: a });
  const show = (value: unknown) =>
    value === null || value === undefined || value === ''
      ? t('audit.empty')
      : typeof value === 'string' && E164.test(value)
        ? formatPhoneNational(value)
        : String(value);
  const detailLines = (e: Entry): string[] => {
    if (e.detail === null) return [];
    const d = JSON.parse(e.detail) as Record<string, unknown>;
    if (d.redacted === true) return [t('audit.redacted')];
    const changes = d.changes as Record<string, { from: unknown; to: unknown }> | undefined;
    const lines = changes
      ? Object.entries(changes).map(([field, c]) =>
          t('audit.change', {
            field: t(`records.fields.${field}`, { defaultValue: field }),
            from: show(c.from),
            to: show(c.to),
          }),
        )
      : [];
    const rest = Object.entries(d).filter(([k]) => k !== 'changes');
    if (rest.length > 0) lines.push(rest.map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join(', '));
    return lines;
  };

  return (
    <main id="main" className="audit">
      <h1>{t('audit.title')}</h1>
      <p className="muted">{t('audit.intro')}</p>
      <form
        className="card audit__filters"
        onSubmit={(e) => {
          e.preventDefault();
          void load(false);
        }}
      >
        <Field label={t('audit.actor')}>
          {(a) => (
            <select
              {...a}
              name="actorId"
              value={actorId}
              onChange={(e) => setActorId(e.target.value)}
            >
              <option value="">{t('audit.anyActor')}</option>
              {options?.staff.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.fullName}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('audit.action')}>
          {(a) => (
            <select {...a} name="action" value={action} onChange={(e) => setAction(e.target.value)}>
              <option value="">{t('audit.anyAction')}</option>
              {options?.actions.map((x) => (
                <option key={x} value={x}>
                  {actionLabel(x)}
                  {actionLabel(x) === x ? '' : ` (${x})`}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('audit.from')} error={errors.from}>
          {(a) => (
            <input
              {...a}
              name="from"
              type="date"
              value={from}
              onChange={(e) => setFrom(e.target.value)}
            />
          )}
        </Field>
        <Field label={t('audit.to')} error={errors.to}>
          {(a) => (
            <input
              {...a}
              name="to"
              type="date"
              value={to}
              onChange={(e) => setTo(e.target.value)}
            />
          )}
        </Field>
        <div className="button-row records__submit">
          <button type="submit" className="button button--primary">
            {t('audit.show')}
          </button>
          <ActionButton className="button" onAction={exportCsv}>
            {t('audit.export')}
          </ActionButton>
        </div>
      </form>
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
      {entries && (
        <section className="card" aria-labelledby="audit-entries">
          <h2 id="audit-entries" className="visually-hidden">
            {t('audit.title')}
          </h2>
          {entries.length === 0 ? (
            <p>{t('audit.none')}</p>
          ) : (
            <div className="table-wrap">
              <table className="audit__table">
                <thead>
                  <tr>
                    <th scope="col">{t('audit.columns.day')}</th>
                    <th scope="col">{t('audit.columns.actor')}</th>
                    <th scope="col">{t('audit.columns.action')}</th>
                    <th scope="col">{t('audit.columns.entityId')}</th>
                    <th scope="col">{t('audit.columns.detail')}</th>
                  </tr>
                </thead>
                <tbody>
                  {entries.map((e) => (
                    <tr key={e.id} data-action={e.action}>
                      <td>
                        {formatDayLong(serviceDayOf(new Date(e.at)), i18n.language)}
                        <br />
                        <span className="muted">{formatTimeWib(e.at, i18n.language)} WIB</span>
                      </td>
                      <td>{e.actorName ?? t('audit.system')}</td>
                      <td>{actionLabel(e.action)}</td>
                      <td>
                        {t(`audit.entities.${e.entity}`, { defaultValue: e.entity })}
                        {e.entityId && ` ${e.entityId}`}
                      </td>
                      <td>
                        <ul className="audit__detail">
                          {detailLines(e).map((line, i) => (
                            <li key={i}>{line}</li>
                          ))}
                        </ul>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {next && (
            <ActionButton className="button" onAction={() => load(true)}>
              {t('audit.more')}
            </ActionButton>
          )}
        </section>
      )}
    </main>
  );
}
