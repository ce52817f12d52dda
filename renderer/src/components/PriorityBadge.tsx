import { useTranslation } from 'react-i18next';
import type { VisitPriority } from '../../../shared/domain/priority';
import './PriorityBadge.css';

/** The priority mark on staff screens: the reason in words, the note of "lainnya" beside it. */
export function PriorityBadge({ priority }: { priority: VisitPriority }) {
  const { t } = useTranslation();
  if (!priority) return null;
  const reason = t(`priority.reasons.${priority.reason}`);
  return (
    <span className="priority-badge" title={priority.note ?? undefined}>
      {t('priority.badge', { reason: priority.note ? `${reason} (${priority.note})` : reason })}
    </span>
  );
}
