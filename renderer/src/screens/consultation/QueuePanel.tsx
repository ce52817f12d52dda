import { useTranslation } from 'react-i18next';
import type { QueueVisit } from '../../../../shared/domain/visit';
import { minutesBetween } from '../../../../shared/time';

interface QueuePanelProps {
  waiting: QueueVisit[];
  mine: QueueVisit[];
  now: Date;
  selectedVisitId: number | null;
  onCallNext: () => void;
  onAction: (action: 'start' | 'noShow' | 'returnToQueue', visit: QueueVisit) => void;
  onSelect: (visit: QueueVisit) => void;
}

export function QueuePanel({
  waiting,
  mine,
  now,
  selectedVisitId,
  onCallNext,
  onAction,
  onSelect,
}: QueuePanelProps) {
  const { t } = useTranslation();
  const queued = waiting.filter((v) => v.status === 'waiting');
  const noShows = waiting.filter((v) => v.status === 'no_show');
  return (
    <section className="card queue-panel" aria-labelledby="queue-title">
      <h2 id="queue-title">{t('consultation.queueTitle')}</h2>
      <button type="button" className="button button--primary button--wide" onClick={onCallNext}>
        {t('consultation.callNext')}
      </button>
      {queued.length === 0 ? (
        <p className="muted">{t('consultation.waitingEmpty')}</p>
      ) : (
        <ol className="queue-list" aria-label={t('consultation.queueTitle')}>
          {queued.map((v) => (
            <li key={v.visitId}>
              <span className="queue">{v.queueLabel}</span> {v.fullName}
              <span className="muted">
                {' '}
                · {t('consultation.waitedFor', { count: minutesBetween(v.checkedInAt, now) })}
              </span>
            </li>
          ))}
        </ol>
      )}

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
            </div>
            <div className="button-row">
              {v.status === 'called' && (
                <>
                  <button
                    type="button"
                    className="button button--small"
                    onClick={() => onAction('start', v)}
                  >
                    {t('consultation.start')}
                  </button>
                  <button
                    type="button"
                    className="button button--small"
                    onClick={() => onAction('noShow', v)}
                  >
                    {t('consultation.noShow')}
                  </button>
                  <button
                    type="button"
                    className="button button--small"
                    onClick={() => onAction('returnToQueue', v)}
                  >
                    {t('consultation.returnToQueue')}
                  </button>
                </>
              )}
              {v.status === 'in_consultation' && v.visitId !== selectedVisitId && (
                <button type="button" className="button button--small" onClick={() => onSelect(v)}>
                  {t('consultation.openVisit', { queue: v.queueLabel })}
                </button>
              )}
            </div>
          </li>
        ))}
      </ul>

      {noShows.length > 0 && (
        <>
          <h3>{t('consultation.noShowTitle')}</h3>
          <ul className="mine-list">
            {noShows.map((v) => (
              <li key={v.visitId}>
                <span className="queue">{v.queueLabel}</span> {v.fullName}
                <button
                  type="button"
                  className="button button--small"
                  onClick={() => onAction('returnToQueue', v)}
                >
                  {t('consultation.returnToQueue')}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
