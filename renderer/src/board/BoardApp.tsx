import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardCall } from '../../../shared/api/methods/board';
import { DEFAULT_BOARD_AUDIO, type BoardAudio } from '../../../shared/domain/board-audio';
import { formatDayLong, formatTimeWib, serviceDayOf } from '../../../shared/time';
import { displayApi } from '../api/survey-client';
import { useLiveCall, useLiveStatus } from '../hooks/use-live-call';
import { Announcer } from './announcer';
import { boardSpeaker, soundAllowed } from './board-voice';
import { usePlaceLabel, usePlaceLines } from './place-label';
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
 * Speaks each new call once, one after another, with the settings of the moment; says when the
 * browser will not play sound until someone touches the screen.
 */
function useAnnouncements(
  announcements: Parameters<Announcer['update']>[0] | undefined,
  audio: BoardAudio,
) {
  const settings = useRef(audio);
  const [blocked, setBlocked] = useState(false);
  const announcer = useRef<Announcer | null>(null);
  useEffect(() => {
    settings.current = audio;
  }, [audio]);
  useEffect(() => {
    announcer.current ??= new Announcer(
      boardSpeaker(
        () => settings.current,
        () => setBlocked(true),
      ),
    );
    if (announcements) announcer.current.update(announcements);
  }, [announcements]);
  const muted = audio.muted || audio.volume === 0;
  useEffect(() => {
    if (muted) return;
    let live = true;
    void soundAllowed().then((allowed) => live && setBlocked(!allowed));
    return () => {
      live = false;
    };
  }, [muted]);
  const unblock = async () => setBlocked(!(await soundAllowed()));
  return { blocked: blocked && !muted, muted, unblock };
}

function FeaturedPlace({ main, sub }: { main: string; sub: string | null }) {
  return (
    <p className="board__place">
      <span className="board__desk">{main}</span>
      {sub !== null && <span className="board__room">{sub}</span>}
    </p>
  );
}

/**
 * The waiting-room board: the newest call very large with where to go, the other current calls
 * beside it, and the last five. Queue numbers and places only — it faces the waiting room, and
 * the method it calls returns nothing else.
 */
export function BoardApp() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const now = useClock();
  const place = usePlaceLabel();
  const placeLines = usePlaceLines();
  const live = { window: 'display' } as const;
  const callsCall = useLiveCall(
    'board.calls',
    {},
    {
      topics: ['queue'],
      fallbackMs: FALLBACK_MS,
      ...live,
      call: (method, input) => boardApi(method, input, locale),
    },
  );
  const audio =
    useLiveCall(
      'board.audio',
      {},
      {
        topics: ['settings'],
        fallbackMs: FALLBACK_MS,
        ...live,
        call: (method, input) => boardApi(method, input, locale),
      },
    ).data ?? DEFAULT_BOARD_AUDIO;
  const calls = callsCall.data;
  const link = useLiveStatus('display');
  const sound = useAnnouncements(calls?.announcements, audio);
  const [featured, ...others] = calls?.current ?? [];
  const recent = calls?.recent ?? [];
  // Never silently stale: a lost stream or a failed reload both say so, with since when.
  const downSince =
    link.downSince ?? (callsCall.error ? (callsCall.loadedAt ?? now.getTime()) : null);

  const callPlace = (c: BoardCall) => place(c.room, c.desk);

  return (
    <main
      className={`board${downSince !== null ? ' board--stale' : ''}`}
      data-link={link.connected ? 'open' : 'closed'}
      aria-labelledby="board-service"
    >
      <header className="board__head">
        <h1 id="board-service">{t('board.service')}</h1>
        <p className="board__clock">
          <span>{formatDayLong(serviceDayOf(now), locale)}</span>
          <span className="board__time">{formatTimeWib(now.toISOString(), locale)} WIB</span>
        </p>
      </header>
      {downSince !== null && (
        <p className="board__down" role="status">
          <strong>
            {t('board.disconnected', {
              time: formatTimeWib(new Date(downSince).toISOString(), locale),
            })}
          </strong>{' '}
          {t('waiting.board.staleHint')}
        </p>
      )}
      {sound.blocked && (
        <button type="button" className="board__sound" onClick={() => void sound.unblock()}>
          {t('waiting.board.enableSound')}
        </button>
      )}
      <div className="board__body">
        <section className="board__now" aria-labelledby="board-now" aria-live="polite">
          <h2 id="board-now">{t('board.nowCalling')}</h2>
          {featured === undefined ? (
            <p className="board__none">{t('board.nobodyCalled')}</p>
          ) : (
            <div className="board__featured" key={`${featured.queueLabel}-${featured.calledAt}`}>
              <p className="board__number">{featured.queueLabel}</p>
              <FeaturedPlace {...placeLines(featured.room, featured.desk)} />
            </div>
          )}
          {others.length > 0 && (
            <ul className="board__others" aria-label={t('waiting.board.alsoCalled')}>
              {others.map((c) => (
                <li key={c.queueLabel}>
                  <span className="board__label">{c.queueLabel}</span>
                  <span className="board__at">{callPlace(c)}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="board__recent" aria-labelledby="board-recent">
          <h2 id="board-recent">{t('board.recent')}</h2>
          {recent.length === 0 ? (
            <p className="board__at">{t('waiting.board.noRecent')}</p>
          ) : (
            <ol>
              {recent.map((c) => (
                <li key={c.queueLabel}>
                  <span className="board__label">{c.queueLabel}</span>
                  <span className="board__at">
                    {callPlace(c)} · {formatTimeWib(c.calledAt, locale)}
                  </span>
                </li>
              ))}
            </ol>
          )}
        </section>
      </div>
      {sound.muted && <p className="board__muted">{t('waiting.board.muted')}</p>}
    </main>
  );
}
