import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDayLong, formatTimeWib, serviceDayOf } from '../../../shared/time';
import { displayApi } from '../api/survey-client';
import { useLiveCall, useLiveStatus } from '../hooks/use-live-call';
import './board.css';

const boardApi = displayApi('display');
/** Only while the push stream is down. */
const FALLBACK_MS = 15_000;

/** The wall clock, once a second: the board shows the date and time in WIB. */
function useClock(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/**
 * The waiting-room board: who is called now, in large numbers, and the last five calls. Queue
 * numbers only — it faces the waiting room, and the method it calls returns nothing else.
 */
export function BoardApp() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const now = useClock();
  const calls = useLiveCall(
    'board.calls',
    {},
    {
      topics: ['queue'],
      fallbackMs: FALLBACK_MS,
      window: 'display',
      call: (method, input) => boardApi(method, input, locale),
    },
  ).data;
  const link = useLiveStatus('display');
  const current = calls?.current ?? [];
  const recent = calls?.recent ?? [];

  return (
    <main className="board" aria-labelledby="board-service">
      <header className="board__head">
        <h1 id="board-service">{t('board.service')}</h1>
        <p className="board__clock">
          <span>{formatDayLong(serviceDayOf(now), locale)}</span>
          <span className="board__time">{formatTimeWib(now.toISOString(), locale)} WIB</span>
        </p>
      </header>
      {link.downSince !== null && (
        <p className="board__down" role="status">
          {t('board.disconnected', {
            time: formatTimeWib(new Date(link.downSince).toISOString(), locale),
          })}
        </p>
      )}
      <section className="board__now" aria-labelledby="board-now" aria-live="polite">
        <h2 id="board-now">{t('board.nowCalling')}</h2>
        {current.length === 0 ? (
          <p className="board__none">{t('board.nobodyCalled')}</p>
        ) : (
          <ul className="board__numbers">
            {current.map((c) => (
              <li key={c.queueLabel} className="board__number">
                {c.queueLabel}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="board__recent" aria-labelledby="board-recent">
        <h2 id="board-recent">{t('board.recent')}</h2>
        <ol>
          {recent.map((c) => (
            <li key={c.queueLabel}>
              <span className="board__label">{c.queueLabel}</span>
              <span className="board__at">{formatTimeWib(c.calledAt, locale)}</span>
            </li>
          ))}
        </ol>
      </section>
    </main>
  );
}
