import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { extname } from 'node:path';
import { timingSafeEqual } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { Dispatch } from '../core/api/dispatcher';
import type { ApiResult } from '../../shared/api/errors';
import type { PushEvent } from '../../shared/api/push-events';
import type { WindowKind } from '../../shared/domain/roles';
import { LOCALES, type Locale } from '../../shared/i18n/messages';
import { CONTENT_SECURITY_POLICY } from './content-security-policy';
import {
  cacheControlFor,
  CONTENT_TYPES,
  readPage,
  resolveStaticPath,
  type StartsAtLogin,
} from './static-files';
import {
  applySocketLimits,
  DEFAULT_HTTP_LIMITS,
  nodeServerOptions,
  type HttpLimits,
} from './http-limits';
import { isJsonContentType } from './media-type';
import { answerThenClose, readBodyText } from './request-body';
import { answerUpload } from './upload-answer';
import { apiRouteOf, UPLOAD_PATH } from './api-routes';
import { HEARTBEAT_MS, MAX_PUSH_STREAMS, PushStreams, type PushSubscribe } from './push-stream';

export type { HttpLimits } from './http-limits';

export interface HttpHostOptions {
  dispatch: Dispatch;
  /** Streams an uploaded file's bytes to staging; see Core.stageUpload. */
  stageUpload?: (sessionToken: string | undefined, body: Readable) => Promise<string>;
  rendererDir: string;
  /** Lets the staff page come with its login form rendered (see readPage); without it, never. */
  startsAtLogin?: StartsAtLogin;
  /** Proves the caller was given the URL this launch printed; browsers get it in the URL fragment. */
  launchToken: string;
  host?: string;
  port?: number;
  /**
   * Names clients may use besides the listening address (`localhost` comes with loopback), e.g.
   * a LAN listener's machine name; each is allowed as Host (`name:port`) and as Origin.
   */
  extraHostNames?: readonly string[];
  /** Bounds on sockets, time and bytes; the defaults suit a desk (see http-limits.ts). */
  limits?: Partial<HttpLimits>;
  /**
   * Feeds `GET /api/events/<windowKind>` (Server-Sent Events): what changed, by topic only.
   * Without it there are no streams (404) and screens fall back to polling.
   */
  subscribe?: (listener: (event: PushEvent) => void) => () => void;
  /**
   * Whether this session may listen on that window kind's stream: a staff session on the staff
   * stream, a display session on its own display's. Without it every stream is refused.
   */
  mayListen?: (window: WindowKind, sessionToken: string | undefined) => boolean;
  /** Open push streams at once (default 64); one more is answered 503. */
  maxPushStreams?: number;
  /** A comment on every quiet stream this often (default 15 s). */
  pushHeartbeatMs?: number;
}

export interface HttpHost {
  url: string;
  /** The URL to open: carries the launch token in the fragment, which browsers never send. */
  launchUrl: string;
  close(): Promise<void>;
}

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};
const JSON_HEADERS = {
  ...SECURITY_HEADERS,
  'Content-Type': 'application/json',
  'Cache-Control': 'no-store',
};

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Answers once; a response already started or a socket already gone is left alone. */
function sendJson(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, JSON_HEADERS);
  res.end(JSON.stringify(body));
}

function localeOf(req: IncomingMessage): Locale {
  const header = req.headers['x-loket-locale'];
  return (LOCALES as readonly string[]).includes(String(header)) ? (header as Locale) : 'id';
}

/** The request's path as sent (no query), or null when it is not an origin-form path. */
function rawPathOf(req: IncomingMessage): string | null {
  const path = (req.url ?? '').split('?')[0] ?? '';
  return path.startsWith('/') ? path : null;
}

/** Host names this listener answers to, as they appear in a Host header: `name:port`. */
function hostNamesFor(host: string, port: number, extra: readonly string[]): string[] {
  const bracketed = (name: string) => (name.includes(':') ? `[${name}]` : name);
  const names = [host];
  if (host === '127.0.0.1' || host === '::1') names.push('localhost');
  return [...names, ...extra].map((n) => `${bracketed(n)}:${port}`.toLowerCase());
}

