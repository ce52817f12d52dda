import type { Core } from '../core/core';
import type { HubControl, HubSettingsValue } from '../core/stations/hub-settings';
import { ensureHubTls, readHubTls } from './hub-tls';
import type { HttpLimits } from './http-limits';
import { startLanHost, type LanHost } from './lan-host';

/** Flags for tests and scripted setups: listen here whatever the admin saved. */
export interface HubOptions {
  host: string;
  port: number;
  extraHostNames?: readonly string[];
  limits?: Partial<HttpLimits>;
  pingIntervalMs?: number;
}

export interface HubMode extends HubControl {
  lan(): LanHost | null;
  close(): Promise<void>;
}

/**
 * Runs the LAN listener as the admin's settings (or the host's flags) say, and restarts it when
 * the admin changes them. The key and certificate are made at the first start of hub mode and
 * kept: stations pinned their fingerprint.
 */
export async function startHubMode(
  core: Core,
  dataDir: string,
  flags: HubOptions | undefined,
): Promise<HubMode> {
  let lan: LanHost | null = null;
  let fingerprint = readHubTls(dataDir)?.fingerprint256 ?? null;
  let applying = Promise.resolve();

  const listen = async (host: string, port: number) => {
    const tls = await ensureHubTls(dataDir, core.hubSettings.get().hubName);
    fingerprint = tls.fingerprint256;
    lan = await startLanHost({
      core,
      tls,
      host,
      port,
      ...(flags?.extraHostNames && { extraHostNames: flags.extraHostNames }),
      ...(flags?.limits && { limits: flags.limits }),
      ...(flags?.pingIntervalMs !== undefined && { pingIntervalMs: flags.pingIntervalMs }),
    });
  };

  const apply = (settings: HubSettingsValue): Promise<void> => {
    // One change at a time: two quick saves must not race for the same port.
    applying = applying
      .catch(() => undefined)
      .then(async () => {
        if (flags) return; // the host's flags decide; the saved settings apply at the next start
        await lan?.close();
        lan = null;
        if (!settings.enabled) return;
        try {
          await listen(settings.host, settings.port);
        } catch (err) {
          // An address this PC does not have, or a port in use: the settings stay saved and the
          // admin screen says the hub is not accepting connections.
          const code = (err as NodeJS.ErrnoException).code ?? 'unknown';
          console.error(`[loket hub] cannot listen on ${settings.host}:${settings.port}: ${code}`);
        }
      });
    return applying;
  };

  const mode: HubMode = {
    listening: () => (lan ? { host: lan.host, port: lan.port } : null),
    fingerprint: () => fingerprint,
    apply,
    lan: () => lan,
    close: async () => {
      await applying.catch(() => undefined);
      await lan?.close();
      lan = null;
    },
  };
  if (flags) await listen(flags.host, flags.port);
  else {
    const saved = core.hubSettings.get();
    if (saved.enabled) await listen(saved.host, saved.port);
  }
  core.setHubControl(mode);
  return mode;
}
