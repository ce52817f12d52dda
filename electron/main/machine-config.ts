/**
 * What the Windows installer chose for the whole machine: the shared data folder (under
 * ProgramData, so every Windows account on a shared desk PC uses one database). It writes
 * `loket-machine.json` into the install folder, which only administrators may change.
 */
import { readFileSync } from 'node:fs';
import { join, win32 } from 'node:path';
import { z } from 'zod';
import { APP_FOLDER_NAME } from '../server/data-dir';

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

/** The file as NSIS writes it: UTF-16LE with a byte order mark (any path), or plain UTF-8. */
export function decodeMachineConfig(bytes: Buffer): string {
  return bytes[0] === 0xff && bytes[1] === 0xfe
    ? bytes.subarray(2).toString('utf16le')
    : bytes.toString('utf8');
}

export function readMachineConfig(installDir: string): MachineConfig {
  let text: string | null = null;
  try {
    text = decodeMachineConfig(readFileSync(join(installDir, MACHINE_CONFIG_FILE)));
  } catch {
    text = null;
  }
  return parseMachineConfig(text);
}

/**
 * The MSI creates %ProgramData%\Loket (shared by every account) but cannot write the machine
 * file: a packaged Windows app uses that folder when it exists.
 */
export function sharedMachineFolder(
  platform: NodeJS.Platform,
  env: NodeJS.ProcessEnv,
  isPackaged: boolean,
  exists: (path: string) => boolean,
): string | undefined {
  if (platform !== 'win32' || !isPackaged || !env.ProgramData) return undefined;
  const folder = win32.join(env.ProgramData, APP_FOLDER_NAME);
  return exists(folder) ? folder : undefined;
}

/**
 * The flag or LOKET_DATA_DIR, then the folder the installer chose, then the MSI's shared folder,
 * then the per-user folder.
 */
export function desktopDataDir(
  given: string | undefined,
  machine: MachineConfig,
  shared: string | undefined,
  userData: string,
): string {
  return given ?? machine.dataDir ?? shared ?? userData;
}
