import { join } from 'node:path';

export const APP_FOLDER_NAME = 'Loket';

/**
 * Where Loket keeps its data when no folder is given: the same per-user folder Electron's
 * app.getPath('userData') uses, so browser mode and the desktop app share one database.
 */
export function defaultDataDir(
  platform: NodeJS.Platform,
  env: NodeJS.ProcessEnv,
  home: string,
): string {
  if (platform === 'win32')
    return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_FOLDER_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_FOLDER_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), APP_FOLDER_NAME);
}

/** `--data-dir=DIR` or `--data-dir DIR` wins, then LOKET_DATA_DIR, then the per-user folder. */
export function chooseDataDir(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  fallback: string,
): string {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg.startsWith('--data-dir=')) return arg.slice('--data-dir='.length);
    if (arg === '--data-dir' && argv[i + 1]) return argv[i + 1]!;
  }
  return env.LOKET_DATA_DIR || fallback;
}
