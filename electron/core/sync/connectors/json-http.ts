import { ConnectorError, type ConnectorErrorKind } from './helpdesk-connector';
import { encodeJsonBody } from './json-body';

export interface JsonHttpOptions {
  /** The API root; request paths are appended to it. */
  apiUrl: string;
  /** The whole `Authorization` header value. Never part of an error message. */
  authorization: string;
  timeoutMs: number;
  /**
   * Slowest upload still worth waiting for: a request body adds its size at this rate to the
   * timeout, so that a scanned document on a slow office line is not cut off on every attempt.
   */
  minUploadBytesPerSecond: number;
  /** A login session to send along (RT's cookie); the Authorization header still goes. */
  session?: {
    headers(): Promise<Record<string, string>>;
    /** The backend refused the session: forget it. */
    refused(): void;
  };
}

/**
 * What RT answers a request whose cookie it does not take, before doing anything: a redirect to
 * its login page (anything with a cookie looks like a browser to it), 401, or 403 (CSRF).
 */
const SESSION_REFUSED = new Set([301, 302, 303, 307, 401, 403]);

export interface JsonAnswer {
  status: number;
  body: unknown;
}

const NETWORK_TIMEOUT_CODES = new Set([
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'ETIMEDOUT',
]);

/**
 * JSON over HTTP(S) to a backend helpdesk, every failure turned into a ConnectorError whose kind
 * tells the sync worker what to do. Details name the method, path and status, never credentials.
 */
export class JsonHttp {
  constructor(private readonly o: JsonHttpOptions) {}

  /** The answer's JSON body; any status not in `expected` is a failure. */
  async json(
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    expected: number | readonly number[],
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<unknown> {
    return (await this.request(method, path, expected, body, headers)).body;
  }

  async request(
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    expected: number | readonly number[],
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<JsonAnswer> {
    const what = `${method} ${path.split('?')[0]}`;
    const payload = body === undefined ? undefined : encodeJsonBody(body);
    const timeoutMs =
      this.o.timeoutMs +
      Math.ceil(((payload?.length ?? 0) / this.o.minUploadBytesPerSecond) * 1000);
    const session = (await this.o.session?.headers()) ?? {};
    const answer = await this.send(method, path, what, payload, timeoutMs, {
      ...headers,
      ...session,
    });
    if (this.o.session && 'Cookie' in session && SESSION_REFUSED.has(answer.status)) {
      // Refused before anything was done: the same request with the password alone is safe,
      // and its answer is what tells wrong credentials apart.
      this.o.session.refused();
      return this.answer(
        what,
        expected,
        await this.send(method, path, what, payload, timeoutMs, headers),
      );
    }
    return this.answer(what, expected, answer);
  }

  private answer(
    what: string,
    expected: number | readonly number[],
    { status, text }: { status: number; text: string },
  ): JsonAnswer {
    const accepted = typeof expected === 'number' ? [expected] : expected;
    if (!accepted.includes(status)) throw statusError(what, status, text);
    try {
      return { status, body: JSON.parse(text) as unknown };
    } catch {
      throw new ConnectorError('protocol', `${what}: ${status} answer is not JSON`);
    }
  }

  private async send(
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    what: string,
    payload: Uint8Array<ArrayBuffer> | undefined,
    timeoutMs: number,
    headers: Record<string, string>,
  ): Promise<{ status: number; text: string }> {
    let status: number;
    let text: string;
    try {
      const res = await fetch(`${this.o.apiUrl}${path}`, {
        method,
        headers: {
          ...headers,
          Authorization: this.o.authorization,
          Accept: 'application/json',
          // RT redirects anything that looks like a browser ("Mozilla") to its login page
          // instead of answering 401; Electron's fetch would.
          'User-Agent': 'Loket-sync',
          ...(payload !== undefined && { 'Content-Type': 'application/json' }),
        },
        ...(payload !== undefined && { body: payload }),
        // A redirect is a login page or a captive portal, never the API: say so, do not follow.
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
      status = res.status;
      text = await res.text();
    } catch (err) {
      throw networkError(what, timeoutMs, err);
    }
    return { status, text };
  }
}

function networkError(what: string, timeoutMs: number, err: unknown): ConnectorError {
  if (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError')) {
    return new ConnectorError('timeout', `${what}: no answer within ${timeoutMs} ms`);
  }
  const { code, message } = rootCause(err);
  if (code && NETWORK_TIMEOUT_CODES.has(code)) {
    return new ConnectorError('timeout', `${what}: ${code}`);
  }
  return new ConnectorError('unreachable', `${what}: ${code ?? message}`);
}

/** undici wraps the socket error (sometimes an AggregateError of several addresses) in a cause. */
function rootCause(err: unknown): { code: string | undefined; message: string } {
  let current: unknown = err;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return { code, message: current.message };
    current = current.cause ?? (current instanceof AggregateError ? current.errors[0] : undefined);
  }
  return { code: undefined, message: err instanceof Error ? err.message : String(err) };
}

function statusError(what: string, status: number, text: string): ConnectorError {
  const kind: ConnectorErrorKind =
    status === 401 || status === 407
      ? 'auth'
      : status === 408 || status === 409 || status === 429 || status >= 500
        ? 'server'
        : status >= 400
          ? 'rejected'
          : 'protocol';
  const reason = backendMessage(text);
  return new ConnectorError(kind, `${what}: ${status}${reason ? ` ${reason}` : ''}`);
}

/**
 * The backend's own sentence, short: RT's `{"message": …}` or an RFC 9457 problem's detail or
 * title. Other bodies (HTML pages) are left out.
 */
function backendMessage(text: string): string {
  try {
    const parsed = JSON.parse(text) as Record<string, unknown>;
    const sentence = [parsed.detail, parsed.message, parsed.title].find(
      (v): v is string => typeof v === 'string' && v.trim() !== '',
    );
    return sentence ? sentence.trim().slice(0, 200) : '';
  } catch {
    return '';
  }
}
