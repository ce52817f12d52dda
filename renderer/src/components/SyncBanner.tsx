import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../shared/api/contract';
import { api } from '../api/client';

const POLL_MS = 30_000;

/** Tells every staff screen when escalated cases are not reaching the backend helpdesk. */
export function SyncBanner() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<MethodOutput<'sync.status'> | null>(null);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    let live = true;
    const poll = async () => {
      const r = await api('sync.status', {});
      if (!live) return;
      setNow(Date.now());
      if (r.ok) setStatus(r.value);
    };
    void poll();
    const timer = setInterval(() => void poll(), POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, []);

  if (!status) return null;
  const waitedMinutes = status.oldestWaitingSince
    ? (now - Date.parse(status.oldestWaitingSince)) / 60_000
    : 0;
  const messages = [
    status.setupProblem === 'insecure_url' && t('sync.insecureUrl'),
    status.blockedByCredentials && t('sync.credentials'),
    status.unreachableSince && t('sync.unreachable'),
    waitedMinutes > status.lateAfterMinutes &&
      t('sync.late', { minutes: Math.floor(waitedMinutes) }),
  ].filter((m): m is string => Boolean(m));
  if (messages.length === 0) return null;
  return (
    <div className="sync-banner" role="status">
      {messages.join(' ')}
    </div>
  );
}
