import {
  contractId,
  helloSchema,
  LAN_PATHS,
  lanRefusalSchema,
  pairingCodeSchema,
  pairAnswerSchema,
  type Hello,
} from '../../shared/api/lan-protocol';
import { AppError } from '../core/errors';
import {
  connectUnverified,
  hostHeader,
  HubTransportError,
  pinnedRequest,
  requestOver,
  type HubResponse,
} from './hub-client';
import type { StationConfig } from './station-config';
import { LOKET_VERSION } from './version';

function asJson(response: HubResponse): unknown {
  try {
    return JSON.parse(response.body.toString('utf8'));
  } catch {
    return null;
  }
}

function transportToAppError(err: unknown): AppError {
  if (err instanceof HubTransportError && err.kind === 'certMismatch') {
    return new AppError('HUB_CERT_MISMATCH');
  }
  return new AppError('HUB_UNREACHABLE');
}

export interface InspectedHub {
  hello: Hello;
  fingerprint: string;
  certificatePem: string;
}

/**
 * The first look at a hub, before anything is trusted: its hello over TLS that is NOT verified,
 * and the certificate it presented, for the user to compare with the hub's own screen.
 */
export async function inspectHub(address: string, timeoutMs = 5000): Promise<InspectedHub> {
  let connection;
  try {
    connection = await connectUnverified(address, timeoutMs);
  } catch (err) {
    throw transportToAppError(err);
  }
  let response: HubResponse;
  try {
    response = await requestOver(connection.socket, {
      method: 'GET',
      path: LAN_PATHS.hello,
      headers: hostHeader(address),
      timeoutMs,
      maxResponseBytes: 64 * 1024,
    });
  } catch (err) {
    throw transportToAppError(err);
  }
  const hello = helloSchema.safeParse(asJson(response));
  if (response.status !== 200 || !hello.success) throw new AppError('HUB_UNREACHABLE');
  return { hello: hello.data, ...connection.certificate };
}

/**
 * Pairs with the hub at `address` only if it still presents the certificate the user confirmed:
 * the certificate is fetched again, must have exactly that fingerprint, and the pairing request
 * goes over a connection pinned to it (a hub swapped in between gets no pairing code).
 */
export async function pairWithHub(
  address: string,
  confirmedFingerprint: string,
  code: string,
  name: string,
  timeoutMs = 10_000,
): Promise<StationConfig> {
  const typed = pairingCodeSchema.safeParse(code);
  if (!typed.success)
    throw new AppError('VALIDATION', { fields: { code: 'validation.pairingCode' } });
  const inspected = await inspectHub(address, timeoutMs);
  if (inspected.fingerprint !== confirmedFingerprint) throw new AppError('HUB_CERT_MISMATCH');
  const pin = {
    address,
    fingerprint: confirmedFingerprint,
    certificatePem: inspected.certificatePem,
  };
  const body = Buffer.from(
    JSON.stringify({ code: typed.data, name, version: LOKET_VERSION, contractId: contractId() }),
  );
  let response: HubResponse;
  try {
    response = await pinnedRequest(pin, {
      method: 'POST',
      path: LAN_PATHS.pair,
      headers: { 'content-type': 'application/json', 'content-length': String(body.length) },
      body,
      timeoutMs,
      maxResponseBytes: 64 * 1024,
    });
  } catch (err) {
    throw transportToAppError(err);
  }
  const json = asJson(response);
  if (response.status !== 200) {
    const refusal = lanRefusalSchema.safeParse(json);
    if (!refusal.success) throw new AppError('HUB_UNREACHABLE');
    const { code: refusedCode, retryAfterSeconds } = refusal.data.error;
    throw new AppError(refusedCode, {
      ...(retryAfterSeconds !== undefined && { retryAfterSeconds }),
    });
  }
  const answer = pairAnswerSchema.safeParse(json);
  if (!answer.success) throw new AppError('HUB_UNREACHABLE');
  const paired = { data: answer.data.value };
  return {
    version: 1,
    hubAddress: address,
    fingerprint: confirmedFingerprint,
    certificatePem: inspected.certificatePem,
    stationId: paired.data.stationId,
    kind: paired.data.kind,
    name: paired.data.name,
    hubName: paired.data.hubName,
    credential: paired.data.credential,
  };
}
