import { randomBytes } from 'node:crypto';
import { createCore, type Core } from '../core/core';
import { startHttpHost, type HttpHost } from './http-host';
import { changesAsPush } from './push-stream';

export interface BrowserModeOptions {
  dataDir: string;
  rendererDir: string;
  host?: string;
  port?: number;
  surveyIdleSeconds?: number;
  scanFolder?: string;
}

export interface BrowserMode {
  core: Core;
  http: HttpHost;
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
    warmPdfWorker: true,
  });
  let http: HttpHost;
  try {
    await core.ready();
    // Escalated cases go to the backend helpdesk once one is configured (admin screen or API);
    // housekeeping closes yesterday's visits and anonymises data past its retention.
    core.start();
    http = await startHttpHost({
      dispatch: core.dispatch,
      stageUpload: core.stageUpload,
      rendererDir: options.rendererDir,
      launchToken: randomBytes(24).toString('base64url'),
      // Every screen hears what changed, by topic, and reloads through its own calls.
      subscribe: changesAsPush((listener) => core.changes.subscribe(listener)),
      mayListen: core.mayListen,
      ...(options.host !== undefined && { host: options.host }),
      ...(options.port !== undefined && { port: options.port }),
    });
  } catch (err) {
    // A port in use must not leave the data folder locked by a host that never ran.
    await core.stop();
    throw err;
  }
  return {
    core,
    http,
    stop: async () => {
      await http.close();
      await core.stop();
    },
  };
}
