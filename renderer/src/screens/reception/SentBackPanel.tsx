import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatTimeWib } from '../../../../shared/time';
import { api } from '../../api/client';
import { errorText } from '../../api/errors';
import { ActionButton } from '../../components/ActionButton';
import { Notice } from '../../components/Notice';
import { useLiveCall } from '../../hooks/use-live-call';

/** Only while the push stream is down. */
const REFRESH_MS = 30_000;

/**
 * Visitors an officer sent back to reception (with why). They are out of the consultation
 * queue until the receptionist, having helped them, puts them back in their old place.
 */
export function SentBackPanel() {
  const { t, i18n } = useTranslation();
  const list = useLiveCall('queue.atReception', {}, { topics: ['queue'], fallbackMs: REFRESH_MS });
  const [failure, setFailure] = useState<string | null>(null);
  const visits = list.data ?? [];
  if (visits.length === 0 && failure === null) return null;

  const release = async (visitId: number) => {
    const r = await api('queue.releaseFromReception', { visitId });
    setFailure(r.ok ? null : errorText(r.error));
    list.reload();
  };

  return (
    <section className="card" aria-labelledby="sent-back-title">
      <h2 id="sent-back-title">{t('waiting.sentBackTitle')}</h2>
      {failure && <Notice kind="error">{failure}</Notice>}
      <ul className="mine-list">
        {visits.map((v) => (
          <li key={v.visitId}>
            <div>
              <span className="queue">{v.queueLabel}</span> {v.fullName}{' '}
              <span className="muted">
                · {t('waiting.sentBackAt', { time: formatTimeWib(v.since, i18n.language) })}
              </span>
            </div>
            {v.reason && (
              <p className="queue-purpose">
                <span className="queue-purpose__label">{t('waiting.reason')}:</span> {v.reason}
              </p>
            )}
            <ActionButton className="button button--small" onAction={() => release(v.visitId)}>
              {t('waiting.release')}
            </ActionButton>
          </li>
        ))}
      </ul>
    </section>
  );
}
