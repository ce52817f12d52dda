import { useTranslation } from 'react-i18next';
import { useLiveCall } from '../hooks/use-live-call';
import { deliveryProblems, type SyncStatus } from './delivery-problems';

/** Only while the push stream is down. */
const POLL_MS = 30_000;

/** Tells every staff screen when escalated cases are not reaching the backend helpdesk, and why. */
export function SyncBanner() {
  const { t } = useTranslation();
  const live = useLiveCall('sync.status', {}, { topics: ['sync'], fallbackMs: POLL_MS });
  const status: SyncStatus | null = live.data;
  const now = live.loadedAt ?? 0;

  if (!status) return null;
  const messages = deliveryProblems(status, now, t);
  if (messages.length === 0) return null;
  return (
    <div className="sync-banner" role="status">
      {messages.join(' ')}
    </div>
  );
}
