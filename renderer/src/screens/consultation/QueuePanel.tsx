import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueVisit } from '../../../../shared/domain/visit';
import { minutesBetween } from '../../../../shared/time';
import { ActionButton } from '../../components/ActionButton';
import './QueuePanel.css';
import { PriorityBadge } from '../../components/PriorityBadge';

type QueueAction = 'start' | 'noShow' | 'returnToQueue';

interface QueuePanelProps {
  waiting: QueueVisit[];
  mine: QueueVisit[];
  now: Date;
  selectedVisitId: number | null;
  onCallNext: () => Promise<void>;
  onAction: (action: QueueAction, visit: QueueVisit) => Promise<void>;
  onSelect: (visit: QueueVisit) => void;
  /** More buttons for one of the officer's own visitors (recall, transfer). */
  visitActions?: (visit: QueueVisit) => ReactNode;
}

/**
 * The officer's own visitors come first, with their buttons; the waiting list follows and
 * scrolls inside its own panel, so a long queue never pushes the visitor being served out of view.
 */
export function QueuePanel({
  waiting,
  mine,
  now,
  selectedVisitId,
  onCallNext,
  onAction,
  onSelect,
  visitActions,
}: QueuePanelProps) {
  const { t } = useTranslation();
  const queued = waiting.filter((v) => v.status === 'waiting');
  const noShows = waiting.filter((v) => v.status === 'no_show');
  const nobodyWaiting = queued.length === 0;
  return (
    <section className="card queue-panel" aria-labelledby="queue-title">
      <h2 id="queue-title">{t('consultation.queueTitle')}</h2>

      <h3>{t('consultation.mineTitle')}</h3>
      {mine.length === 0 && <p className="muted">{t('consultation.mineEmpty')}</p>}
      <ul className="mine-list">
        {mine.map((v) => (
          <li
            key={v.visitId}
            className={v.visitId === selectedVisitId ? 'mine-list__item--selected' : undefined}
            data-queue={v.queueLabel}
          >
            <div>
              <span className="queue">{v.queueLabel}</span> {v.fullName}{' '}
              <span className={`status status--${v.status}`}>{t(`statuses.${v.status}`)}</span>
              <PriorityBadge priority={v.priority} />
            </div>
            <p className="queue-purpose">
              <span className="queue-purpose__label">{t('fields.purpose')}:</span> {v.purpose}
            </p>
            <div className="button-row">
              {v.status === 'called' && (
                <>
                  <ActionButton
                    className="button button--small"
                    onAction={() => onAction('start', v)}
                  >
                    {t('consultation.start')}
                  </ActionButton>
                  <ActionButton
                    className="button button--small"
                    onAction={() => onAction('noShow', v)}
                  >
                    {t('consultation.noShow')}
                  </ActionButton>
                  <ActionButton
                    className="button button--small"
                    onAction={() => onAction('returnToQueue', v)}
                  >
                    {t('consultation.returnToQueue')}
                  </ActionButton>
                </>
              )}
              {v.status === 'in_consultation' && v.visitId !== selectedVisitId && (
                <button type="button" className="button button--small" onClick={() => onSelect(v)}>
                  {t('consultation.openVisit', { queue: v.queueLabel })}
                </button>
              )}
              {visitActions?.(v)}
            </div>
          </li>
        ))}
      </ul>

      <div className="queue-panel__call">
        <ActionButton
          className="button button--primary button--wide"
          onAction={onCallNext}
          disabled={nobodyWaiting}
          aria-describedby={nobodyWaiting ? 'call-next-hint' : undefined}
        >
          {t('consultation.callNext')}
        </ActionButton>
        {nobodyWaiting && (
          <p id="call-next-hint" className="muted">
            {t('consultation.nobodyWaiting')}
          </p>
        )}
      </div>

      {queued.length > 0 && (
        <>
          <h3 id="waiting-title">{t('consultation.waitingTitle', { count: queued.length })}</h3>
          {/* Focusable so that the keyboard can scroll it too. */}
          <div className="queue-scroll" tabIndex={0} role="region" aria-labelledby="waiting-title">
            <ol className="queue-list" aria-label={t('consultation.queueTitle')}>
              {queued.map((v) => (
                <li key={v.visitId}>
                  <div>
                    <span className="queue">{v.queueLabel}</span> {v.fullName}
                    <PriorityBadge priority={v.priority} />
                    <span className="muted">
                      {' '}
                      · {t('consultation.waitedFor', { count: minutesBetween(v.checkedInAt, now) })}
                    </span>
                  </div>
                  <div className="queue-purpose queue-purpose--short" title={v.purpose}>
                    {v.purpose}
                  </div>
                </li>
              ))}
            </ol>
          </div>
        </>
      )}

      {noShows.length > 0 && (
        <>
          <h3>{t('consultation.noShowTitle')}</h3>
          <ul className="mine-list">
            {noShows.map((v) => (
              <li key={v.visitId}>
                <div>
                  <span className="queue">{v.queueLabel}</span> {v.fullName}
                </div>
                <ActionButton
                  className="button button--small"
                  onAction={() => onAction('returnToQueue', v)}
                >
                  {t('consultation.returnToQueue')}
                </ActionButton>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
