/**
 * What the UI benchmarks share: Loket in browser mode on a fresh data folder with a first
 * administrator, serving a given renderer build, and Debian's Chromium as the e2e tests use it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { startBrowserMode, type BrowserMode } from '../electron/server/browser-mode';

export const ADMIN = { fullName: 'Siti Rahayu', username: 'siti', pin: '135790' };
export const RENDERER = join(import.meta.dirname, '..', 'dist', 'renderer');

export interface UiHost {
  loket: BrowserMode;
  /** The staff session of the administrator (all roles). */
  token: string;
  stop(): Promise<void>;
}

export async function startUiHost(rendererDir = RENDERER): Promise<UiHost> {
  const dataDir = mkdtempSync(join(tmpdir(), 'loket-ui-bench-'));
  const loket = await startBrowserMode({ dataDir, rendererDir, port: 0 });
  const call = async (method: string, input: unknown, token?: string) => {
    const r = await loket.core.dispatch(method, input, { window: 'staff', sessionToken: token });
    if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
    return r.value as Record<string, unknown>;
  };
  await call('setup.createFirstAdmin', ADMIN);
  const login = await call('auth.login', { username: ADMIN.username, pin: ADMIN.pin });
  return {
    loket,
    token: String(login.sessionToken),
    stop: async () => {
      await loket.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      // Chromium preloads its own omnibox popup (a WebUI page) beside each new page: a second
      // page loading on the same two cores, in every test and every timed page load.
      '--disable-features=PreloadTopChromeWebUI',
    ],
  });
}

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
