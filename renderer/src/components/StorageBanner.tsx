import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../shared/api/contract';
import { api } from '../api/client';
import './StorageBanner.css';

const POLL_MS = 30_000;

function gigabytes(bytes: number, lang: string): string {
  return new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'id-ID', {
    maximumFractionDigits: 1,
  }).format(bytes / 1024 ** 3);
}

/** Tells every staff screen when the database is damaged or the data folder's disk runs full. */
export function StorageBanner() {
  const { t, i18n } = useTranslation();
  const [status, setStatus] = useState<MethodOutput<'storage.status'> | null>(null);

  useEffect(() => {
    let live = true;
    const poll = async () => {
      const r = await api('storage.status', {});
      if (live && r.ok) setStatus(r.value);
    };
    void poll();
    const timer = setInterval(() => void poll(), POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, []);

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
