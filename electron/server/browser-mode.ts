import { randomBytes } from 'node:crypto';
import { createCore, type Core } from '../core/core';
import { startHttpHost, type HttpHost } from './http-host';
import { startHubMode, type HubMode, type HubOptions } from './hub-mode';
import { changesAsPush } from './push-stream';
import { startsAtLoginVia } from './first-screen';

export interface BrowserModeOptions {
  dataDir: string;
  rendererDir: string;
  host?: string;
  port?: number;
  surveyIdleSeconds?: number;
  scanFolder?: string;
  /**
   * Serve paired stations on this LAN address and port (`--hub --lan-host H --lan-port N`),
   * whatever the admin saved; without it the admin's saved hub settings apply.
   */
  hub?: HubOptions;
  /** How long a station pairing code stays valid (tests shorten it). */
  pairingCodeLifetimeMs?: number;
  /** Keeps the page's launch token across a restart of this host (after a restore). */
  launchToken?: string;
  /** Closes this host and opens a new one on the same folder (a restore was staged). */
  requestRestart?: () => void;
}

export interface BrowserMode {
  core: Core;
  http: HttpHost;
  hub: HubMode;
  stop(): Promise<void>;
}

/** The core plus its HTTP host: what `npm start` runs where Electron cannot, and what e2e tests drive. */
export async function startBrowserMode(options: BrowserModeOptions): Promise<BrowserMode> {
  // Everything this host writes (database, WAL, documents, secret) is for this user alone.
  process.umask(0o077);
  const core = createCore({
    dataDir: options.dataDir,
    hostKind: 'browser',
    ...(options.surveyIdleSeconds !== undefined && {
      surveyIdleSeconds: options.surveyIdleSeconds,
    }),
    ...(options.scanFolder !== undefined && { scanFolder: options.scanFolder }),
    ...(options.pairingCodeLifetimeMs !== undefined && {
      pairingCodeLifetimeMs: options.pairingCodeLifetimeMs,
    }),
    warmPdfWorker: true,
    ...(options.requestRestart && { requestRestart: options.requestRestart }),
  });
  let http: HttpHost;
  let hub: HubMode | undefined;
  try {
    await core.ready();
    // Escalated cases go to the backend helpdesk once one is configured (admin screen or API);
    // housekeeping closes yesterday's visits and anonymises data past its retention.
    core.start();
    http = await startHttpHost({
      dispatch: core.dispatch,
      stageUpload: core.stageUpload,
      rendererDir: options.rendererDir,
      startsAtLogin: startsAtLoginVia(core.dispatch),
      launchToken: options.launchToken ?? randomBytes(24).toString('base64url'),
      // Every screen hears what changed, by topic, and reloads through its own calls.
      subscribe: changesAsPush((listener) => core.changes.subscribe(listener)),
      mayListen: core.mayListen,
      ...(options.host !== undefined && { host: options.host }),
      ...(options.port !== undefined && { port: options.port }),
    });
    hub = await startHubMode(core, options.dataDir, options.hub);
  } catch (err) {
    // A port in use must not leave the data folder locked by a host that never ran.
    await hub?.close();
    await core.stop();
    throw err;
  }
  const lanHub = hub;
  return {
    core,
    http,
    hub: lanHub,
    stop: async () => {
      await lanHub.close();
      await http.close();
      await core.stop();
    },
  };
}
