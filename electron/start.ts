/**
 * `npm start`: the Electron app where its binary is installed, otherwise browser mode with one
 * clear line saying so. Flags: --browser (force browser mode), --data-dir DIR, --port N, --host H,
 * --survey-idle-seconds N, --scan-folder DIR (or LOKET_SCAN_FOLDER).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError, startRefusalMessage } from './core/errors';
import { findOrFetchElectron } from './electron-binary';
import { HostOptionsError, parseHostOptions } from './host-options';
import { defaultDataDir } from './server/data-dir';
import { startBrowserMode } from './server/browser-mode';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);

async function main(): Promise<void> {
  // The data folder is private to this user, whichever host writes it (Electron inherits this).
  process.umask(0o077);
  const options = parseHostOptions(args, process.env);
  const dataDir = options.dataDir ?? defaultDataDir(process.platform, process.env, homedir());
  const electron = options.browser ? null : await findOrFetchElectron(console.log);
  if (electron !== null && existsSync(join(root, 'dist-electron', 'main.js'))) {
    const child = spawn(electron, [root, ...args, `--data-dir=${dataDir}`], { stdio: 'inherit' });
    child.on('exit', (code) => process.exit(code ?? 0));
    return;
  }
  if (!options.browser) {
    console.log(
      'Electron tidak tersedia di mesin ini (binary Electron tidak terpasang); Loket dijalankan dalam mode peramban. / Electron is not available here; starting browser mode.',
    );
  }
  const mode = await startBrowserMode({
    dataDir,
    rendererDir: join(root, 'dist', 'renderer'),
    host: options.host,
    ...(options.port !== undefined && { port: options.port }),
    ...(options.surveyIdleSeconds !== undefined && {
      surveyIdleSeconds: options.surveyIdleSeconds,
    }),
    ...(options.scanFolder && { scanFolder: options.scanFolder }),
  });
  // Listening for a stop before saying "ready": whoever reads the line may stop us at once.
  // Deliveries in flight finish (bounded) before the database closes; a second signal waits too.
  let stopping: Promise<void> | null = null;
  const stop = () => {
    stopping ??= mode.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  console.log(`Loket siap / ready: ${mode.http.launchUrl}`);
  console.log(`Data: ${dataDir}`);
}

main().catch((err: unknown) => {
  if (err instanceof HostOptionsError) {
    console.error(err.message);
  } else if (err instanceof AppError) {
    console.error(startRefusalMessage(err, 'id'));
    console.error(startRefusalMessage(err, 'en'));
  } else {
    console.error(err);
  }
  process.exit(1);
});
