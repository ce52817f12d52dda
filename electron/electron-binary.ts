/**
 * Where `npm start` finds Electron's binary. `npm ci` never downloads it (its install script is
 * off, so an install without internet cannot fail on it); `npm start` fetches it once where the
 * download host answers, saying so, and otherwise leaves the choice of browser mode to the caller.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronAddonPath, REBUILD_COMMAND } from './core/db/native-binding';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
/** Where @electron/get downloads from: the mirror the environment names, else GitHub's releases. */
const DOWNLOAD_HOST = 'https://github.com/electron/electron/releases';

/** The folder of the installed `electron` package, or null when it is not installed. */
function electronPackageDir(): string | null {
  try {
    return dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
}

/**
 * The path of the Electron binary, or null when the package has no binary (as on these machines).
 * Read from the package's `path.txt` rather than by `require('electron')`: since Electron 40 that
 * require downloads a missing binary on the spot, which offline hangs or fails instead of
 * falling back to browser mode.
 */
export function installedElectronBinary(
  packageDir: string | null = electronPackageDir(),
): string | null {
  if (packageDir === null) return null;
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

/** Whether the download host answers at all within a few seconds (no DNS, no route: false at once). */
export async function downloadHostReachable(
  env: NodeJS.ProcessEnv,
  timeoutMs = 4_000,
): Promise<boolean> {
  const url = env.ELECTRON_MIRROR || env.npm_config_electron_mirror || DOWNLOAD_HOST;
  try {
    await fetch(url, { method: 'HEAD', signal: AbortSignal.timeout(timeoutMs) });
    return true;
  } catch {
    return false;
  }
}

/**
 * The binary, fetched first when it is missing and the download host is reachable. Returns null
 * (browser mode) when there is no binary and none could be fetched.
 */
export async function findOrFetchElectron(
  log: (line: string) => void,
  env: NodeJS.ProcessEnv = process.env,
): Promise<string | null> {
  const binary = await findOrFetchBinary(log, env);
  return binary !== null && hasElectronSqlite(log) ? binary : null;
}

/**
 * Electron from the repository opens better-sqlite3's Electron build (native/electron/…): made
 * here once when missing (the script skips in one line without internet); without it, the
 * caller starts browser mode rather than an app that cannot open its database.
 */
function hasElectronSqlite(log: (line: string) => void): boolean {
  const version = (require('electron/package.json') as { version: string }).version;
  const addon = electronAddonPath(root, version, process.platform, process.arch);
  if (existsSync(addon)) return true;
  spawnSync(process.execPath, [join(root, 'scripts', 'build-native-electron.mjs')], {
    stdio: 'inherit',
  });
  if (existsSync(addon)) return true;
  log(
    `better-sqlite3 untuk Electron belum ada (${REBUILD_COMMAND}). / No Electron build of better-sqlite3 yet.`,
  );
  return false;
}

async function findOrFetchBinary(
  log: (line: string) => void,
  env: NodeJS.ProcessEnv,
): Promise<string | null> {
  const installed = installedElectronBinary();
  if (installed !== null) return installed;
  let installScript: string;
  try {
    installScript = join(dirname(require.resolve('electron/package.json')), 'install.js');
  } catch {
    return null;
  }
  if (!existsSync(installScript) || !(await downloadHostReachable(env))) return null;
  log('Mengunduh binary Electron (sekali saja)… / Downloading the Electron binary (once)…');
  const result = spawnSync(process.execPath, [installScript], { stdio: 'inherit', env });
  return result.status === 0 ? installedElectronBinary() : null;
}
