import { randomBytes } from 'node:crypto';
import { createCore, type Core } from '../core/core';
import { startHttpHost, type HttpHost } from './http-host';

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

const HOUSEKEEPING_MS = 60_000;

/** The core plus its HTTP host: what `npm start` runs where Electron cannot, and what e2e tests drive. */
export async function startBrowserMode(options: BrowserModeOptions): Promise<BrowserMode> {
  const core = createCore({
    dataDir: options.dataDir,
    ...(options.surveyIdleSeconds !== undefined && {
      surveyIdleSeconds: options.surveyIdleSeconds,
    }),
    ...(options.scanFolder !== undefined && { scanFolder: options.scanFolder }),
    warmPdfWorker: true,
  });
  await core.ready();
  // Escalated cases go to the backend helpdesk once one is configured (admin screen or API).
  core.startSync();
  const http = await startHttpHost({
    dispatch: core.dispatch,
    stageUpload: core.stageUpload,
    rendererDir: options.rendererDir,
    launchToken: randomBytes(24).toString('base64url'),
    ...(options.host !== undefined && { host: options.host }),
    ...(options.port !== undefined && { port: options.port }),
  });
  // Visits left open when the service day ends are closed and flagged, and data past its
  // retention is anonymised, even if nobody looks.
  const timer = setInterval(() => core.housekeeping(), HOUSEKEEPING_MS);
  timer.unref();
  return {
    core,
    http,
    stop: async () => {
      clearInterval(timer);
      await http.close();
      core.close();
    },
  };
}
