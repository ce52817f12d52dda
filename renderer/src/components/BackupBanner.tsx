import { useTranslation } from 'react-i18next';
import { useLiveCall } from '../hooks/use-live-call';
import { when } from '../screens/backup/when';
import './StorageBanner.css';

const POLL_MS = 5 * 60_000;

/** Tells every staff screen when the last good backup is older than the admin's limit. */
export function BackupBanner() {
  const { t, i18n } = useTranslation();
  // Time passing makes a backup stale without any call announcing it: a slow poll of its own.
  const status = useLiveCall(
    'backup.status',
    {},
    { topics: ['storage'], fallbackMs: POLL_MS, alwaysEveryMs: POLL_MS },
  ).data;
  if (!status?.stale) return null;
  return (
    <div className="storage-banner" role="status">
      {status.lastGood
        ? t('backup.stale', {
            hours: status.staleHours,
            time: when(status.lastGood.at, i18n.language),
          })
        : t('backup.staleNever')}
    </div>
  );
}
