import type { Topic } from '../../../shared/api/topics';
import type { LiveFeed } from '../api/live';

export interface FollowOptions {
  /** Reload when one of these changed; none: do not listen to the stream at all. */
  topics: readonly Topic[];
  /** Poll this often, but only while the stream is down (and only with topics to follow). */
  fallbackMs: number;
  /** Poll this often whatever the stream does: for state no call announces. */
  alwaysEveryMs?: number;
}

/**
 * When a loaded answer is out of date: the stream says one of its topics changed, or asks every
 * screen to resync after it (re)opened; while it is down, every `fallbackMs` instead. A load
 * with no topics is never followed — the screen reloads it itself — so it opens no stream.
 * Returns the stop.
 */
export function followTopics(
  feed: LiveFeed,
  options: FollowOptions,
  reload: () => void,
): () => void {
  const { topics, fallbackMs, alwaysEveryMs } = options;
  if (topics.length === 0) {
    if (alwaysEveryMs === undefined) return () => {};
    const timer = setInterval(reload, alwaysEveryMs);
    return () => clearInterval(timer);
  }
  const unsubscribe = feed.subscribe((event) => {
    if (
      event.type === 'resync' ||
      (event.type === 'change' && event.topics.some((t) => topics.includes(t)))
    ) {
      reload();
    }
  });
  let timer: ReturnType<typeof setInterval> | undefined;
  const poll = (connected: boolean) => {
    clearInterval(timer);
    const every = connected ? alwaysEveryMs : Math.min(fallbackMs, alwaysEveryMs ?? fallbackMs);
    timer = every === undefined ? undefined : setInterval(reload, every);
  };
  poll(feed.status().connected);
  const unwatch = feed.onStatus((s) => poll(s.connected));
  return () => {
    unsubscribe();
    unwatch();
    clearInterval(timer);
  };
}
