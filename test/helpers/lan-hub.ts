import { spawn, type ChildProcess } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { request, type RequestOptions } from 'node:https';
import { connect, type PeerCertificate } from 'node:tls';
import { join } from 'node:path';
import { contractId, LAN_HEADERS } from '../../shared/api/lan-protocol';
import { freePort } from './lan-loket';
import type { StationKind } from '../../shared/domain/station-kinds';

const root = join(import.meta.dirname, '..', '..');

export interface HubInfo {
  url: string;
  launchToken: string;
  lanHost: string;
  lanPort: number;
  fingerprint: string;
}

export interface HubProcess {
  info: HubInfo;
  child: ChildProcess;
  /** The certificate as first fetched, fingerprint checked: what later requests pin. */
  pem: string;
  stop(): Promise<number | null>;
}

/** A hub as a separate process (browser mode with hub options), listening on a loopback address. */
export async function spawnHub(
  dataDir: string,
  extra: readonly string[] = [],
  /** null: no hub flags, the saved settings decide (the listener may be off). */
  lanHost: string | null = '127.0.0.2',
): Promise<HubProcess> {
  // The real launcher where its flags say it all; the test entry for what only tests set
  // (short-lived codes) or a hub started on its saved settings alone.
  const real = lanHost !== null && extra.length === 0;
  const lanPort = real ? await freePort(lanHost) : 0;
  const child = spawn(
    process.execPath,
    real
      ? [
          '--import',
          'tsx',
          'electron/start.ts',
          '--browser',
          '--port',
          '0',
          '--data-dir',
          dataDir,
          ...['--hub', '--lan-host', lanHost, '--lan-port', String(lanPort)],
        ]
      : [
          '--import',
          'tsx',
          'test/helpers/lan-hub-entry.ts',
          '--data-dir',
          dataDir,
          ...(lanHost === null ? [] : ['--lan-host', lanHost, '--lan-port', '0']),
          ...extra,
        ],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let err = '';
  child.stderr?.on('data', (c: Buffer) => (err += c.toString()));
  const exited = new Promise<number | null>((r) => child.once('exit', r));
  const info = await new Promise<HubInfo>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`hub did not start:\n${out}\n${err}`)), 30_000);
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      const line = out.split('\n').find((l) => l.startsWith('HUB '));
      if (line) {
        clearTimeout(timer);
        resolve(JSON.parse(line.slice(4)) as HubInfo);
      }
      const ready = /ready: (http:\/\/\S+)/.exec(out)?.[1];
      const listening = /hub for stations: (\S+):(\d+) SHA-256 (\S+)/.exec(out);
      if (real && ready && listening?.[1] && listening[3]) {
        clearTimeout(timer);
        const url = new URL(ready);
        resolve({
          url: url.origin,
          launchToken: url.hash.replace('#token=', ''),
          lanHost: listening[1],
          lanPort: Number(listening[2]),
          fingerprint: listening[3],
        });
      }
    });
    void exited.then((code) => reject(new Error(`hub exited ${code}:\n${err}`)));
  });
  let pem = '';
  if (lanHost !== null) {
    const peer = await peerCertificate(info.lanHost, info.lanPort);
    if (peer.fingerprint256 !== info.fingerprint) throw new Error('fingerprint differs');
    pem = pemOf(peer);
  }
  return {
    info,
    child,
    pem,
    stop: async () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

function pemOf(cert: PeerCertificate): string {
  const b64 = cert.raw.toString('base64').replace(/.{64}/g, '$&\n');
  return `-----BEGIN CERTIFICATE-----\n${b64}\n-----END CERTIFICATE-----\n`;
}

/** What a station does before pairing: read the certificate, trusting nothing yet. */
export function peerCertificate(host: string, port: number): Promise<PeerCertificate> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port, rejectUnauthorized: false }, () => {
      const cert = socket.getPeerCertificate(true);
      socket.end();
      resolve(cert);
    });
    socket.once('error', reject);
  });
}

