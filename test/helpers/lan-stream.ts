import { request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { contractId, LAN_HEADERS, LAN_PATHS } from '../../shared/api/lan-protocol';
import type { HubProcess } from './lan-hub';

/** An open Server-Sent Events stream: each event's name as it arrives. */
export interface EventStream {
  /** Resolves once the first event (the hub's hello, or the first change) is in. */
  opened: Promise<void>;
  onEvent(listener: (event: string) => void): void;
  close(): void;
}

function typeOfData(block: string): string | undefined {
  const data = /^data: (.+)$/m.exec(block)?.[1];
  if (data === undefined) return undefined;
  try {
    const parsed = JSON.parse(data) as { type?: unknown };
    return typeof parsed.type === 'string' ? parsed.type : undefined;
  } catch {
    return undefined;
  }
}

function readEvents(req: ClientRequest): EventStream {
  const listeners = new Set<(event: string) => void>();
  let opened!: () => void;
  const openedPromise = new Promise<void>((r) => (opened = r));
  req.on('response', (res: IncomingMessage) => {
    if (res.statusCode !== 200) throw new Error(`stream refused: ${res.statusCode}`);
    opened();
    let buffered = '';
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      buffered += chunk;
      let end: number;
      while ((end = buffered.indexOf('\n\n')) >= 0) {
        const block = buffered.slice(0, end);
        buffered = buffered.slice(end + 2);
        // The LAN stream names its events; a window's stream carries `{ type }` as data only.
        const name = /^event: (.+)$/m.exec(block)?.[1] ?? typeOfData(block);
        if (name) for (const l of listeners) l(name);
      }
    });
  });
  req.on('error', () => {});
  req.end();
  return {
    opened: openedPromise,
    onEvent: (l) => listeners.add(l),
    close: () => req.destroy(),
  };
}

/** A station's push stream from the hub, over TLS pinned to its certificate. */
export function lanEvents(hub: HubProcess, credential: string): EventStream {
  return readEvents(
    httpsRequest({
      host: hub.info.lanHost,
      port: hub.info.lanPort,
      path: LAN_PATHS.events,
      headers: {
        [LAN_HEADERS.contract]: contractId(),
        authorization: `Bearer ${credential}`,
        accept: 'text/event-stream',
      },
      ca: hub.pem,
      agent: false,
      checkServerIdentity: (_h, cert) =>
        cert.fingerprint256 === hub.info.fingerprint ? undefined : new Error('pinned fingerprint'),
    }),
  );
}

/** A staff window's push stream on the hub PC's own loopback host (the all-in-one case). */
export function loopbackEvents(hub: HubProcess, session: string): EventStream {
  const url = new URL('/api/events/staff', hub.info.url);
  return readEvents(
    httpRequest(url, {
      headers: {
        authorization: `Bearer ${hub.info.launchToken}`,
        'x-loket-session': session,
        accept: 'text/event-stream',
      },
    }),
  );
}
