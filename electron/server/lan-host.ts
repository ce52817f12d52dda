import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { networkInterfaces } from 'node:os';
import packageJson from '../../package.json';
import {
  contractId,
  LAN_HEADERS,
  LAN_PATHS,
  lanApiPathSchema,
  pairRequestSchema,
  type Hello,
} from '../../shared/api/lan-protocol';
import type { ApiError, ErrorCode } from '../../shared/api/errors';
import { STATION_KIND_SPECS, type WindowKind } from '../../shared/domain/station-kinds';
import { LOCALES, translate, type Locale } from '../../shared/i18n/messages';
import type { Core } from '../core/core';
import type { CallContext } from '../core/api/dispatcher';
import { AppError } from '../core/errors';
import type { StationIdentity } from '../core/stations/station-registry';
import type { HubTlsMaterial } from './hub-tls';
import {
  applySocketLimits,
  DEFAULT_HTTP_LIMITS,
  nodeServerOptions,
  type HttpLimits,
} from './http-limits';
import { LanEventStreams } from './lan-events';
import { isJsonContentType } from './media-type';
import { answerThenClose, readBodyText } from './request-body';
import { answerUpload } from './upload-answer';

export const LOKET_VERSION: string = packageJson.version;

export type LanCore = Pick<
  Core,
  | 'dispatch'
  | 'stageUpload'
  | 'stations'
  | 'surveyBindings'
  | 'stationDisplays'
  | 'changes'
  | 'hubSettings'
>;

export interface LanHostOptions {
  core: LanCore;
  tls: HubTlsMaterial;
  /** A LAN interface's address, or 0.0.0.0 / :: for every interface. */
  host: string;
  port: number;
  /** Names stations may use besides the address (the PC's name in the office DNS, say). */
  extraHostNames?: readonly string[];
  limits?: Partial<HttpLimits>;
  /** This Loket's version, told to stations (default: package.json's). */
  version?: string;
  pingIntervalMs?: number;
}

export interface LanHost {
  host: string;
  port: number;
  fingerprint256: string;
  /** Open push streams (for tests and the idle benchmark). */
  streams(): number;
  close(): Promise<void>;
}

const JSON_HEADERS = {
  'Content-Type': 'application/json',
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
};

/** Which refusal answers which status: the station tells them apart by code, people by message. */
const REFUSAL_STATUS: Partial<Record<ErrorCode, number>> = {
  STATION_UNKNOWN: 401,
  STATION_REVOKED: 401,
  VERSION_MISMATCH: 409,
  PAIRING_CODE_INVALID: 403,
  PAIRING_THROTTLED: 429,
  WINDOW_NOT_ALLOWED: 403,
  VALIDATION: 400,
};

function localeOf(req: IncomingMessage): Locale {
  const header = req.headers[LAN_HEADERS.locale];
  return (LOCALES as readonly string[]).includes(String(header)) ? (header as Locale) : 'id';
}

function addressOf(req: IncomingMessage): string {
  const raw = req.socket.remoteAddress ?? '';
  return raw.startsWith('::ffff:') ? raw.slice(7) : raw;
}

function headerOf(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === 'string' ? value : undefined;
}

/** The side with the lower dotted version updates; equal versions name the hub. */
function sideToUpdate(stationVersion: string, hubVersion: string): 'hub' | 'station' {
  const parts = (v: string) => v.split(/[.+-]/).map((p) => Number.parseInt(p, 10) || 0);
  const a = parts(stationVersion);
  const b = parts(hubVersion);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d > 0 ? 'hub' : 'station';
  }
  return 'hub';
}

/** Host headers this listener answers to: its address (or every interface's) and extra names. */
function allowedHostsFor(host: string, port: number, extra: readonly string[]): Set<string> {
  const bracketed = (name: string) => (name.includes(':') ? `[${name}]` : name);
  const everywhere = host === '0.0.0.0' || host === '::';
  const addresses = everywhere
    ? Object.values(networkInterfaces())
        .flat()
        .flatMap((i) => (i ? [i.address] : []))
    : [host];
  return new Set([...addresses, ...extra].map((n) => `${bracketed(n)}:${port}`.toLowerCase()));
}

