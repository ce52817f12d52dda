import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { deliveryProblems, type SyncStatus } from './delivery-problems';

const POLL_MS = 30_000;

/** Tells every staff screen when escalated cases are not reaching the backend helpdesk, and why. */
export function SyncBanner() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<SyncStatus | null>(null);
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
  const messages = deliveryProblems(status, now, t);
  if (messages.length === 0) return null;
  return (
    <div className="sync-banner" role="status">
      {messages.join(' ')}
    </div>
  );
}
