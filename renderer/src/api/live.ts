import { createParser } from 'eventsource-parser';
import { pushEventSchema, type PushEvent } from '../../../shared/api/push-events';
import type { WindowKind } from '../../../shared/domain/station-kinds';
import { INITIAL_LINK, linkLost, linkOpened, linkRetrying, type LinkState } from './live-link';
import { launchToken, sessionTokenFor } from './transport';

/** Whether this tab hears its host's push stream; while not, screens fall back to polling. */
export interface LiveStatus {
  connected: boolean;
  /** Since when it has not (ms); null while connected or before the first try ended. */
  downSince: number | null;
}

export interface LiveFeed {
  /** Every push event (change, resync, hub) for this tab; returns the unsubscribe. */
  subscribe(listener: (event: PushEvent) => void): () => void;
  status(): LiveStatus;
  onStatus(listener: (status: LiveStatus) => void): () => void;
}

/** Three heartbeats missed: the stream is silently gone (a sleeping laptop, a dropped LAN). */
export const SILENCE_MS = 45_000;

export interface StreamFeedOptions {
  url: string;
  headers: () => Record<string, string>;
  fetch: (url: string, init: RequestInit) => Promise<Response>;
  now?: () => number;
  random?: () => number;
  silenceMs?: number;
}

function parsed(data: string): PushEvent | null {
  try {
    const result = pushEventSchema.safeParse(JSON.parse(data));
    return result.success ? result.data : null;
  } catch {
    return null;
  }
}

/**
 * One Server-Sent Events stream for the whole tab, read with fetch (so it carries the launch
 * token and the session in headers, which EventSource cannot), open while anyone listens,
 * reconnecting with backoff, and a resync to every listener each time it (re)opens.
 */
export function createStreamFeed(o: StreamFeedOptions): LiveFeed {
  const now = o.now ?? Date.now;
  const random = o.random ?? Math.random;
  const listeners = new Set<(event: PushEvent) => void>();
  const statusListeners = new Set<(status: LiveStatus) => void>();
  let state: LinkState = INITIAL_LINK;
  let running = false;
  let abort: AbortController | null = null;
  let retry: ReturnType<typeof setTimeout> | undefined;

  // The same object until it changes, as React's useSyncExternalStore needs.
  let current: LiveStatus = { connected: false, downSince: null };
  const status = (): LiveStatus => current;
  const setState = (next: LinkState) => {
    state = next;
    const connected = state.status === 'open';
    if (current.connected === connected && current.downSince === state.downSince) return;
    current = { connected, downSince: state.downSince };
    for (const l of statusListeners) l(current);
  };
  const deliver = (event: PushEvent) => {
    for (const l of [...listeners]) l(event);
  };

  const lost = () => {
    if (!running) return;
    const next = linkLost(state, now(), random());
    setState(next.state);
    retry = setTimeout(() => {
      setState(linkRetrying(state));
      void connect();
    }, next.retryInMs);
  };

  const connect = async () => {
    const controller = new AbortController();
    abort = controller;
    let silence: ReturnType<typeof setTimeout> | undefined;
    const heard = () => {
      clearTimeout(silence);
      silence = setTimeout(() => controller.abort(), o.silenceMs ?? SILENCE_MS);
    };
    try {
      const res = await o.fetch(o.url, {
        headers: { Accept: 'text/event-stream', ...o.headers() },
        signal: controller.signal,
        cache: 'no-store',
      });
      if (!res.ok || !res.body) throw new Error(`push stream refused: ${res.status}`);
      heard();
      const opened = linkOpened();
      setState(opened.state);
      deliver({ type: 'resync' });
      const parser = createParser({
        onEvent: (message) => {
          const event = parsed(message.data);
          if (event) deliver(event);
        },
      });
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      for (;;) {
        const chunk = await reader.read();
        if (chunk.done) break;
        heard();
        parser.feed(chunk.value);
      }
    } catch {
      // Refused, unreachable, aborted or silent: all the same to the screens.
    } finally {
      clearTimeout(silence);
    }
    if (abort === controller) lost();
  };

  const start = () => {
    running = true;
    void connect();
  };
  const stop = () => {
    running = false;
    clearTimeout(retry);
    const controller = abort;
    abort = null;
    controller?.abort();
    setState(INITIAL_LINK);
  };

  return {
    subscribe(listener) {
      listeners.add(listener);
      if (!running) start();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) stop();
      };
    },
    status,
    onStatus(listener) {
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },
  };
}

const ALWAYS_CONNECTED: LiveStatus = { connected: true, downSince: null };

/** Electron: the main process sends this window its events over IPC, which does not drop. */
function bridgeFeed(onPush: (listener: (event: unknown) => void) => () => void): LiveFeed {
  return {
    subscribe: (listener) =>
      onPush((raw) => {
        const event = pushEventSchema.safeParse(raw);
        if (event.success) listener(event.data);
      }),
    status: () => ALWAYS_CONNECTED,
    onStatus: () => () => {},
  };
}

const feeds = new Map<WindowKind, LiveFeed>();

/** This tab's one feed for its window kind. */
export function liveFeed(kind: WindowKind): LiveFeed {
  const existing = feeds.get(kind);
  if (existing) return existing;
  const bridge = window.loket;
  const feed = bridge
    ? bridgeFeed((l) => bridge.onPush(l))
    : createStreamFeed({
        url: `/api/events/${kind}`,
        headers: () => {
          const session = sessionTokenFor(kind);
          return {
            Authorization: `Bearer ${launchToken()}`,
            ...(session && { 'X-Loket-Session': session }),
          };
        },
        fetch: (url, init) => fetch(url, init),
      });
  feeds.set(kind, feed);
  return feed;
}