/**
 * The hub's listener on the office LAN: HTTPS only, with the hub's own certificate, the same
 * bounds as the loopback host, and no browser pages (stations are programs: any Origin is
 * refused). Every request but hello and pair names its station by credential; the core then
 * decides the call with the station's kind and the staff session made there.
 */
export function startLanHost(options: LanHostOptions): Promise<LanHost> {
  const limits: HttpLimits = { ...DEFAULT_HTTP_LIMITS, ...options.limits };
  const version = options.version ?? LOKET_VERSION;
  const { core } = options;
  const events = new LanEventStreams(core.changes, options.pingIntervalMs);
  const stopRevoked = core.stations.onRevoked((id) => events.closeStation(id));
  let allowedHosts = new Set<string>();

  const hello = (): Hello => ({
    service: 'loket-hub',
    hubName: core.hubSettings.get().hubName,
    version,
    contractId: contractId(),
  });

  const sendJson = (res: ServerResponse, status: number, body: unknown) => {
    if (res.headersSent || res.destroyed) return;
    res.writeHead(status, JSON_HEADERS);
    res.end(JSON.stringify(body));
  };

  /** Answers a refusal before the core, in the caller's locale, and drops the rest of the body. */
  const refuse = (
    req: IncomingMessage,
    res: ServerResponse,
    code: ErrorCode,
    extra: {
      status?: number;
      params?: Record<string, string | number>;
      error?: Partial<ApiError>;
    } = {},
  ) => {
    const error: ApiError = {
      code,
      message: translate(localeOf(req), `errors.${code}`, extra.params ?? {}),
      ...extra.error,
    };
    const body = {
      ok: false,
      error,
      ...(code === 'VERSION_MISMATCH' && { hub: { version, contractId: contractId() } }),
    };
    const headers: Record<string, string> = { ...JSON_HEADERS };
    if (error.retryAfterSeconds !== undefined)
      headers['Retry-After'] = String(error.retryAfterSeconds);
    answerThenClose(
      req,
      res,
      extra.status ?? REFUSAL_STATUS[code] ?? 400,
      headers,
      JSON.stringify(body),
      limits.maxDiscardedBodyBytes,
    );
  };

  const versionMismatch = (req: IncomingMessage, res: ServerResponse, stationVersion: string) => {
    const side = sideToUpdate(stationVersion, version);
    refuse(req, res, 'VERSION_MISMATCH', {
      params: {
        stationVersion,
        hubVersion: version,
        side: translate(localeOf(req), `stations.side.${side}`),
      },
    });
  };

  const readJson = async (
    req: IncomingMessage,
    res: ServerResponse,
  ): Promise<{ ok: true; value: unknown } | { ok: false }> => {
    if (req.method !== 'POST') {
      refuse(req, res, 'VALIDATION', { status: 405 });
      return { ok: false };
    }
    if (!isJsonContentType(req.headers['content-type'])) {
      refuse(req, res, 'VALIDATION', { status: 415 });
      return { ok: false };
    }
    const body = await readBodyText(req, limits.maxJsonBodyBytes);
    if (!body.ok) {
      if (body.reason === 'too large') refuse(req, res, 'VALIDATION', { status: 413 });
      return { ok: false };
    }
    try {
      return { ok: true, value: body.text === '' ? {} : (JSON.parse(body.text) as unknown) };
    } catch {
      refuse(req, res, 'VALIDATION', { status: 400 });
      return { ok: false };
    }
  };

  const handlePair = async (req: IncomingMessage, res: ServerResponse) => {
    const body = await readJson(req, res);
    if (!body.ok) return;
    const parsed = pairRequestSchema.safeParse(body.value);
    if (!parsed.success) {
      // A code of the wrong shape is a wrong code: it counts as a guess like any other.
      const code = (body.value as { code?: unknown } | null)?.code;
      if (typeof code === 'string') {
        return pair(req, res, { code: '', name: '?', version: '' });
      }
      return refuse(req, res, 'VALIDATION');
    }
    if (parsed.data.contractId !== contractId()) {
      return versionMismatch(req, res, parsed.data.version);
    }
    return pair(req, res, parsed.data);
  };

  const pair = (
    req: IncomingMessage,
    res: ServerResponse,
    request: { code: string; name: string; version: string },
  ) => {
    try {
      const result = core.stations.pair(request, addressOf(req));
      // Not a method call, so nothing else tells the admin's station list it has a new row.
      core.changes.publish(['stations']);
      sendJson(res, 200, { ok: true, value: result });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      const seconds = err.details.retryAfterSeconds;
      refuse(req, res, err.code, {
        params: { seconds: seconds ?? '' },
        ...(seconds !== undefined && { error: { retryAfterSeconds: seconds } }),
      });
    }
  };

  /** The station a request's credential names, refused (and answered) when there is none. */
  const stationOf = (req: IncomingMessage, res: ServerResponse): StationIdentity | null => {
    const auth = headerOf(req, 'authorization') ?? '';
    const credential = auth.startsWith('Bearer ') ? auth.slice(7) : '';
    const found = credential === '' ? null : core.stations.lookup(credential);
    if (!found || !found.ok) {
      const code = found?.code ?? 'STATION_UNKNOWN';
      // Logged by code only: neither the credential nor the address is written anywhere.
      console.warn(`[loket hub] refused a LAN request: ${code}`);
      refuse(req, res, code);
      return null;
    }
    if (headerOf(req, LAN_HEADERS.contract) !== contractId()) {
      versionMismatch(req, res, core.stations.get(found.station.id).version ?? '?');
      return null;
    }
    core.stations.noteSeen(found.station.id, addressOf(req));
    return found.station;
  };

  const mayOpen = (station: StationIdentity, window: WindowKind) =>
    (STATION_KIND_SPECS[station.kind].windows as readonly WindowKind[]).includes(window);

  /**
   * The session a call runs with. A staff window brings the one made by logging in there; a
   * survey screen station never holds one: the hub uses the display an officer bound to it; a
   * waiting-room display station gets the hub's own display session for it (no staff behind it).
   */
  const sessionFor = (
    req: IncomingMessage,
    station: StationIdentity,
    window: WindowKind,
  ): string | undefined | null => {
    if (station.kind === 'survey') return core.surveyBindings.tokenFor(station.id) ?? null;
    if (station.kind === 'display') return core.stationDisplays.tokenFor(station.id);
    if (window === 'display') return undefined;
    return headerOf(req, LAN_HEADERS.session);
  };

  const handleApi = async (req: IncomingMessage, res: ServerResponse, rest: string) => {
    const station = stationOf(req, res);
    if (!station) return;
    const slash = rest.indexOf('/');
    let method: string;
    try {
      method = decodeURIComponent(rest.slice(slash + 1));
    } catch {
      return refuse(req, res, 'VALIDATION');
    }
    const path = lanApiPathSchema.safeParse({ window: rest.slice(0, slash), method });
    if (slash < 0 || !path.success) return refuse(req, res, 'VALIDATION', { status: 404 });
    if (!mayOpen(station, path.data.window)) return refuse(req, res, 'WINDOW_NOT_ALLOWED');
    const body = await readJson(req, res);
    if (!body.ok) return;
    const input =
      body.value !== null && typeof body.value === 'object'
        ? (body.value as { input?: unknown }).input
        : Symbol('malformed');
    const sessionToken = sessionFor(req, station, path.data.window);
    if (sessionToken === null) {
      const code: ErrorCode = 'SURVEY_WAITING_FOR_OFFICER';
      return sendJson(res, 200, {
        ok: false,
        error: { code, message: translate(localeOf(req), `errors.${code}`) },
      });
    }
    const ctx: CallContext = {
      window: path.data.window,
      sessionToken,
      locale: localeOf(req),
      station: { id: station.id, kind: station.kind },
    };
    req.socket.setTimeout(0);
    try {
      sendJson(res, 200, await core.dispatch(path.data.method, input, ctx));
    } finally {
      if (!req.socket.destroyed) req.socket.setTimeout(limits.socketIdleTimeoutMs);
    }
  };

  const handleUpload = async (req: IncomingMessage, res: ServerResponse) => {
    const station = stationOf(req, res);
    if (!station) return;
    if (!mayOpen(station, 'staff')) return refuse(req, res, 'WINDOW_NOT_ALLOWED');
    if (req.method !== 'POST') return refuse(req, res, 'VALIDATION', { status: 405 });
    await answerUpload(req, res, {
      locale: localeOf(req),
      jsonHeaders: JSON_HEADERS,
      maxDiscardedBodyBytes: limits.maxDiscardedBodyBytes,
      stage: (body) =>
        core.stageUpload(headerOf(req, LAN_HEADERS.session), body, {
          id: station.id,
          kind: station.kind,
        }),
    });
  };

  const handleEvents = (req: IncomingMessage, res: ServerResponse) => {
    const station = stationOf(req, res);
    if (!station) return;
    if (req.method !== 'GET') return refuse(req, res, 'VALIDATION', { status: 405 });
    events.open(station.id, res, hello());
  };

  const route = (req: IncomingMessage, res: ServerResponse): Promise<void> | void => {
    // Checked before anything else: a DNS-rebound name reaches nothing.
    if (!allowedHosts.has((req.headers.host ?? '').toLowerCase())) {
      return refuse(req, res, 'VALIDATION', { status: 421 });
    }
    // Stations are programs, never pages: a browser's request (it always names its Origin on a
    // cross-site POST) is refused whatever it carries.
    if (req.headers.origin !== undefined) return refuse(req, res, 'VALIDATION', { status: 403 });
    const path = (req.url ?? '').split('?')[0] ?? '';
    if (path !== LAN_PATHS.events) {
      const deadline = setTimeout(
        () => {
          if (req.complete) return;
          refuse(req, res, 'VALIDATION', { status: 408 });
          req.socket.destroySoon();
        },
        path === LAN_PATHS.upload ? limits.uploadRequestTimeoutMs : limits.requestTimeoutMs,
      );
      deadline.unref();
      res.once('close', () => clearTimeout(deadline));
    }
    if (path === LAN_PATHS.hello) return sendJson(res, 200, hello());
    if (path === LAN_PATHS.pair) return handlePair(req, res);
    if (path === LAN_PATHS.upload) return handleUpload(req, res);
    if (path === LAN_PATHS.events) return handleEvents(req, res);
    if (path.startsWith(LAN_PATHS.api))
      return handleApi(req, res, path.slice(LAN_PATHS.api.length));
    return refuse(req, res, 'VALIDATION', { status: 404 });
  };

  const server: Server = createServer(
    { key: options.tls.key, cert: options.tls.cert, ...nodeServerOptions(limits) },
    (req, res) => {
      req.on('error', () => {});
      res.on('error', () => {});
      req.socket.setTimeout(limits.socketIdleTimeoutMs);
      const failed = () => {
        if (!res.headersSent) sendJson(res, 500, { ok: false });
        else res.destroy();
      };
      try {
        const work = route(req, res);
        if (work) work.catch(failed);
      } catch {
        failed();
      }
    },
  );
  applySocketLimits(server, limits);
  // A client that never finishes its TLS handshake holds a socket like a slow header would.
  server.on('tlsClientError', (_err, socket) => socket.destroy());

  return new Promise((resolve, reject) => {
    server.once('error', (err) => {
      stopRevoked();
      reject(err);
    });
    server.listen(options.port, options.host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : options.port;
      allowedHosts = allowedHostsFor(options.host, port, options.extraHostNames ?? []);
      resolve({
        host: options.host,
        port,
        fingerprint256: options.tls.fingerprint256,
        streams: () => events.count(),
        close: () =>
          new Promise<void>((done) => {
            stopRevoked();
            events.closeAll();
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
