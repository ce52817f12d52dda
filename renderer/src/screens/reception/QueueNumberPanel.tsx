import { useTranslation } from 'react-i18next';
import './reception.css';

export interface IssuedNumber {
  queueLabel: string;
  fullName: string;
}

/**
 * How the visitor is addressed on the panel: the first word, with the next one when the first
 * is a short particle ("Ni Luh", "I Made"), never the whole name for everyone nearby to read.
 */
export function callingName(fullName: string): string {
  const words = fullName.trim().split(/\s+/);
  const first = words[0] ?? '';
  return first.length <= 2 && words[1] ? `${first} ${words[1]}` : first;
}

/** The queue number just issued, large enough to read out or to turn the screen to the visitor. */
export function QueueNumberPanel({
  issued,
  onClose,
}: {
  issued: IssuedNumber;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="issued-number" role="status" aria-label={t('reception.queuePanelLabel')}>
      <p className="issued-number__label">{t('reception.queuePanelLabel')}</p>
      <p className="issued-number__number">{issued.queueLabel}</p>
      <p className="issued-number__wait">
        {t('reception.queuePanelWait', { name: callingName(issued.fullName) })}
      </p>
      <p className="issued-number__detail">
        {t('reception.checkedIn', { queue: issued.queueLabel, name: issued.fullName })}
      </p>
      <button type="button" className="button button--small" onClick={onClose}>
        {t('reception.queuePanelClose')}
      </button>
    </div>
  );
}
