import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PushEvent } from '../../shared/api/push-events';
import type { Topic } from '../../shared/api/topics';
import {
  WINDOW_KIND_SPECS,
  type WindowKind,
  type WindowKindSpec,
} from '../../shared/domain/station-kinds';

/** What a host is given to feed its push streams: the shape a station's relay provides too. */
export type PushSubscribe = (listener: (event: PushEvent) => void) => () => void;

/** A comment line: keeps proxies and the client's "is it still there" check content. */
export const HEARTBEAT_FRAME = ': heartbeat\n\n';
export const HEARTBEAT_MS = 15_000;
/** Far above a desk's tabs (one stream each), well below the host's connection cap. */
export const MAX_PUSH_STREAMS = 64;
/** How long a client waits before it reconnects after the stream ends. */
export const RETRY_MS = 2_000;

/** One Server-Sent Events frame for one event: its JSON on a single `data:` line. */
export function sseFrame(event: PushEvent): string {
  return `data: ${JSON.stringify(event)}\n\n`;
}

/**
 * What a window of this kind hears of an event: a change narrowed to the topics its kind hears
 * (null when none is left); resync and hub events as they are.
 */
export function visibleTo(window: WindowKind, event: PushEvent): PushEvent | null {
  const hears: WindowKindSpec['hears'] = WINDOW_KIND_SPECS[window].hears;
  if (event.type !== 'change' || hears === 'all') return event;
  const topics = event.topics.filter((t) => hears.includes(t));
  return topics.length === 0 ? null : { type: 'change', topics };
}

/** The core's change feed speaks in topics; a stream speaks in push events. */
export function changesAsPush(
  subscribeChanges: (listener: (topics: readonly Topic[]) => void) => () => void,
): PushSubscribe {
  return (listener) =>
    subscribeChanges((topics) => listener({ type: 'change', topics: [...topics] }));
}

export interface PushStreamOptions {
  subscribe: PushSubscribe;
  heartbeatMs: number;
  maxStreams: number;
  headers: Record<string, string>;
}

/** The open streams of one host, each cleaned up when its client goes away or the host closes. */
export class PushStreams {
  private open = 0;

  constructor(private readonly o: PushStreamOptions) {}

  get size(): number {
    return this.open;
  }

  /** Serves one admitted request as an event stream; false when the cap is reached. */
  serve(req: IncomingMessage, res: ServerResponse, window: WindowKind): boolean {
    if (this.open >= this.o.maxStreams) return false;
    this.open++;
    // A stream is quiet between events by design: only the heartbeat and the client's going
    // away end it, never the socket idle timeout that guards calls.
    req.socket.setTimeout(0);
    req.socket.setNoDelay(true);
    res.writeHead(200, {
      ...this.o.headers,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Accel-Buffering': 'no',
    });
    res.write(`retry: ${RETRY_MS}\n\n`);
    const unsubscribe = this.o.subscribe((event) => {
      const visible = visibleTo(window, event);
      if (visible && !res.destroyed) res.write(sseFrame(visible));
    });
    const heartbeat = setInterval(() => {
      if (!res.destroyed) res.write(HEARTBEAT_FRAME);
    }, this.o.heartbeatMs);
    heartbeat.unref();
    let closed = false;
    res.once('close', () => {
      if (closed) return;
      closed = true;
      this.open--;
      clearInterval(heartbeat);
      unsubscribe();
    });
    return true;
  }
}
