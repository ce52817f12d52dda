import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { extname } from 'node:path';
import { timingSafeEqual } from 'node:crypto';
import type { Dispatch } from '../core/api/dispatcher';
import type { ApiResult } from '../../shared/api/errors';
import type { WindowKind } from '../../shared/domain/roles';
import { LOCALES, translate, type Locale } from '../../shared/i18n/messages';
import { AppError } from '../core/errors';
import { CONTENT_SECURITY_POLICY } from './content-security-policy';
import { CONTENT_TYPES, readStaticFile, resolveStaticPath } from './static-files';

export interface HttpHostOptions {
  dispatch: Dispatch;
  /** Streams an uploaded file's bytes to staging; see Core.stageUpload. */
  stageUpload?: (sessionToken: string | undefined, body: IncomingMessage) => Promise<string>;
  rendererDir: string;
  /** Proves the caller was given the URL this launch printed; browsers get it in the URL fragment. */
  launchToken: string;
  host?: string;
  port?: number;
}

export interface HttpHost {
  url: string;
  /** The URL to open: carries the launch token in the fragment, which browsers never send. */
  launchUrl: string;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1024 * 1024;
const UPLOAD_PATH = '/api/upload/staff';
/** The route decides the window kind: a page cannot claim to be the staff window. */
const API_ROUTES: readonly { prefix: string; window: WindowKind }[] = [
  { prefix: '/api/staff/', window: 'staff' },
  { prefix: '/api/survey/', window: 'survey' },
];

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json',
    'Cache-Control': 'no-store',
  });
  res.end(JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        resolve(null);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function localeOf(req: IncomingMessage): Locale {
  const header = req.headers['x-loket-locale'];
  return (LOCALES as readonly string[]).includes(String(header)) ? (header as Locale) : 'id';
}

/** The browser-mode host: the built renderer and the same API as Electron's IPC, on loopback. */
export function startHttpHost(options: HttpHostOptions): Promise<HttpHost> {
  const host = options.host ?? '127.0.0.1';
  let origin = '';
  let allowedHosts = new Set<string>();

  /** The checks every API request passes; false when it was already answered with a refusal. */
  const refusal = (req: IncomingMessage): [number, string] | null => {
    // A page on another site (or a DNS-rebound name) must not reach the API.
    if (!allowedHosts.has(req.headers.host ?? '')) return [421, 'host'];
    if (req.headers.origin !== undefined && req.headers.origin !== origin) return [403, 'origin'];
    const auth = req.headers.authorization ?? '';
    if (!auth.startsWith('Bearer ') || !sameSecret(auth.slice(7), options.launchToken)) {
      return [401, 'launch token'];
    }
    if (req.method !== 'POST') return [405, 'method'];
    return null;
  };
  const admitted = (req: IncomingMessage, res: ServerResponse): boolean => {
    const refused = refusal(req);
    if (refused) sendJson(res, refused[0], { error: refused[1] });
    return refused === null;
  };

  const handleUpload = async (req: IncomingMessage, res: ServerResponse) => {
    if (!admitted(req, res)) return;
    if (!options.stageUpload) return sendJson(res, 404, { error: 'no uploads' });
    const session = req.headers['x-loket-session'];
    try {
      const uploadId = await options.stageUpload(
        typeof session === 'string' ? session : undefined,
        req,
      );
      sendJson(res, 200, { ok: true, value: { uploadId } });
    } catch (err) {
      const code = err instanceof AppError ? err.code : 'INTERNAL';
      sendJson(res, 200, {
        ok: false,
        error: { code, message: translate(localeOf(req), `errors.${code}`) },
      });
    }
  };

  const handleApi = async (
    req: IncomingMessage,
    res: ServerResponse,
    window: WindowKind,
    method: string,
  ) => {
    if (!admitted(req, res)) return;
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return sendJson(res, 415, { error: 'content-type' });
    }
    const body = await readBody(req);
    if (body === null) return sendJson(res, 413, { error: 'too large' });
    let input: unknown;
    try {
      input = body === '' ? {} : (JSON.parse(body) as { input?: unknown }).input;
    } catch {
      input = Symbol('malformed'); // fails validation with the usual VALIDATION result
    }
    const session = req.headers['x-loket-session'];
    const result: ApiResult<unknown> = await options.dispatch(method, input, {
      window,
      sessionToken: typeof session === 'string' ? session : undefined,
      locale: localeOf(req),
    });
    sendJson(res, 200, result);
  };

  const handleStatic = async (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, SECURITY_HEADERS).end();
      return;
    }
    const file = resolveStaticPath(options.rendererDir, req.url ?? '/');
    if (file === null) {
      res.writeHead(400, SECURITY_HEADERS).end();
      return;
    }
    const content = await readStaticFile(file);
    if (content === null) {
      res.writeHead(404, SECURITY_HEADERS).end();
      return;
    }
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': 'no-cache',
    });
    res.end(req.method === 'HEAD' ? undefined : content);
  };

  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const route = API_ROUTES.find((r) => path.startsWith(r.prefix));
    const work =
      path === UPLOAD_PATH
        ? handleUpload(req, res)
        : route
          ? handleApi(req, res, route.window, decodeURIComponent(path.slice(route.prefix.length)))
          : handleStatic(req, res);
    work.catch(() => {
      if (!res.headersSent) sendJson(res, 500, { error: 'internal' });
      else res.end();
    });
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      const shownHost = host.includes(':') ? `[${host}]` : host;
      origin = `http://${shownHost}:${port}`;
      allowedHosts = new Set([`${shownHost}:${port}`, `localhost:${port}`]);
      resolve({
        url: origin,
        launchUrl: `${origin}/#token=${options.launchToken}`,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
