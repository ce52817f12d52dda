import { useTranslation } from 'react-i18next';
import { useLiveCall } from '../hooks/use-live-call';
import './StorageBanner.css';
import { numberFormat, ONE_DECIMAL } from '../../../shared/formatters';

const POLL_MS = 30_000;

function gigabytes(bytes: number, lang: string): string {
  return numberFormat(lang, ONE_DECIMAL).format(bytes / 1024 ** 3);
}

/** Tells every staff screen when the database is damaged or the data folder's disk runs full. */
export function StorageBanner() {
  const { t, i18n } = useTranslation();
  // The disk fills without any call announcing it: this one keeps its own slow poll.
  const status = useLiveCall(
    'storage.status',
    {},
    {
      topics: ['storage', 'cases'],
      fallbackMs: POLL_MS,
      alwaysEveryMs: POLL_MS,
    },
  ).data;

  if (!status) return null;
  const messages = [
    status.damaged && t('storage.damaged'),
    status.lowDisk &&
      t('storage.lowDisk', { free: gigabytes(status.freeBytes ?? 0, i18n.language) }),
  ].filter((m): m is string => Boolean(m));
  if (messages.length === 0) return null;
  return (
    <div
      className={`storage-banner${status.damaged ? ' storage-banner--damaged' : ''}`}
      role="alert"
    >
      {messages.join(' ')}
    </div>
  );
}
