import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { PriorityReason } from '../../../../shared/domain/priority';
import { PriorityBadge } from '../../components/PriorityBadge';
import { SlipActions } from '../../components/SlipActions';
import './reception.css';

export interface IssuedNumber {
  visitId: number;
  queueLabel: string;
  fullName: string;
  priorityReason: PriorityReason | null;
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
  const target = useMemo(
    () => ({ kind: 'queue', visitId: issued.visitId }) as const,
    [issued.visitId],
  );
  return (
    <div className="issued-number" role="status" aria-label={t('reception.queuePanelLabel')}>
      <p className="issued-number__label">{t('reception.queuePanelLabel')}</p>
      <p className="issued-number__number">{issued.queueLabel}</p>
      {issued.priorityReason && (
        <p>
          <PriorityBadge priority={{ reason: issued.priorityReason, note: null }} />
        </p>
      )}
      <p className="issued-number__wait">
        {t('reception.queuePanelWait', { name: callingName(issued.fullName) })}
      </p>
      <p className="issued-number__detail">
        {t('reception.checkedIn', { queue: issued.queueLabel, name: issued.fullName })}
      </p>
      <SlipActions key={issued.visitId} target={target} printOnOpen />
      <button type="button" className="button button--small issued-number__close" onClick={onClose}>
        {t('reception.queuePanelClose')}
      </button>
    </div>
  );
}
