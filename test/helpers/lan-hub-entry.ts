/**
 * A hub as its own process for the LAN tests: browser mode with hub options, printing one JSON
 * line with where it listens. Used until electron/start.ts carries the --hub flags.
 * Args: --data-dir DIR [--lan-host H --lan-port N] [--code-lifetime-ms N]
 */
import { join } from 'node:path';
import { startBrowserMode } from '../../electron/server/browser-mode';

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};

const dataDir = flag('--data-dir');
if (!dataDir) throw new Error('--data-dir is required');
const lifetime = flag('--code-lifetime-ms');
const mode = await startBrowserMode({
  dataDir,
  rendererDir: join(import.meta.dirname, '..', '..', 'dist', 'renderer'),
  // Without --lan-host the admin's saved hub settings decide, as in an ordinary start.
  ...(flag('--lan-host') !== undefined && {
    hub: { host: flag('--lan-host') ?? '', port: Number(flag('--lan-port') ?? 0) },
  }),
  ...(lifetime !== undefined && { pairingCodeLifetimeMs: Number(lifetime) }),
});
const stop = () => {
  void mode.stop().then(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
const lan = mode.hub.lan();
console.log(
  `HUB ${JSON.stringify({
    url: mode.http.url,
    launchToken: mode.http.launchUrl.split('#token=')[1],
    lanHost: lan?.host,
    lanPort: lan?.port,
    fingerprint: mode.hub.fingerprint(),
  })}`,
);
