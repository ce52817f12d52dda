import { request as httpRequest, type IncomingMessage, type OutgoingHttpHeaders } from 'node:http';
import { isIP } from 'node:net';
import type { Readable } from 'node:stream';
import { connect, type PeerCertificate, type TLSSocket } from 'node:tls';
import { X509Certificate } from 'node:crypto';

/** Where the hub is and the certificate it must present (pinned at pairing). */
export interface HubPin {
  address: string;
  fingerprint: string;
  certificatePem: string;
}

/**
 * Why a request to the hub got no answer: `certMismatch` when the computer at the pinned address
 * presents another certificate (nothing was sent), `unreachable` for everything else on the way.
 */
export class HubTransportError extends Error {
  constructor(
    readonly kind: 'unreachable' | 'certMismatch',
    /** Whether any byte of the request may have reached the hub. */
    readonly maybeSent: boolean,
    cause?: unknown,
  ) {
    super(kind, { cause });
    this.name = 'HubTransportError';
  }
}

export function parseHubAddress(address: string): { host: string; port: number } {
  const colon = address.lastIndexOf(':');
  const host = address.slice(0, colon).replace(/^\[|\]$/g, '');
  return { host, port: Number(address.slice(colon + 1)) };
}

/** TLS errors that mean "not the certificate we pinned" rather than "nobody answers". */
const CERTIFICATE_ERRORS = new Set([
  'HUB_CERT_MISMATCH',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_SIGNATURE_FAILURE',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

function errorCode(err: unknown): string {
  return typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : '';
}

function tlsOptions(host: string, port: number) {
  // SNI carries names only; an IP address there is refused by Node with a warning.
  return { host, port, ...(isIP(host) === 0 && { servername: host }) };
}

/**
 * A TLS connection to the hub, handed over only once the hub proved it holds the pinned key:
 * the certificate chains to exactly the pinned PEM (`ca`) and its SHA-256 fingerprint is the one
 * the user compared. The request is written on it afterwards, so a wrong hub gets no byte of it.
 */
export function connectPinned(pin: HubPin, timeoutMs: number): Promise<TLSSocket> {
  const { host, port } = parseHubAddress(pin.address);
  return new Promise((resolve, reject) => {
    const socket = connect({
      ...tlsOptions(host, port),
      ca: [pin.certificatePem],
      // The pinned fingerprint replaces the host-name check: a LAN hub has no name in a CA.
      checkServerIdentity: (_name: string, cert: PeerCertificate) =>
        cert.fingerprint256 === pin.fingerprint
          ? undefined
          : Object.assign(new Error('certificate fingerprint differs'), {
              code: 'HUB_CERT_MISMATCH',
            }),
    });
    const timer = setTimeout(() => socket.destroy(new Error('connect timeout')), timeoutMs);
    socket.once('secureConnect', () => {
      clearTimeout(timer);
      socket.off('error', failed);
      resolve(socket);
    });
    const failed = (err: Error) => {
      clearTimeout(timer);
      socket.destroy();
      reject(
        new HubTransportError(
          CERTIFICATE_ERRORS.has(errorCode(err)) ? 'certMismatch' : 'unreachable',
          false,
          err,
        ),
      );
    };
    socket.once('error', failed);
  });
}

export interface HubResponse {
  status: number;
  body: Buffer;
}

export interface HubRequest {
  method: 'GET' | 'POST';
  path: string;
  headers?: OutgoingHttpHeaders;
  body?: Buffer | Readable;
  /** No answer within this long (after connecting) counts as unreachable. */
  timeoutMs: number;
  /** Largest answer accepted; a hub sending more is treated as unreachable. */
  maxResponseBytes?: number;
}

/**
 * The Host header for a request written on a socket of our own: the hub's address as the
 * station knows it (`host:port`), which the hub checks; Node would otherwise say "localhost".
 */
export function hostHeader(address: string): { host: string } {
  return { host: address.toLowerCase() };
}

/** Sends one request over an already verified socket and reads the whole answer. */
export function requestOver(socket: TLSSocket, req: HubRequest): Promise<HubResponse> {
  const max = req.maxResponseBytes ?? 16 * 1024 * 1024;
  return new Promise((resolve, reject) => {
    let sent = false;
    const fail = (err: unknown) => {
      socket.destroy();
      reject(
        err instanceof HubTransportError ? err : new HubTransportError('unreachable', sent, err),
      );
    };
    const outgoing = httpRequest(
      {
        method: req.method,
        path: req.path,
        headers: { ...req.headers, connection: 'close' },
        createConnection: () => socket,
      },
      (res: IncomingMessage) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > max) fail(new Error('answer too large'));
          else chunks.push(chunk);
        });
        res.once('end', () => {
          socket.destroy();
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) });
        });
        res.once('error', fail);
      },
    );
    outgoing.setTimeout(req.timeoutMs, () => outgoing.destroy(new Error('answer timeout')));
    outgoing.once('error', fail);
    sent = true;
    if (req.body === undefined) outgoing.end();
    else if (Buffer.isBuffer(req.body)) outgoing.end(req.body);
    else {
      req.body.once('error', (err) => outgoing.destroy(err));
      req.body.pipe(outgoing);
    }
  });
}

/** One request to the pinned hub: connect and verify, then send. */
export async function pinnedRequest(
  pin: HubPin,
  req: HubRequest,
  connectTimeoutMs = 5000,
): Promise<HubResponse> {
  const socket = await connectPinned(pin, connectTimeoutMs);
  return requestOver(socket, { ...req, headers: { ...hostHeader(pin.address), ...req.headers } });
}

export interface PresentedCertificate {
  fingerprint: string;
  certificatePem: string;
}

/**
 * Connects WITHOUT verifying and reports the certificate presented: the first step of pairing,
 * when the user compares the fingerprint with the hub's screen. Nothing secret is sent on it.
 */
export function connectUnverified(
  address: string,
  timeoutMs: number,
): Promise<{ socket: TLSSocket; certificate: PresentedCertificate }> {
  const { host, port } = parseHubAddress(address);
  return new Promise((resolve, reject) => {
    const socket = connect({ ...tlsOptions(host, port), rejectUnauthorized: false });
    const timer = setTimeout(() => socket.destroy(new Error('connect timeout')), timeoutMs);
    socket.once('secureConnect', () => {
      clearTimeout(timer);
      socket.off('error', failed);
      const peer = socket.getPeerX509Certificate();
      if (!peer) {
        socket.destroy();
        reject(new HubTransportError('unreachable', false));
        return;
      }
      resolve({
        socket,
        certificate: { fingerprint: peer.fingerprint256, certificatePem: peer.toString() },
      });
    });
    const failed = (err: Error) => {
      clearTimeout(timer);
      socket.destroy();
      reject(new HubTransportError('unreachable', false, err));
    };
    socket.once('error', failed);
  });
}

export function fingerprintOf(pem: string): string {
  return new X509Certificate(pem).fingerprint256;
}
