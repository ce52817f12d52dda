import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CLOSED_RECEPTION_STATUSES, type VisitRow } from '../../../../shared/domain/visit';
import { formatTimeWib, minutesBetween } from '../../../../shared/time';
import { api } from '../../api/client';
import { errorText } from '../../api/errors';
import { ActionButton } from '../../components/ActionButton';
import { Notice } from '../../components/Notice';
import { CorrectCheckIn } from '../records/CorrectCheckIn';
import { PriorityBadge } from '../../components/PriorityBadge';
import { SlipActions } from '../../components/SlipActions';
import './reception.css';

/** Waiting time: until now while waiting, until called (or checked out) once served. */
function waitedMinutes(v: VisitRow, now: Date): number {
  const end = v.calledAt ?? v.checkedOutAt;
  return minutesBetween(v.checkedInAt, end ? new Date(end) : now);
}

/** Nobody has served the visitor yet: a check-out now records that they left unserved. */
const isUnserved = (v: VisitRow) => v.status !== 'in_consultation';

interface TodayListProps {
  isToday: boolean;
  visits: VisitRow[];
  now: Date;
  onChanged: () => void;
}

export function TodayList({ isToday, visits, now, onChanged }: TodayListProps) {
  const { t, i18n } = useTranslation();
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  // A check-out is asked first, in the visit's own row: one click never closes a visit.
  const [confirming, setConfirming] = useState<number | null>(null);
  const [correcting, setCorrecting] = useState<number | null>(null);
  // A slip printed again (or for the first time, after a printer failure), in the visit's row.
  const [slipFor, setSlipFor] = useState<number | null>(null);
  const count = (s: VisitRow['status']) => visits.filter((v) => v.status === s).length;

  const checkOut = async (v: VisitRow) => {
    const result = await api('visit.checkOut', { visitId: v.visitId });
    setConfirming(null);
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
          leftUnserved: count('left_unserved'),
        })}
      </p>
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
      {correcting !== null && (
        <CorrectCheckIn
          visitId={correcting}
          onClose={() => setCorrecting(null)}
          onChanged={onChanged}
        />
      )}
      {visits.length === 0 ? (
        <p>{t('reception.empty')}</p>
      ) : (
        <table className="visits" aria-describedby="today-title">
          <colgroup>
            <col className="visits__queue" />
            <col />
            <col className="visits__status" />
            <col className="visits__time" />
            <col className="visits__actions" />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">{t('reception.queue')}</th>
              <th scope="col">{t('reception.nameAndInstitution')}</th>
              <th scope="col">{t('reception.status')}</th>
              <th scope="col">{t('reception.arrivedAndWaited')}</th>
              <th scope="col">{t('reception.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {visits.map((v) => {
              const open = !CLOSED_RECEPTION_STATUSES.includes(v.status) && isToday;
              const asking = open && confirming === v.visitId;
              return (
                <Fragment key={v.visitId}>
                  <tr data-queue={v.queueLabel} className={asking ? 'visits__row--asking' : ''}>
                    <td className="queue">{v.queueLabel}</td>
                    <td className="visits__who">
                      <span className="visits__name" title={v.fullName}>
                        {v.fullName}
                      </span>
                      {v.priority && (
                        <span>
                          <PriorityBadge priority={v.priority} />
                        </span>
                      )}
                      {v.institution && (
                        <span className="visits__institution" title={v.institution}>
                          {v.institution}
                        </span>
                      )}
                      {v.status !== 'cancelled' && (
                        <button
                          type="button"
                          className="link-button visits__correct"
                          aria-label={t('records.correctOf', { queue: v.queueLabel })}
                          onClick={() => setCorrecting(v.visitId)}
                        >
                          {t('records.correct')}
                        </button>
                      )}
                    </td>
                    <td>
                      <span className={`status status--${v.status}`}>
                        {t(`statuses.${v.status}`)}
                      </span>
                      {v.autoClosed && (
                        <span className="status__flag"> ({t('reception.autoClosed')})</span>
                      )}
                    </td>
                    <td className="visits__time-cell">
                      {formatTimeWib(v.checkedInAt, i18n.language)}
                      <span className="visits__waited">
                        {t('reception.minutes', { count: waitedMinutes(v, now) })}
                      </span>
                    </td>
                    <td>
                      <div className="visits__actions-cell">
                        {isToday && (
                          <button
                            type="button"
                            className="button button--small"
                            aria-label={t('slipActions.slipOf', { queue: v.queueLabel })}
                            aria-expanded={slipFor === v.visitId}
                            onClick={() => setSlipFor(slipFor === v.visitId ? null : v.visitId)}
                          >
                            {t('slipActions.slipButton')}
                          </button>
                        )}
                        {open && (
                          <button
                            type="button"
                            className="button button--small"
                            aria-label={t('reception.checkOutOf', { queue: v.queueLabel })}
                            aria-expanded={asking}
                            onClick={() => setConfirming(asking ? null : v.visitId)}
                          >
                            {t('reception.checkOut')}
                          </button>
                        )}
                      </div>
                    </td>
                  </tr>
                  {isToday && slipFor === v.visitId && (
                    <tr className="visits__slip">
                      <td colSpan={5}>
                        <div
                          role="group"
                          aria-label={t('slipActions.slipOf', { queue: v.queueLabel })}
                        >
                          <SlipActions target={{ kind: 'queue', visitId: v.visitId }} />
                        </div>
                      </td>
                    </tr>
                  )}
                  {asking && (
                    <tr className="visits__confirm">
                      <td colSpan={5}>
                        <div
                          role="group"
                          aria-label={t('reception.checkOutOf', { queue: v.queueLabel })}
                          className="checkout-confirm"
                        >
                          <p>
                            {t(
                              isUnserved(v)
                                ? 'reception.checkOutAskUnserved'
                                : 'reception.checkOutAskServed',
                              { queue: v.queueLabel, name: v.fullName },
                            )}
                          </p>
                          <div className="checkout-confirm__buttons">
                            <ActionButton
                              className="button button--small button--primary"
                              autoFocus
                              onAction={() => checkOut(v)}
                            >
                              {t('reception.checkOutConfirm')}
                            </ActionButton>
                            <button
                              type="button"
                              className="button button--small"
                              onClick={() => setConfirming(null)}
                            >
                              {t('reception.checkOutCancel')}
                            </button>
                          </div>
                        </div>
                      </td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}
