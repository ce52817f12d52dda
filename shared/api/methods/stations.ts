import { z } from 'zod';
import { stationKindSchema } from '../../domain/station-kinds';
import { method, OFFICER, STAFF_WINDOW, empty, id, ok, type MethodSpec } from './method';

const ADMIN = ['admin'] as const;

/** An IPv4 or IPv6 address literal the hub listens on (a LAN interface, or 0.0.0.0 for all). */
const listenAddress = z
  .string()
  .trim()
  .max(45)
  .refine((s) => z.ipv4().safeParse(s).success || z.ipv6().safeParse(s).success, {
    message: 'validation.ipAddress',
  });

export const hubInfoSchema = z.object({
  mode: z.enum(['allInOne', 'hub']),
  hubName: z.string(),
  /** The address and port saved by the admin (what the next start listens on). */
  host: z.string(),
  port: z.number().int().min(0).max(65535),
  /** Where the LAN listener answers now; null while it is off. */
  listening: z.object({ host: z.string(), port: z.number().int() }).nullable(),
  /** SHA-256 of the hub's certificate (`AB:CD:…`), null until hub mode first started. */
  fingerprint: z.string().nullable(),
});
export type HubInfo = z.infer<typeof hubInfoSchema>;

export const stationViewSchema = z.object({
  id,
  name: z.string(),
  kind: stationKindSchema,
  address: z.string().nullable(),
  version: z.string().nullable(),
  pairedAt: z.string(),
  lastSeenAt: z.string().nullable(),
  revoked: z.boolean(),
});
export type StationView = z.infer<typeof stationViewSchema>;

export const stationNameSchema = z.string().trim().min(1, 'validation.required').max(60);

export const hubStationMethods = {
  'stations.hubInfo': method({
    input: empty,
    output: hubInfoSchema,
    access: ADMIN,
    windows: STAFF_WINDOW,
  }),
  'stations.setHub': method({
    input: z.object({
      enabled: z.boolean(),
      host: listenAddress,
      port: z.number().int().min(1024, 'validation.port').max(65535, 'validation.port'),
    }),
    output: hubInfoSchema,
    access: ADMIN,
    windows: STAFF_WINDOW,
    changes: ['settings', 'stations'],
  }),
  'stations.createPairingCode': method({
    input: z.object({ kind: stationKindSchema }),
    output: z.object({
      /** Shown once, typed on the new PC as XXXX-XXXX; the hub keeps only its hash. */
      code: z.string(),
      kind: stationKindSchema,
      expiresAt: z.string(),
    }),
    access: ADMIN,
    windows: STAFF_WINDOW,
  }),
  'stations.list': method({
    input: empty,
    output: z.array(stationViewSchema),
    access: ADMIN,
    windows: STAFF_WINDOW,
  }),
  'stations.rename': method({
    input: z.object({ stationId: id, name: stationNameSchema }),
    output: ok,
    access: ADMIN,
    windows: STAFF_WINDOW,
    changes: ['stations'],
  }),
  'stations.revoke': method({
    input: z.object({ stationId: id }),
    output: ok,
    access: ADMIN,
    windows: STAFF_WINDOW,
    changes: ['stations'],
  }),
  /** The paired survey screens an officer may show their visitors' surveys on. */
  'stations.surveyScreens': method({
    input: empty,
    output: z.array(z.object({ id, name: z.string(), boundToMe: z.boolean() })),
    access: OFFICER,
    windows: STAFF_WINDOW,
  }),
  /**
   * "Buka layar survei" on a paired survey screen: the hub answers that station's survey calls
   * with a display session of this officer's, until they log out or bind another screen.
   */
  'stations.bindSurvey': method({
    input: z.object({ stationId: id }),
    output: ok,
    access: OFFICER,
    windows: STAFF_WINDOW,
    changes: ['survey', 'stations'],
  }),
} as const satisfies Record<string, MethodSpec>;
