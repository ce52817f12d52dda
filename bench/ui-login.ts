/**
 * The login form usable (its fields on screen and enabled) after opening Loket, in a fresh
 * browser context each time (nothing cached), against a floor measured in the same browser: an
 * empty page from the same host (a file beside the renderer, so it comes over the same socket
 * with the same headers, COOP included, as Loket's pages). Target: within 2x. Also timed: the
 * form submittable (its button enabled, once the page's code has taken over a pre-rendered
 * form), and for comparison with earlier figures the old floor: an empty page that Playwright
 * answers itself, without the host or its headers.
 * BENCH_BASE_RENDERER=<dir> also times another renderer build in the same run.
 *
 * Run: npm run build:renderer && nice npx tsx bench/ui-login.ts
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Browser } from '@playwright/test';
import { launchChromium, median, RENDERER, startUiHost, type UiHost } from './ui-host';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const EMPTY_PAGE = '<!doctype html><title>-</title><p>-</p>';
const ROUTED = '/empty-bench-page';
const SERVED = '/empty-bench-page.html';

/** Milliseconds from opening `url` to each selector on screen in turn (or to `load`). */
async function timeOpen(browser: Browser, url: string, ready: string[]): Promise<number[]> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  // Only for the old floor: a route makes Playwright hold and release every request of the
  // context, which would add a round trip through this process to each script and style.
  if (url.endsWith(ROUTED)) {
    await context.route(`**${ROUTED}`, (route) =>
      route.fulfill({ contentType: 'text/html', body: EMPTY_PAGE }),
    );
  }
  const page = await context.newPage();
  const t0 = performance.now();
  await page.goto(url, { waitUntil: ready.length > 0 ? 'commit' : 'load' });
  const ms = [performance.now() - t0];
  for (const selector of ready) {
    await page.locator(selector).first().waitFor({ state: 'visible' });
    ms.push(performance.now() - t0);
  }
  await context.close();
  return ms.slice(ready.length > 0 ? 1 : 0);
}

interface Build {
  name: string;
  host: UiHost;
  dir: string;
  floor: number[];
  routed: number[];
  form: number[];
  submit: number[];
}

/** The build as it is plus the empty page beside it, served by its own host. */
async function serve(name: string, rendererDir: string): Promise<Build> {
  const dir = mkdtempSync(join(tmpdir(), 'loket-ui-login-'));
  cpSync(rendererDir, dir, { recursive: true });
  writeFileSync(join(dir, SERVED), EMPTY_PAGE);
  const host = await startUiHost(dir);
  return { name, host, dir, floor: [], routed: [], form: [], submit: [] };
}

async function round(browser: Browser, b: Build): Promise<void> {
  const origin = b.host.loket.http.url;
  const login = ['input[autocomplete="username"]:enabled', 'button[type="submit"]:enabled'];
  b.floor.push(...(await timeOpen(browser, `${origin}${SERVED}`, [])));
  b.routed.push(...(await timeOpen(browser, `${origin}${ROUTED}`, [])));
  const [fields, button] = await timeOpen(browser, b.host.loket.http.launchUrl, login);
  b.form.push(fields!);
  b.submit.push(button!);
}

const browser = await launchChromium();
const builds = [await serve('this build', RENDERER)];
if (process.env.BENCH_BASE_RENDERER) {
  builds.push(await serve('base build', process.env.BENCH_BASE_RENDERER));
}
console.log(
  `login form usable, median of ${ROUNDS} fresh contexts (load ${loadavg()[0]!.toFixed(1)}):`,
);
// Warm-up: the first page of a browser pays for its own start.
await timeOpen(browser, `${builds[0]!.host.loket.http.url}${SERVED}`, []);
// The builds take turns in each round, so a load that changes during the run weighs on both.
for (let i = 0; i < ROUNDS; i++) for (const b of builds) await round(browser, b);
for (const b of builds) {
  await b.host.stop();
  rmSync(b.dir, { recursive: true, force: true });
  const floor = median(b.floor);
  const routed = median(b.routed);
  const [form, submit] = [median(b.form), median(b.submit)];
  const x = (ms: number) => `${ms.toFixed(0)} ms: ${(ms / floor).toFixed(2)}x`;
  console.log(
    `  ${b.name}: empty page from the host (floor) ${floor.toFixed(0)} ms; login form ${x(form)} (target within 2x); submittable ${x(submit)}`,
  );
  console.log(
    `    old floor (empty page answered by Playwright) ${routed.toFixed(0)} ms: login form ${(form / routed).toFixed(2)}x, submittable ${(submit / routed).toFixed(2)}x`,
  );
}
await browser.close();
console.log(`  (load at the end ${loadavg()[0]!.toFixed(1)})`);
