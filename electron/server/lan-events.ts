import type { ServerResponse } from 'node:http';
import type { Hello } from '../../shared/api/lan-protocol';
import type { PushEvent } from '../../shared/api/push-events';
import type { ChangeFeed } from '../core/api/change-feed';

/** A station needs one stream; a few more cover a reconnect racing the old one's close. */
export const MAX_STREAMS_PER_STATION = 4;

/** A comment line every so often keeps NAT boxes and the station's watchdog from giving up. */
export const PING_INTERVAL_MS = 15_000;

/** The open push streams, per station, so that a revoked station's stream can be closed at once. */
export class LanEventStreams {
  private readonly streams = new Map<number, Set<ServerResponse>>();

  constructor(
    private readonly changes: ChangeFeed,
    private readonly pingIntervalMs = PING_INTERVAL_MS,
  ) {}

  /** `hello` first, then a `change` per announced change (topics only, never data), pings. */
  open(stationId: number, res: ServerResponse, hello: Hello): void {
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      Connection: 'keep-alive',
    });
    res.socket?.setTimeout(0);
    res.socket?.setKeepAlive(true, this.pingIntervalMs);
    const send = (event: string, data: unknown) =>
      res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    send('hello', hello);
    const unsubscribe = this.changes.subscribe((topics) => {
      const event: PushEvent = { type: 'change', topics: [...topics] };
      send('change', event);
    });
    const ping = setInterval(() => res.write(': ping\n\n'), this.pingIntervalMs);
    ping.unref();
    const set = this.streams.get(stationId) ?? new Set<ServerResponse>();
    // One station cannot hold the hub's connections: past the bound its oldest stream goes.
    for (const old of set) {
      if (set.size < MAX_STREAMS_PER_STATION) break;
      set.delete(old);
      old.end();
      old.socket?.destroySoon();
    }
    set.add(res);
    this.streams.set(stationId, set);
    res.once('close', () => {
      unsubscribe();
      clearInterval(ping);
      set.delete(res);
      if (set.size === 0) this.streams.delete(stationId);
    });
  }

  /** Ends every stream of this station now (revoked): the socket goes, so nothing more is sent. */
  closeStation(stationId: number): void {
    for (const res of this.streams.get(stationId) ?? []) {
      res.end();
      res.socket?.destroySoon();
    }
  }

  closeAll(): void {
    for (const id of [...this.streams.keys()]) this.closeStation(id);
  }

  count(): number {
    let n = 0;
    for (const set of this.streams.values()) n += set.size;
    return n;
  }
}
