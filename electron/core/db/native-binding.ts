/**
 * Which better-sqlite3 addon the database opens with. Node (tests, browser mode) and Electron
 * have different ABIs (NODE_MODULE_VERSION), so one build in node_modules cannot serve both:
 * node_modules keeps Node's build, and a build for Electron lives in a folder of its own
 * (`native/electron/<electron version>-<platform>-<arch>/`, made by `npm run build:native`).
 * A packaged app needs neither: electron-builder rebuilt node_modules for Electron inside it.
 * No Electron import: the host passes what it knows.
 */
import { join } from 'node:path';

export const NATIVE_ADDON_FILE = 'better_sqlite3.node';
export const REBUILD_COMMAND = 'npm run build:native';

export interface NativeBindingInput {
  /** `process.versions.electron`: absent under plain Node. */
  electronVersion: string | undefined;
  /** Electron's `app.isPackaged`. */
  isPackaged: boolean;
  /** The repository (or app) root that holds `native/`. */
  appRoot: string;
  platform: NodeJS.Platform;
  arch: string;
  exists: (path: string) => boolean;
}

export type NativeBindingChoice =
  /** better-sqlite3 finds its own build in node_modules. */
  | { kind: 'default' }
  /** The Electron build in its own folder, given to better-sqlite3 as `nativeBinding`. */
  | { kind: 'electron-build'; path: string }
  /** Electron from the repository without an Electron build: say how to make one. */
  | { kind: 'missing'; path: string };

export function electronAddonPath(
  appRoot: string,
  electronVersion: string,
  platform: NodeJS.Platform,
  arch: string,
): string {
  return join(
    appRoot,
    'native',
    'electron',
    `${electronVersion}-${platform}-${arch}`,
    NATIVE_ADDON_FILE,
  );
}

export function chooseNativeBinding(input: NativeBindingInput): NativeBindingChoice {
  if (input.electronVersion === undefined || input.isPackaged) return { kind: 'default' };
  const path = electronAddonPath(input.appRoot, input.electronVersion, input.platform, input.arch);
  return input.exists(path) ? { kind: 'electron-build', path } : { kind: 'missing', path };
}

/**
 * Whether opening failed because the addon itself could not be loaded (missing, corrupt, built for
 * another ABI), as opposed to a database file SQLite refused.
 */
export function isNativeLoadError(err: unknown): boolean {
  if (!(err instanceof Error) || err.name === 'SqliteError') return false;
  const code = (err as Error & { code?: unknown }).code;
  return (
    code === 'ERR_DLOPEN_FAILED' ||
    (code === 'MODULE_NOT_FOUND' && err.message.includes('.node')) ||
    /NODE_MODULE_VERSION|bindings file|invalid ELF header|not a valid Win32 application/.test(
      err.message,
    )
  );
}

let chosenAddon: string | undefined;

/** Set once by the Electron host before the core opens the database; Node hosts never call it. */
export function useNativeAddon(path: string | undefined): void {
  chosenAddon = path;
}

/** The options better-sqlite3 opens with: `nativeBinding` only when the host chose an addon. */
export function nativeBindingOption(): { nativeBinding?: string } {
  return chosenAddon === undefined ? {} : { nativeBinding: chosenAddon };
}
