import {
  chmodSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { stationKindSchema } from '../../shared/domain/station-kinds';
import { fingerprintSchema, hubAddressSchema } from '../../shared/api/methods/station';
import type { SecretStore } from '../core/settings/secret-store';

/** The file that makes this data folder a station's: its presence implies `--station`. */
export const STATION_CONFIG_FILE = 'station.json';

export const stationConfigSchema = z
  .object({
    version: z.literal(1),
    hubAddress: hubAddressSchema,
    fingerprint: fingerprintSchema,
    certificatePem: z.string().startsWith('-----BEGIN CERTIFICATE-----').max(20_000),
    stationId: z.number().int().positive(),
    kind: stationKindSchema,
    name: z.string().min(1).max(60),
    hubName: z.string().max(200),
    /** Absent where a SecretStore keeps it (the OS keychain in the desktop app). */
    credential: z.string().min(32).max(500).optional(),
  })
  .strict();
export type StationConfigFile = z.infer<typeof stationConfigSchema>;
export type StationConfig = Omit<StationConfigFile, 'credential'> & { credential: string };

export class StationConfigError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'StationConfigError';
  }
}

export function stationConfigPath(dataDir: string): string {
  return join(dataDir, STATION_CONFIG_FILE);
}

export function hasStationConfig(dataDir: string): boolean {
  return existsSync(stationConfigPath(dataDir));
}

/**
 * The station's pairing, or null when this data folder is an all-in-one's. A damaged or
 * half-written file is an error naming the file, not a silent fall back to all-in-one: that
 * would start an empty local database beside the hub's.
 */
export function readStationConfig(dataDir: string, secrets?: SecretStore): StationConfig | null {
  const file = stationConfigPath(dataDir);
  if (!existsSync(file)) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new StationConfigError(file, 'not JSON');
  }
  const parsed = stationConfigSchema.safeParse(raw);
  if (!parsed.success) {
    throw new StationConfigError(file, parsed.error.issues.map((i) => i.path.join('.')).join(', '));
  }
  const credential = parsed.data.credential ?? secrets?.get() ?? '';
  if (credential.length < 32) throw new StationConfigError(file, 'credential missing');
  return { ...parsed.data, credential };
}

/** Written whole (temp file, then rename), readable by this user only. */
export function writeStationConfig(
  dataDir: string,
  config: StationConfig,
  secrets?: SecretStore,
): void {
  const { credential, ...rest } = config;
  const content: StationConfigFile = secrets ? rest : { ...rest, credential };
  stationConfigSchema.parse(content);
  if (secrets) secrets.set(credential);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = stationConfigPath(dataDir);
  const temp = `${file}.tmp`;
  writeFileSync(temp, JSON.stringify(content, null, 2), { mode: 0o600 });
  chmodSync(temp, 0o600);
  renameSync(temp, file);
}

/** Turns the folder back into an all-in-one's: the pairing and its credential are forgotten. */
export function removeStationConfig(dataDir: string, secrets?: SecretStore): void {
  rmSync(stationConfigPath(dataDir), { force: true });
  secrets?.set('');
}
