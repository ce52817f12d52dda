/**
 * `npm start`: the Electron app where its binary is installed, otherwise browser mode with one
 * clear line saying so. Flags: --browser (force browser mode), --data-dir DIR, --port N, --host H,
 * --survey-idle-seconds N, --scan-folder DIR (or LOKET_SCAN_FOLDER).
 *
 * Three ways to run one installation: all-in-one (the default), a hub (`--hub --lan-host H
 * --lan-port N`: also serves paired stations on the LAN) and a station (`--station`, implied by a
 * station.json in the data folder: its data lives on the hub). A first-run PC that pairs turns
 * into a station without a restart, and a station turned back into all-in-one likewise.
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
import { startBrowserMode, type BrowserModeOptions } from './server/browser-mode';
import { hasStationConfig } from './station/station-config';
import { startStation } from './station/station-host';

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
  const { port, host, scanFolder, hub } = options;
  const idle = options.surveyIdleSeconds;
  const rendererDir = join(root, 'dist', 'renderer');
  const wantsStation = options.station || hasStationConfig(dataDir);
  if (hub && wantsStation) {
    throw new Error(
      '--hub: this data folder belongs to a station (station.json); a PC is one or the other.',
    );
  }

  /** All-in-one (or hub); turns into a station when the first-run screen pairs this PC. */
  const allInOne = async (
    listenPort: number | undefined,
    launchToken?: string,
  ): Promise<Running> => {
    const options: BrowserModeOptions & { hub?: { host: string; port: number } } = {
      dataDir,
      rendererDir,
      host,
      ...(launchToken !== undefined && { launchToken }),
      // A restore was staged: this host closes and a new one opens the restored data, same address.
      requestRestart: () =>
        void switchTo(() => allInOne(portOf(mode.http.url), tokenOf(mode.http.launchUrl))),
      ...(listenPort !== undefined && { port: listenPort }),
      ...(idle !== undefined && { surveyIdleSeconds: idle }),
      ...(scanFolder && { scanFolder }),
      ...(hub && { hub }),
    };
    const mode = await startBrowserMode(options);
    const lan = mode.hub.lan();
    if (lan) {
      // What the IT staff types at each station and compares on its screen.
      console.log(
        `Hub untuk stasiun / hub for stations: ${lan.host}:${lan.port} SHA-256 ${lan.fingerprint256}`,
      );
    }
    const paired = setInterval(() => {
      if (hasStationConfig(dataDir)) {
        clearInterval(paired);
        void switchTo(() => station(portOf(mode.http.url), tokenOf(mode.http.launchUrl)));
      }
    }, 1000);
    paired.unref();
    return {
      launchUrl: mode.http.launchUrl,
      stop: async () => {
        clearInterval(paired);
        await mode.stop();
      },
    };
  };

  const station = async (
    listenPort: number | undefined,
    launchToken?: string,
  ): Promise<Running> => {
    const running = await startStation({
      dataDir,
      rendererDir,
      host,
      ...(listenPort !== undefined && { port: listenPort }),
      ...(launchToken !== undefined && { launchToken }),
      ...(scanFolder && { scanFolder }),
      onUnpaired: () => void switchTo(() => allInOne(portOf(running.http.url))),
    });
    console.log(
      `Stasiun "${running.config.name}" terhubung ke hub ${running.config.hubName} (${running.config.hubAddress}) / station of that hub`,
    );
    return { launchUrl: running.http.launchUrl, stop: () => running.stop() };
  };

  let current: Running | null = null;
  let switching: Promise<void> = Promise.resolve();
  const switchTo = (next: () => Promise<Running>) => {
    switching = switching.then(async () => {
      await current?.stop();
      current = null;
      current = await next();
      console.log(`Loket siap / ready: ${current.launchUrl}`);
    });
    return switching.catch((err: unknown) => {
      console.error(err);
      process.exit(1);
    });
  };
  const listenPort = port;
  current = wantsStation ? await station(listenPort) : await allInOne(listenPort);

  // Listening for a stop before saying "ready": whoever reads the line may stop us at once.
  // Deliveries in flight finish (bounded) before the database closes; a second signal waits too.
  let stopping: Promise<void> | null = null;
  const stop = () => {
    stopping ??= switching
      .then(() => current?.stop())
      .then(
        () => process.exit(0),
        (err: unknown) => {
          console.error(err);
          process.exit(1);
        },
      );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  console.log(`Loket siap / ready: ${current.launchUrl}`);
  console.log(`Data: ${dataDir}`);
}

interface Running {
  launchUrl: string;
  stop(): Promise<void>;
}

function portOf(url: string): number {
  return Number(new URL(url).port);
}

/** The launch token a page holds (the URL fragment): kept when the host changes its mode. */
function tokenOf(launchUrl: string): string | undefined {
  return new URL(launchUrl).hash.match(/token=([\w-]+)/)?.[1];
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
