/**
 * The login form usable (its fields on screen and enabled) after opening Loket, in a fresh
 * browser context each time (nothing cached), against a floor measured in the same browser: an
 * empty page from the same host. Target: within 2x. BENCH_BASE_RENDERER=<dir> also times
 * another renderer build (e.g. the one before code splitting) in the same run.
 *
 * Run: npm run build:renderer && nice npx tsx bench/ui-login.ts
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { Browser } from '@playwright/test';
import { launchChromium, median, RENDERER, startUiHost } from './ui-host';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);

async function timeOpen(browser: Browser, url: string, ready: string | null): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  // The floor: a page with nothing in it, answered at the same origin without the server.
  await context.route('**/empty-bench-page', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>-</title><p>-</p>' }),
  );
  const page = await context.newPage();
  const t0 = performance.now();
  await page.goto(url, { waitUntil: ready ? 'commit' : 'load' });
  if (ready) await page.locator(ready).first().waitFor({ state: 'visible' });
  const ms = performance.now() - t0;
  await context.close();
  return ms;
}

async function measure(browser: Browser, rendererDir: string) {
  const host = await startUiHost(rendererDir);
  const launch = host.loket.http.launchUrl;
  const empty = `${host.loket.http.url}/empty-bench-page`;
  const login = 'input[autocomplete="username"]:enabled';
  const floor: number[] = [];
  const form: number[] = [];
  // Warm-up: the first page of a browser pays for its own start.
  await timeOpen(browser, empty, null);
  for (let i = 0; i < ROUNDS; i++) {
    floor.push(await timeOpen(browser, empty, null));
    form.push(await timeOpen(browser, launch, login));
  }
  await host.stop();
  return { floor: median(floor), form: median(form) };
}

const browser = await launchChromium();
const runs: [string, string][] = [['this build', RENDERER]];
if (process.env.BENCH_BASE_RENDERER) runs.push(['base build', process.env.BENCH_BASE_RENDERER]);
console.log(
  `login form usable, median of ${ROUNDS} fresh contexts (load ${loadavg()[0]!.toFixed(1)}):`,
);
for (const [name, dir] of runs) {
  const r = await measure(browser, dir);
  console.log(
    `  ${name}: empty page (floor) ${r.floor.toFixed(0)} ms, login form ${r.form.toFixed(0)} ms: ${(r.form / r.floor).toFixed(2)}x (target within 2x)`,
  );
}
await browser.close();
