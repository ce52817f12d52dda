import { z } from 'zod';
import { stationKindSchema, WINDOW_KINDS } from '../../domain/station-kinds';
import { method, STAFF_WINDOW, ok, type MethodSpec } from './method';

/** A hub's LAN address as typed: `host:port` (an IPv6 host in brackets). */
export const hubAddressSchema = z
  .string()
  .trim()
  .regex(/^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]{1,253}):([1-9][0-9]{0,4})$/, {
    error: 'validation.hubAddress',
  })
  .refine((a) => Number(a.slice(a.lastIndexOf(':') + 1)) <= 65535, {
    error: 'validation.hubAddress',
  });

/** A certificate's SHA-256 fingerprint as node:crypto writes it: 32 hex pairs joined by colons. */
export const fingerprintSchema = z.string().regex(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);

export const HUB_LINK_STATES = ['connected', 'unreachable', 'incompatible', 'refused'] as const;
export const hubLinkSchema = z.object({
  state: z.enum(HUB_LINK_STATES),
  since: z.string(),
  update: z.enum(['hub', 'station']).optional(),
  hubVersion: z.string().optional(),
  /** With `refused`: STATION_REVOKED or STATION_UNKNOWN. */
  code: z.string().optional(),
});
export type HubLink = z.infer<typeof hubLinkSchema>;

export const stationStatusSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('allInOne') }),
  z.object({
    mode: z.literal('station'),
    kind: stationKindSchema,
    stationName: z.string(),
    hubName: z.string(),
    hubAddress: z.string(),
    fingerprint: z.string(),
    link: hubLinkSchema,
  }),
]);
export type StationStatus = z.infer<typeof stationStatusSchema>;

/**
 * Run by the PC itself, never forwarded to a hub (`runsAt: 'local'`): whether it is a station,
 * and turning it into one or back. Pairing starts on an all-in-one PC (its first-run screen or an
 * administrator), so the all-in-one core answers these too.
 */
export const stationMethods = {
  'station.status': method({
    input: z.object({}).strict(),
    output: stationStatusSchema,
    access: 'public',
    windows: WINDOW_KINDS,
    runsAt: 'local',
  }),
  /** Asks the hub who it is over TLS that is NOT verified yet: the user compares the fingerprint. */
  'station.inspectHub': method({
    input: z.object({ address: hubAddressSchema }).strict(),
    output: z.object({
      hubName: z.string(),
      version: z.string(),
      fingerprint: fingerprintSchema,
      /** False when the hub speaks another contract: pairing would be refused. */
      compatible: z.boolean(),
    }),
    access: 'public',
    windows: STAFF_WINDOW,
    runsAt: 'local',
  }),
  /** Pairs pinned to exactly the fingerprint the user confirmed; the hub's answer is kept. */
  'station.pair': method({
    input: z
      .object({
        address: hubAddressSchema,
        fingerprint: fingerprintSchema,
        code: z.string().min(1).max(20),
        name: z.string().trim().min(1, { error: 'validation.required' }).max(60),
      })
      .strict(),
    output: z.object({ kind: stationKindSchema, name: z.string(), hubName: z.string() }),
    access: 'public',
    windows: STAFF_WINDOW,
    runsAt: 'local',
  }),
  /** An administrator turns a station back into an all-in-one PC: the pairing is forgotten. */
  'station.unpair': method({
    input: z.object({ confirm: z.literal(true) }).strict(),
    output: ok,
    access: ['admin'],
    windows: STAFF_WINDOW,
    runsAt: 'local',
  }),
} as const satisfies Record<string, MethodSpec>;
