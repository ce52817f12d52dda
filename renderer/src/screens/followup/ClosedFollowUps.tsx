import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../../shared/api/contract';
import { formatDayLong, formatTimeWib, serviceDayOf } from '../../../../shared/time';
import { api } from '../../api/client';
import { errorText } from '../../api/errors';
import { ActionButton } from '../../components/ActionButton';
import { formatDuration } from '../../components/delivery-problems';
import { Notice } from '../../components/Notice';
import { CaseRecordPanel } from '../records/CaseRecordPanel';

type Page = MethodOutput<'followup.closed'>;

/** "Selesai": escalated cases confirmed with the visitor, newest first, each with its record. */
export function ClosedFollowUps({ all }: { all: boolean }) {
  const { t, i18n } = useTranslation();
  const [items, setItems] = useState<Page['items'] | null>(null);
  const [next, setNext] = useState<Page['next']>(null);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<number | null>(null);

  const more = async (before: NonNullable<Page['next']>) => {
    const r = await api('followup.closed', { all, before });
    if (!r.ok) return setError(errorText(r.error));
    setItems((current) => [...(current ?? []), ...r.value.items]);
    setNext(r.value.next);
  };
  useEffect(() => {
    let live = true;
    void api('followup.closed', { all }).then((r) => {
      if (!live) return;
      if (!r.ok) return setError(errorText(r.error));
      setItems(r.value.items);
      setNext(r.value.next);
    });
    return () => {
      live = false;
    };
  }, [all]);

  const when = (iso: string) =>
    `${formatDayLong(serviceDayOf(new Date(iso)), i18n.language)} ${formatTimeWib(iso, i18n.language)}`;
  return (
    <>
      {error && <Notice kind="error">{error}</Notice>}
      {open !== null && <CaseRecordPanel caseId={open} onClose={() => setOpen(null)} />}
      <section className="card" aria-labelledby="followup-closed">
        <h2 id="followup-closed">{t('records.closed.title')}</h2>
        {items === null ? (
          <p>{t('app.loading')}</p>
        ) : items.length === 0 ? (
          <p className="muted">{t('records.closed.empty')}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('consultation.caseId')}</th>
                  <th scope="col">{t('consultation.reporter')}</th>
                  <th scope="col">{t('followup.ticket')}</th>
                  <th scope="col">{t('records.closed.finished')}</th>
                  <th scope="col">{t('records.closed.net')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((i) => (
                  <tr key={i.caseId} data-case-code={i.caseCode}>
                    <td>
                      <button
                        type="button"
                        className="link-button case-code"
                        aria-label={t('records.open', { code: i.caseCode })}
                        onClick={() => setOpen(i.caseId)}
                      >
                        {i.caseCode}
                      </button>
                    </td>
                    <td>{i.reporterName}</td>
                    <td>
                      {i.ticketId ? `#${i.ticketId}` : t('followup.notDelivered')}
                      {i.remotePhase && ` · ${t(`followup.phases.${i.remotePhase}`)}`}
                    </td>
                    <td>{when(i.finishedAt)} WIB</td>
                    <td>
                      {formatDuration(i.netMs, t)}
                      {i.overdue && (
                        <span className="field__error"> {t('records.closed.late')}</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {next && (
          <ActionButton className="button" onAction={() => more(next)}>
            {t('audit.more')}
          </ActionButton>
        )}
      </section>
    </>
  );
}