export interface LanAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  json: Record<string, unknown> & {
    ok?: boolean;
    value?: unknown;
    error?: { code: string; message: string; retryAfterSeconds?: number };
    hub?: { version: string; contractId: string };
  };
  /** The SHA-256 fingerprint of the certificate this answer came with. */
  fingerprint: string;
}

export interface LanRequest {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  credential?: string;
  session?: string;
  locale?: 'id' | 'en';
  contract?: string;
  localAddress?: string;
}

/** A raw HTTPS request to the hub, the certificate pinned by PEM and by SHA-256 fingerprint. */
export function lan(hub: HubProcess, path: string, r: LanRequest = {}): Promise<LanAnswer> {
  const headers: Record<string, string> = {
    ...(r.body !== undefined && { 'content-type': 'application/json' }),
    [LAN_HEADERS.contract]: r.contract ?? contractId(),
    ...(r.credential !== undefined && { authorization: `Bearer ${r.credential}` }),
    ...(r.session !== undefined && { [LAN_HEADERS.session]: r.session }),
    ...(r.locale !== undefined && { [LAN_HEADERS.locale]: r.locale }),
    ...r.headers,
  };
  const options: RequestOptions = {
    host: hub.info.lanHost,
    port: hub.info.lanPort,
    path,
    method: r.method ?? (r.body === undefined ? 'GET' : 'POST'),
    headers,
    ca: hub.pem,
    agent: false,
    ...(r.localAddress !== undefined && { localAddress: r.localAddress }),
    checkServerIdentity: (_host, cert) =>
      cert.fingerprint256 === hub.info.fingerprint ? undefined : new Error('pinned fingerprint'),
  };
  return new Promise((resolve, reject) => {
    const req = request(options, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        let json: LanAnswer['json'] = {};
        try {
          json = JSON.parse(body) as LanAnswer['json'];
        } catch {
          json = {};
        }
        const socket = res.socket as unknown as { getPeerCertificate(): PeerCertificate };
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body,
          json,
          fingerprint: socket.getPeerCertificate().fingerprint256,
        });
      });
    });
    req.once('error', reject);
    if (r.body !== undefined) req.end(r.body);
    else req.end();
  });
}

/** A call through the station API, `{ input }` as the protocol says. */
export function lanCall(
  hub: HubProcess,
  credential: string,
  window: string,
  method: string,
  input: unknown,
  r: LanRequest = {},
): Promise<LanAnswer> {
  return lan(hub, `/lan/api/${window}/${method}`, {
    ...r,
    credential,
    body: JSON.stringify({ input }),
  });
}

/** A call on the hub PC's own loopback host, as its admin screen makes it. */
export function hubCall(
  hub: HubProcess,
  method: string,
  input: unknown,
  session?: string,
): Promise<{ ok: boolean; value?: unknown; error?: { code: string } }> {
  const body = JSON.stringify({ input });
  const url = new URL(`/api/staff/${method}`, hub.info.url);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${hub.info.launchToken}`,
          ...(session !== undefined && { 'x-loket-session': session }),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as { ok: boolean }),
        );
      },
    );
    req.once('error', reject);
    req.end(body);
  });
}

export async function hubMust<T>(
  hub: HubProcess,
  method: string,
  input: unknown,
  session?: string,
): Promise<T> {
  const r = await hubCall(hub, method, input, session);
  if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

/** Pairs a station of this kind; returns its credential. */
export async function pairStation(
  hub: HubProcess,
  adminSession: string,
  kind: StationKind,
  name: string,
): Promise<{ credential: string; stationId: number }> {
  const { code } = await hubMust<{ code: string }>(
    hub,
    'stations.createPairingCode',
    { kind },
    adminSession,
  );
  const answer = await lan(hub, '/lan/pair', {
    body: JSON.stringify({ code, name, version: '0.1.0', contractId: contractId() }),
  });
  if (answer.status !== 200) throw new Error(`pairing failed: ${answer.body}`);
  return answer.json.value as { credential: string; stationId: number };
}
