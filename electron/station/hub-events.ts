import { request as httpRequest, type ClientRequest } from 'node:http';
import { createParser } from 'eventsource-parser';
import { LAN_PATHS } from '../../shared/api/lan-protocol';
import { pushEventSchema, type PushEvent } from '../../shared/api/push-events';
import {
  connectPinned,
  hostHeader,
  HubTransportError,
  type HubPin,
  type HubResponse,
} from './hub-client';
import type { HubCalls } from './hub-calls';
import type { HubLinkTracker } from './hub-link';

export interface HubEventsOptions {
  pin: HubPin;
  calls: HubCalls;
  link: HubLinkTracker;
  /** Receives the hub's `change` events, and `resync` after every reconnect. */
  emit: (event: PushEvent) => void;
  /** First delay after a lost stream; doubles up to maxBackoffMs, with jitter. */
  minBackoffMs?: number;
  maxBackoffMs?: number;
  /** The hub pings more often than this; silence this long means the link is gone. */
  silenceMs?: number;
}

/**
 * Keeps one Server-Sent Events stream open to the hub's `/lan/events` and relays what it hears.
 * A lost stream reconnects with backoff; after a reconnect the screens get `resync`, since
 * whatever changed meanwhile was not heard. A refusal (revoked, other contract) stops it.
 */
export class HubEvents {
  private stopped = false;
  private current: ClientRequest | null = null;
  private timer: NodeJS.Timeout | null = null;
  private failures = 0;
  private everConnected = false;
  private readonly min: number;
  private readonly max: number;
  private readonly silenceMs: number;

  constructor(private readonly options: HubEventsOptions) {
    this.min = options.minBackoffMs ?? 1000;
    this.max = options.maxBackoffMs ?? 30_000;
    this.silenceMs = options.silenceMs ?? 45_000;
  }

  start(): void {
    this.stopped = false;
    void this.open();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.current?.destroy();
    this.current = null;
  }

  /** Tries at once (e.g. a call just reached the hub) instead of waiting out the backoff. */
  nudge(): void {
    if (this.stopped || this.current || !this.timer) return;
    clearTimeout(this.timer);
    this.timer = null;
    void this.open();
  }

  private retryLater(): void {
    this.current = null;
    if (this.stopped || this.options.link.isFinallyRefused()) return;
    const base = Math.min(this.max, this.min * 2 ** Math.min(this.failures, 10));
    this.failures += 1;
    const delay = base / 2 + Math.random() * (base / 2);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.open();
    }, delay);
    this.timer.unref();
  }

  private async open(): Promise<void> {
    if (this.stopped) return;
    const { calls, link } = this.options;
    let socket;
    try {
      socket = await connectPinned(this.options.pin, 5000);
    } catch (err) {
      calls.transportFailure(err, 'id');
      this.retryLater();
      return;
    }
    if (this.stopped) {
      socket.destroy();
      return;
    }
    const req = httpRequest({
      method: 'GET',
      path: LAN_PATHS.events,
      headers: {
        ...hostHeader(this.options.pin.address),
        ...calls.authHeaders({ locale: 'id' }),
        accept: 'text/event-stream',
      },
      createConnection: () => socket,
    });
    this.current = req;
    let silence: NodeJS.Timeout | null = null;
    const heard = () => {
      if (silence) clearTimeout(silence);
      silence = setTimeout(() => req.destroy(new Error('silent')), this.silenceMs);
      silence.unref();
    };
    let ended = false;
    const lost = (err?: unknown) => {
      if (ended) return;
      ended = true;
      if (silence) clearTimeout(silence);
      if (!this.stopped)
        calls.transportFailure(err ?? new HubTransportError('unreachable', true), 'id');
      this.retryLater();
    };
    req.once('error', lost);
    req.once('response', (res) => {
      if (res.statusCode !== 200) {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.once('end', () => {
          ended = true;
          const answer: HubResponse = { status: res.statusCode ?? 0, body: Buffer.concat(chunks) };
          calls.interpret(answer, 'id');
          if (link.current().state === 'connected') link.unreachable();
          this.retryLater();
        });
        return;
      }
      const reconnected = this.everConnected;
      this.everConnected = true;
      this.failures = 0;
      link.connected();
      link.compatibleAgain();
      if (reconnected) this.options.emit({ type: 'resync' });
      heard();
      const parser = createParser({
        onEvent: (message) => {
          if (message.event !== undefined && message.event !== 'change') return;
          let data: unknown;
          try {
            data = JSON.parse(message.data);
          } catch {
            return;
          }
          const event = pushEventSchema.safeParse(data);
          // Only what the hub's core says changed; the link state is this station's to say.
          if (event.success && event.data.type !== 'hub') this.options.emit(event.data);
        },
      });
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        heard();
        parser.feed(chunk);
      });
      res.once('end', () => lost());
      res.once('error', lost);
      res.once('close', () => lost());
    });
    req.end();
  }
}
