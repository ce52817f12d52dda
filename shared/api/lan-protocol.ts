import { z } from 'zod';
import { apiErrorSchema } from './errors';
import { contract, METHOD_NAMES } from './contract';
import { stationKindSchema, windowKindSchema } from '../domain/station-kinds';

/**
 * The wire between a hub and its paired stations, over HTTPS on the office LAN with the hub's
 * self-signed certificate pinned by SHA-256 fingerprint at pairing.
 *
 * - `GET  /lan/hello`  no credential: who answers (hub name, Loket version, contract id).
 * - `POST /lan/pair`   no credential: `{ code, name, version, contractId }` → `{ ok: true, value:
 *   PairResult }` (the station credential), the API envelope like every other answer.
 * - `POST /lan/api/<window>/<method>`  `{ input }` → ApiResult, as the loopback host's API.
 * - `POST /lan/upload` a file's bytes → ApiResult `{ uploadId }` (staged per station on the hub).
 * - `GET  /lan/events` Server-Sent Events: `hello` once, then `change` (PushEvent), `: ping`.
 *
 * Every call but hello and pair carries `Authorization: Bearer <station credential>` and
 * `X-Loket-Contract: <contractId>`; staff calls add `X-Loket-Session`, all add `X-Loket-Locale`.
 * A refusal before the core (unknown or revoked station, other contract, throttled pairing)
 * answers a non-200 status with a `LanRefusal` body whose message is in the caller's locale.
 */
export const LAN_PATHS = {
  hello: '/lan/hello',
  pair: '/lan/pair',
  api: '/lan/api/',
  upload: '/lan/upload',
  events: '/lan/events',
} as const;

export const LAN_HEADERS = {
  contract: 'x-loket-contract',
  session: 'x-loket-session',
  locale: 'x-loket-locale',
} as const;

export const helloSchema = z.object({
  service: z.literal('loket-hub'),
  hubName: z.string(),
  version: z.string(),
  contractId: z.string(),
});
export type Hello = z.infer<typeof helloSchema>;

/** 8 characters from an alphabet without look-alikes (no 0/O, 1/I/L), typed as XXXX-XXXX. */
export const PAIRING_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const pairingCodeSchema = z
  .string()
  .transform((s) => s.toUpperCase().replace(/[\s-]/g, ''))
  .pipe(z.string().regex(new RegExp(`^[${PAIRING_ALPHABET}]{8}$`), 'validation.pairingCode'));

export const pairRequestSchema = z.object({
  code: pairingCodeSchema,
  name: z.string().trim().min(1).max(60),
  version: z.string().max(40),
  contractId: z.string().max(40),
});
export const pairResultSchema = z.object({
  stationId: z.number().int().positive(),
  kind: stationKindSchema,
  name: z.string(),
  hubName: z.string(),
  /** Shown once; the hub keeps only its hash. */
  credential: z.string().min(32),
});
export type PairResult = z.infer<typeof pairResultSchema>;
/** What the hub answers a pairing with: the result in the API's own envelope. */
export const pairAnswerSchema = z.object({ ok: z.literal(true), value: pairResultSchema });

export const LAN_REFUSAL_CODES = [
  'STATION_UNKNOWN',
  'STATION_REVOKED',
  'VERSION_MISMATCH',
  'PAIRING_CODE_INVALID',
  'PAIRING_THROTTLED',
  'WINDOW_NOT_ALLOWED',
] as const;
export const lanRefusalSchema = z.object({
  ok: z.literal(false),
  error: apiErrorSchema,
  /** With VERSION_MISMATCH: the hub's own, so the station can say which side to update. */
  hub: z.object({ version: z.string(), contractId: z.string() }).optional(),
});

export const lanApiPathSchema = z.object({ window: windowKindSchema, method: z.string() });

/** FNV-1a, twice with different offsets: a short stable id, not a security measure. */
function shortHash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x01000193 + 2) >>> 0;
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

let cachedContractId: string | null = null;

/**
 * Names every method with its access, windows and the JSON Schema of its input and output: a
 * hub and a station with the same id speak the same API whatever their version strings say.
 */
export function contractId(): string {
  if (cachedContractId !== null) return cachedContractId;
  const shape = [...METHOD_NAMES].sort().map((name) => {
    const spec = contract[name];
    return [
      name,
      spec.access,
      spec.windows,
      z.toJSONSchema(spec.input, { unrepresentable: 'any', io: 'input' }),
      z.toJSONSchema(spec.output, { unrepresentable: 'any', io: 'output' }),
    ];
  });
  cachedContractId = shortHash(JSON.stringify(shape));
  return cachedContractId;
}
