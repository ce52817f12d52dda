import type { Server } from 'node:http';

/**
 * Bounds on what one client may hold of the host: sockets, time and bytes. Loopback today, the
 * desk LAN later; each bound keeps a slow or hostile client from exhausting file descriptors or
 * memory while the desk works.
 */
export interface HttpLimits {
  /** From the connection (or the previous response) until the request's headers are complete. */
  headersTimeoutMs: number;
  /** Until an API call's whole body has arrived. */
  requestTimeoutMs: number;
  /** Until an upload's whole body has arrived: 10 MB over a slow LAN takes a while. */
  uploadRequestTimeoutMs: number;
  /** How long an idle keep-alive connection stays open between requests. */
  keepAliveTimeoutMs: number;
  /** A socket with no bytes either way for this long is closed (not while a call is worked on). */
  socketIdleTimeoutMs: number;
  /** Open connections at once; more are closed as they arrive. */
  maxConnections: number;
  /** An API call's JSON body. */
  maxJsonBodyBytes: number;
  /** After a refusal (413 and the like) the rest of the body is read and dropped up to this. */
  maxDiscardedBodyBytes: number;
}

export const HEADERS_TIMEOUT_MS = 10_000;
export const REQUEST_TIMEOUT_MS = 30_000;
export const UPLOAD_REQUEST_TIMEOUT_MS = 5 * 60_000;
export const KEEP_ALIVE_TIMEOUT_MS = 5_000;
export const SOCKET_IDLE_TIMEOUT_MS = 30_000;
/** Far above a desk's few tabs (a browser opens about six per origin), far below `ulimit -n`. */
export const MAX_CONNECTIONS = 256;
export const MAX_JSON_BODY_BYTES = 1024 * 1024;
export const MAX_DISCARDED_BODY_BYTES = 16 * 1024 * 1024;

export const DEFAULT_HTTP_LIMITS: HttpLimits = {
  headersTimeoutMs: HEADERS_TIMEOUT_MS,
  requestTimeoutMs: REQUEST_TIMEOUT_MS,
  uploadRequestTimeoutMs: UPLOAD_REQUEST_TIMEOUT_MS,
  keepAliveTimeoutMs: KEEP_ALIVE_TIMEOUT_MS,
  socketIdleTimeoutMs: SOCKET_IDLE_TIMEOUT_MS,
  maxConnections: MAX_CONNECTIONS,
  maxJsonBodyBytes: MAX_JSON_BODY_BYTES,
  maxDiscardedBodyBytes: MAX_DISCARDED_BODY_BYTES,
};

/** Node checks the header and request timeouts on an interval; it must be shorter than them. */
export function connectionsCheckingIntervalMs(limits: HttpLimits): number {
  return Math.max(10, Math.min(1000, Math.floor(limits.headersTimeoutMs / 4)));
}

/**
 * Node's own timeouts as a backstop: its request timeout is one value for every route, so it is
 * the longest (the upload's); the host cuts API calls off earlier itself.
 */
export function nodeServerOptions(limits: HttpLimits) {
  return {
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: Math.max(
      limits.headersTimeoutMs,
      limits.requestTimeoutMs,
      limits.uploadRequestTimeoutMs,
    ),
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    connectionsCheckingInterval: connectionsCheckingIntervalMs(limits),
    requireHostHeader: true,
  };
}

export function applySocketLimits(server: Server, limits: HttpLimits): void {
  server.maxConnections = limits.maxConnections;
  // Without a 'timeout' listener Node destroys a socket that stays idle this long.
  server.timeout = limits.socketIdleTimeoutMs;
}
