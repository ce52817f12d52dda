import { ConnectorError, type ConnectorErrorKind } from './helpdesk-connector';

export interface RtHttpOptions {
  /** RT's web root, e.g. `https://helpdesk.example.go.id/rt`; `/REST/2.0` is added. */
  baseUrl: string;
  credentials: { username: string; password: string } | { token: string };
  timeoutMs: number;
  /**
   * Slowest upload still worth waiting for: a request body adds its size at this rate to the
   * timeout, so that a scanned document on a slow office line is not cut off on every attempt.
   */
  minUploadBytesPerSecond: number;
}

/** What a request must answer to count as done; any other status is a failure. */
type Expected = 200 | 201;

const NETWORK_TIMEOUT_CODES = new Set([
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'ETIMEDOUT',
]);

/**
 * JSON over HTTP to RT's REST2 API, every failure turned into a ConnectorError. Details name the
 * method, path and status, never the credentials.
 */
export class RtHttp {
  readonly apiUrl: string;
  private readonly authorization: string;

  constructor(private readonly o: RtHttpOptions) {
    this.apiUrl = `${webRoot(o.baseUrl)}/REST/2.0`;
    this.authorization =
      'token' in o.credentials
        ? `token ${o.credentials.token}`
        : `Basic ${Buffer.from(`${o.credentials.username}:${o.credentials.password}`).toString('base64')}`;
  }

  async json(
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    expected: Expected,
    body?: unknown,
  ): Promise<unknown> {
    const what = `${method} ${path.split('?')[0]}`;
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const timeoutMs =
      this.o.timeoutMs +
      Math.ceil(((payload?.length ?? 0) / this.o.minUploadBytesPerSecond) * 1000);
    let status: number;
    let text: string;
    try {
      const res = await fetch(`${this.apiUrl}${path}`, {
        method,
        headers: {
          Authorization: this.authorization,
          Accept: 'application/json',
          // RT redirects anything that looks like a browser ("Mozilla") to its login page
          // instead of answering 401.
          'User-Agent': 'Loket-sync',
          ...(payload !== undefined && { 'Content-Type': 'application/json' }),
        },
        ...(payload !== undefined && { body: payload }),
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
      status = res.status;
      text = await res.text();
    } catch (err) {
      throw networkError(what, timeoutMs, err);
    }
    if (status !== expected) throw statusError(what, status, text);
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new ConnectorError('protocol', `${what}: ${status} answer is not JSON`);
    }
  }
}

/** The web root, also when someone pasted the API's address instead. */
export function webRoot(baseUrl: string): string {
  return baseUrl.replace(/\/+$/, '').replace(/\/REST\/2\.0$/i, '');
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
      : status === 408 || status === 429 || status >= 500
        ? 'server'
        : status >= 400
          ? 'rejected'
          : 'protocol';
  const reason = rtMessage(text);
  return new ConnectorError(kind, `${what}: ${status}${reason ? ` ${reason}` : ''}`);
}

/** RT's own error sentence (`{"message": …}`), short; other bodies (HTML pages) are left out. */
function rtMessage(text: string): string {
  try {
    const parsed = JSON.parse(text) as { message?: unknown };
    return typeof parsed.message === 'string' ? parsed.message.trim().slice(0, 200) : '';
  } catch {
    return '';
  }
}
