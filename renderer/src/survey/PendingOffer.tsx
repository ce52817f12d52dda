import { useTranslation } from 'react-i18next';
import './PendingOffer.css';

export interface OfferedSurvey {
  ticket: string;
  queueLabel: string;
}

interface PendingOfferProps {
  shown: OfferedSurvey;
  /** Every survey waiting at this screen, oldest hand-over first. */
  pending: OfferedSurvey[];
  onNotMine: (next: OfferedSurvey) => void;
}

/**
 * Which visit the offered survey is for, by queue number only. With several waiting, the oldest
 * is shown first and "not my number" steps to the next, so each visitor answers for their own visit.
 */
export function PendingOffer({ shown, pending, onNotMine }: PendingOfferProps) {
  const { t } = useTranslation();
  const at = Math.max(
    0,
    pending.findIndex((p) => p.ticket === shown.ticket),
  );
  const next = pending[(at + 1) % pending.length];
  return (
    <div className="survey-offer">
      <p className="survey-offer__for">
        {t('surveyPending.forQueue')}{' '}
        <strong className="survey-offer__number" data-queue={shown.queueLabel}>
          {shown.queueLabel}
        </strong>
      </p>
      <p className="survey-offer__check">{t('surveyPending.checkNumber')}</p>
      {pending.length > 1 && next && (
        <div className="survey-offer__more">
          <p>{t('surveyPending.ofWaiting', { n: at + 1, count: pending.length })}</p>
          <button type="button" className="survey-secondary" onClick={() => onNotMine(next)}>
            {t('surveyPending.notMine')}
          </button>
        </div>
      )}
    </div>
  );
}