/** The browser-mode host: the built renderer and the same API as Electron's IPC, on loopback. */
export function startHttpHost(options: HttpHostOptions): Promise<HttpHost> {
  const host = options.host ?? '127.0.0.1';
  const limits: HttpLimits = { ...DEFAULT_HTTP_LIMITS, ...options.limits };
  let allowedHosts = new Set<string>();
  // A page is allowed exactly where its Host would be: the same names, over http.
  let allowedOrigins = new Set<string>();

  const refuse = (req: IncomingMessage, res: ServerResponse, status: number, error: string) =>
    answerThenClose(
      req,
      res,
      status,
      JSON_HEADERS,
      JSON.stringify({ error }),
      limits.maxDiscardedBodyBytes,
    );

  /** The checks every API request passes after the Host check; the refusal, or null. */
  const refusal = (req: IncomingMessage, expectedMethod = 'POST'): [number, string] | null => {
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedOrigins.has(origin.toLowerCase())) return [403, 'origin'];
    const auth = req.headers.authorization ?? '';
    if (!auth.startsWith('Bearer ') || !sameSecret(auth.slice(7), options.launchToken)) {
      return [401, 'launch token'];
    }
    if (req.method !== expectedMethod) return [405, 'method'];
    return null;
  };
  const admitted = (
    req: IncomingMessage,
    res: ServerResponse,
    expectedMethod?: string,
  ): boolean => {
    const refused = refusal(req, expectedMethod);
    if (refused) refuse(req, res, refused[0], refused[1]);
    return refused === null;
  };

  /** While the core works on a call, a quiet socket is expected (a scan takes a while). */
  const whileWorking = async <T>(req: IncomingMessage, work: () => Promise<T>): Promise<T> => {
    req.socket.setTimeout(0);
    try {
      return await work();
    } finally {
      if (!req.socket.destroyed) req.socket.setTimeout(limits.socketIdleTimeoutMs);
    }
  };

  const handleUpload = async (req: IncomingMessage, res: ServerResponse) => {
    if (!admitted(req, res)) return;
    const stageUpload = options.stageUpload;
    if (!stageUpload) return refuse(req, res, 404, 'no uploads');
    const session = req.headers['x-loket-session'];
    await answerUpload(req, res, {
      locale: localeOf(req),
      jsonHeaders: JSON_HEADERS,
      maxDiscardedBodyBytes: limits.maxDiscardedBodyBytes,
      stage: (body) => stageUpload(typeof session === 'string' ? session : undefined, body),
    });
  };

  const handleApi = async (
    req: IncomingMessage,
    res: ServerResponse,
    window: WindowKind,
    method: string,
  ) => {
    if (!admitted(req, res)) return;
    if (!isJsonContentType(req.headers['content-type'])) {
      return refuse(req, res, 415, 'content-type');
    }
    const body = await readBodyText(req, limits.maxJsonBodyBytes);
    if (!body.ok) {
      if (body.reason === 'too large') refuse(req, res, 413, 'too large');
      return;
    }
    let input: unknown;
    try {
      input = body.text === '' ? {} : (JSON.parse(body.text) as { input?: unknown }).input;
    } catch {
      input = Symbol('malformed'); // fails validation with the usual VALIDATION result
    }
    const session = req.headers['x-loket-session'];
    const result: ApiResult<unknown> = await whileWorking(req, () =>
      options.dispatch(method, input, {
        window,
        sessionToken: typeof session === 'string' ? session : undefined,
        locale: localeOf(req),
      }),
    );
    sendJson(res, 200, result);
  };

  const streams = options.subscribe
    ? new PushStreams({
        subscribe: options.subscribe as PushSubscribe,
        heartbeatMs: options.pushHeartbeatMs ?? HEARTBEAT_MS,
        maxStreams: options.maxPushStreams ?? MAX_PUSH_STREAMS,
        headers: SECURITY_HEADERS,
      })
    : null;

  /** A window's push stream: the same gate as a call, and a session that may see that window. */
  const handleEvents = (req: IncomingMessage, res: ServerResponse, window: WindowKind) => {
    if (!admitted(req, res, 'GET')) return;
    if (!streams) return refuse(req, res, 404, 'no push stream');
    const session = req.headers['x-loket-session'];
    const token = typeof session === 'string' ? session : undefined;
    if (!(options.mayListen?.(window, token) ?? false)) return refuse(req, res, 403, 'session');
    if (!streams.serve(req, res, window)) refuse(req, res, 503, 'too many streams');
  };

  const handleStatic = async (req: IncomingMessage, res: ServerResponse, path: string) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, SECURITY_HEADERS).end();
      return;
    }
    const file = resolveStaticPath(options.rendererDir, path);
    if (file === null) {
      res.writeHead(400, SECURITY_HEADERS).end();
      return;
    }
    const content = await readPage(options.rendererDir, path, file, options.startsAtLogin);
    if (res.destroyed) return;
    if (content === null) {
      res.writeHead(404, SECURITY_HEADERS).end();
      return;
    }
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': cacheControlFor(path),
    });
    res.end(req.method === 'HEAD' ? undefined : content);
  };

  const route = (req: IncomingMessage, res: ServerResponse): Promise<void> | void => {
    // A page on another site (or a DNS-rebound name) reaches nothing, not even the routing.
    if (!allowedHosts.has((req.headers.host ?? '').toLowerCase())) {
      return refuse(req, res, 421, 'host');
    }
    const path = rawPathOf(req);
    if (path === null) return refuse(req, res, 400, 'path');
    // Until the whole request has arrived; an upload may take longer than a call.
    const deadline = setTimeout(
      () => {
        if (req.complete) return;
        refuse(req, res, 408, 'request timeout');
        req.socket.destroySoon();
      },
      path === UPLOAD_PATH ? limits.uploadRequestTimeoutMs : limits.requestTimeoutMs,
    );
    deadline.unref();
    res.once('close', () => clearTimeout(deadline));

    const api = apiRouteOf(path);
    if (api === null) return handleStatic(req, res, path);
    if (api.type === 'upload') return handleUpload(req, res);
    if (api.type === 'events') return handleEvents(req, res, api.window);
    if (api.type === 'malformed') return refuse(req, res, 400, 'path');
    if (api.type === 'unknown') return refuse(req, res, 404, 'path');
    return handleApi(req, res, api.window, api.method);
  };

  const failed = (res: ServerResponse) => {
    try {
      if (!res.headersSent) sendJson(res, 500, { error: 'internal' });
      else res.destroy();
    } catch {
      res.destroy();
    }
  };

  const server = createServer(nodeServerOptions(limits), (req, res) => {
    // An aborted or reset request emits 'error'; unheard, that would end the process.
    req.on('error', () => {});
    res.on('error', () => {});
    // Node clears the idle timeout of a kept-alive socket when its next request starts.
    req.socket.setTimeout(limits.socketIdleTimeoutMs);
    try {
      const work = route(req, res);
      if (work) work.catch(() => failed(res));
    } catch {
      failed(res);
    }
  });
  applySocketLimits(server, limits);

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      const names = hostNamesFor(host, port, options.extraHostNames ?? []);
      allowedHosts = new Set(names);
      allowedOrigins = new Set(names.map((n) => `http://${n}`));
      const url = `http://${names[0] ?? ''}`;
      resolve({
        url,
        launchUrl: `${url}/#token=${options.launchToken}`,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
