/**
 * What the Windows installer chose for the whole machine: the shared data folder (under
 * ProgramData, so every Windows account on a shared desk PC uses one database). It writes
 * `loket-machine.json` into the install folder, which only administrators may change.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

export const MACHINE_CONFIG_FILE = 'loket-machine.json';

const machineConfigSchema = z.object({ dataDir: z.string().min(1).max(1_000).optional() });
export type MachineConfig = z.infer<typeof machineConfigSchema>;

/** A missing or unreadable file is no choice at all (the per-user folder then), never a crash. */
export function parseMachineConfig(text: string | null): MachineConfig {
  if (text === null) return {};
  try {
    // The NSIS script writes it with a byte order mark when the path is not ASCII.
    const parsed = machineConfigSchema.safeParse(JSON.parse(text.replace(/^\uFEFF/, '')));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

export function readMachineConfig(installDir: string): MachineConfig {
  let text: string | null = null;
  try {
    text = readFileSync(join(installDir, MACHINE_CONFIG_FILE), 'utf8');
  } catch {
    text = null;
  }
  return parseMachineConfig(text);
}

/** The flag or LOKET_DATA_DIR, then the installer's machine folder, then the per-user folder. */
export function desktopDataDir(
  given: string | undefined,
  machine: MachineConfig,
  userData: string,
): string {
  return given ?? machine.dataDir ?? userData;
}
