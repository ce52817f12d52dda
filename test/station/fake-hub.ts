import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { X509Certificate } from 'node:crypto';
import { generate } from 'selfsigned';
import { contractId, LAN_HEADERS, LAN_PATHS } from '../../shared/api/lan-protocol';
import type { PushEvent } from '../../shared/api/push-events';

export interface HubKey {
  key: string;
  cert: string;
  fingerprint: string;
}

/** A key and self-signed certificate made as the hub makes its own (selfsigned). */
export async function makeHubKey(): Promise<HubKey> {
  const pems = await generate([{ name: 'commonName', value: 'Loket hub uji' }], {
    keySize: 2048,
    algorithm: 'sha256',
    extensions: [
      { name: 'basicConstraints', cA: true },
      { name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] },
    ],
  });
  return {
    key: pems.private,
    cert: pems.cert,
    fingerprint: new X509Certificate(pems.cert).fingerprint256,
  };
}

export interface SeenRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** `drop`: the hub did the work and the connection broke before its answer left. */
export type ApiAnswer = { status: number; body: unknown } | 'drop';

/**
 * A hub per shared/api/lan-protocol.ts, as far as a station sees it: hello, pair, the API,
 * uploads and the event stream, with every request it received recorded.
 */
export class FakeHub {
  readonly seen: SeenRequest[] = [];
  readonly streams = new Set<ServerResponse>();
  /** Answers an API call; default: `{ ok: true, value: { echo: input } }`. */
  answer: (window: string, method: string, input: unknown, req: SeenRequest) => ApiAnswer = (
    _w,
    _m,
    input,
  ) => ({ status: 200, body: { ok: true, value: { echo: input } } });
  /** Answers the event stream's request: 200 streams, otherwise a refusal body. */
  eventsAnswer: () => { status: number; body: unknown } | null = () => null;
  credential = 'c'.repeat(43);
  private server: Server | null = null;
  port = 0;

  constructor(private readonly key: HubKey) {}

  async start(port = 0): Promise<this> {
    this.server = createServer({ key: this.key.key, cert: this.key.cert }, (req, res) =>
      this.handle(req, res),
    );
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(port, '127.0.0.1', () => resolve());
    });
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  get address(): string {
    return `127.0.0.1:${this.port}`;
  }

  push(event: PushEvent): void {
    for (const res of this.streams) res.write(`event: change\ndata: ${JSON.stringify(event)}\n\n`);
  }

  async stop(): Promise<void> {
    for (const res of this.streams) res.destroy();
    this.streams.clear();
    const server = this.server;
    this.server = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const seen: SeenRequest = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      this.seen.push(seen);
      const json = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (seen.path === LAN_PATHS.hello) {
        return json(200, {
          service: 'loket-hub',
          hubName: 'Hub PTSP Uji',
          version: '0.1.0',
          contractId: contractId(),
        });
      }
      if (seen.path === LAN_PATHS.pair) {
        const body = JSON.parse(seen.body) as { code: string; name: string };
        if (body.code !== 'ABCD2345') {
          return json(403, {
            ok: false,
            error: { code: 'PAIRING_CODE_INVALID', message: 'Kode pemasangan salah' },
          });
        }
        // As the real hub answers (lan-host.ts): the result in the API's envelope.
        return json(200, {
          ok: true,
          value: {
            stationId: 7,
            kind: 'consultation',
            name: body.name,
            hubName: 'Hub PTSP Uji',
            credential: this.credential,
          },
        });
      }
      if (seen.path === LAN_PATHS.events) {
        const refusal = this.eventsAnswer();
        if (refusal) return json(refusal.status, refusal.body);
        res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
        res.write(`event: hello\ndata: {}\n\n`);
        this.streams.add(res);
        res.on('close', () => this.streams.delete(res));
        return;
      }
      if (seen.path === LAN_PATHS.upload) {
        return json(200, { ok: true, value: { uploadId: 'f'.repeat(32) } });
      }
      if (seen.path.startsWith(LAN_PATHS.api)) {
        const [window = '', method = ''] = seen.path.slice(LAN_PATHS.api.length).split('/');
        const input = (JSON.parse(seen.body || '{}') as { input?: unknown }).input;
        const answer = this.answer(window, decodeURIComponent(method), input, seen);
        if (answer === 'drop') return void req.socket.destroy();
        return json(answer.status, answer.body);
      }
      json(404, { ok: false, error: { code: 'UNKNOWN_METHOD', message: 'unknown' } });
    });
  }
}

export function apiCalls(hub: FakeHub): SeenRequest[] {
  return hub.seen.filter((r) => r.path.startsWith(LAN_PATHS.api));
}

export const sessionHeader = LAN_HEADERS.session;
