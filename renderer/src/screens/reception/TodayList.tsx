import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VisitRow } from '../../../../shared/domain/visit';
import { formatTimeWib, minutesBetween } from '../../../../shared/time';
import { api } from '../../api/client';
import { errorText } from '../../api/errors';
import { Notice } from '../../components/Notice';

/** Waiting time: until now while waiting, until called (or checked out) once served. */
function waitedMinutes(v: VisitRow, now: Date): number {
  const end = v.calledAt ?? v.checkedOutAt;
  return minutesBetween(v.checkedInAt, end ? new Date(end) : now);
}

interface TodayListProps {
  isToday: boolean;
  visits: VisitRow[];
  now: Date;
  onChanged: () => void;
}

export function TodayList({ isToday, visits, now, onChanged }: TodayListProps) {
  const { t, i18n } = useTranslation();
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const count = (s: VisitRow['status']) => visits.filter((v) => v.status === s).length;

  const checkOut = async (v: VisitRow) => {
    const result = await api('visit.checkOut', { visitId: v.visitId });
    setMessage(
      result.ok
        ? { kind: 'success', text: t('reception.checkedOut', { queue: v.queueLabel }) }
        : { kind: 'error', text: errorText(result.error) },
    );
    onChanged();
  };

  return (
    <div>
      <p className="counts">
        {t('reception.counts', {
          waiting: count('waiting'),
          inConsultation: count('in_consultation'),
          done: count('done'),
        })}
      </p>
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
      {visits.length === 0 ? (
        <p>{t('reception.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="visits" aria-describedby="today-title">
            <thead>
              <tr>
                <th scope="col">{t('reception.queue')}</th>
                <th scope="col">{t('reception.name')}</th>
                <th scope="col">{t('reception.institution')}</th>
                <th scope="col">{t('reception.status')}</th>
                <th scope="col">{t('reception.checkedInAt')}</th>
                <th scope="col">{t('reception.waited')}</th>
                <th scope="col">{t('reception.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {visits.map((v) => (
                <tr key={v.visitId} data-queue={v.queueLabel}>
                  <td className="queue">{v.queueLabel}</td>
                  <td>{v.fullName}</td>
                  <td>{v.institution ?? ''}</td>
                  <td>
                    <span className={`status status--${v.status}`}>
                      {t(`statuses.${v.status}`)}
                    </span>
                    {v.autoClosed && (
                      <span className="status__flag"> ({t('reception.autoClosed')})</span>
                    )}
                  </td>
                  <td>{formatTimeWib(v.checkedInAt, i18n.language)}</td>
                  <td>{t('reception.minutes', { count: waitedMinutes(v, now) })}</td>
                  <td>
                    {v.status !== 'done' && isToday && (
                      <button
                        type="button"
                        className="button button--small"
                        aria-label={t('reception.checkOutOf', { queue: v.queueLabel })}
                        onClick={() => void checkOut(v)}
                      >
                        {t('reception.checkOut')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
