/**
 * The login form usable (its fields on screen and enabled) after opening Loket, in a fresh
 * browser context each time (nothing cached), against a floor measured in the same browser: an
 * empty page from the same host (a file beside the renderer, so it comes over the same socket
 * with the same headers, COOP included, as Loket's pages). Target: within 2x.
 *
 * The times are the page's own: a script added to every page of the context looks, at each
 * animation frame from the first, for the field (and the empty page's paragraph) visible and
 * enabled, and notes `performance.now()` (milliseconds since the navigation started). A frame
 * is only drawn once the page's render-blocking stylesheet has arrived, so the first frame that
 * has the field is the first a person could see it in. Playwright's own `waitFor` is also timed,
 * for comparison with earlier figures: it looks again after 20, 50, 100, 100 and 500 ms
 * (`retryWithProgressAndBackoff` in playwright-core), so it reports the poll after the field
 * appeared, not when it did. Also timed: the form submittable (its button enabled, once the
 * page's code has taken over a pre-rendered form).
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

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 25);
const EMPTY_PAGE = '<!doctype html><title>-</title><p>-</p>';
const ROUTED = '/empty-bench-page';
const SERVED = '/empty-bench-page.html';

/** What the page notes, by name, at the first animation frame where its selector is visible. */
const WATCHED = {
  content: 'body > p',
  field: 'input[autocomplete="username"]:enabled',
  button: 'button[type="submit"]:enabled',
} as const;
type Watched = keyof typeof WATCHED;
/** The page's window as WATCH_FRAMES leaves it (a cast here, not a global type for every file). */
type WatchedWindow = { loketBenchSeen?: Partial<Record<Watched, number>> };

/**
 * Runs in the page before its own scripts (addInitScript). A string, not a function: tsx would
 * compile a function with helpers (`__name`) that the page does not have.
 */
const WATCH_FRAMES = `(() => {
  const watched = ${JSON.stringify(WATCHED)};
  const seen = {};
  window.loketBenchSeen = seen;
  const onScreen = (el) => {
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden';
  };
  const frame = () => {
    const now = performance.now();
    for (const [name, selector] of Object.entries(watched)) {
      const el = seen[name] === undefined ? document.querySelector(selector) : null;
      if (el && onScreen(el)) seen[name] = now;
    }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})();`;

/**
 * Opens `url` in a fresh context. Returns, per name in `wanted`, the page's time of the first
 * frame that showed it, and Playwright's: from before `goto` to its `waitFor` (or `load`).
 */
async function timeOpen(
  browser: Browser,
  url: string,
  wanted: Watched[],
): Promise<{ page: number[]; playwright: number[] }> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  await context.addInitScript({ content: WATCH_FRAMES });
  // Only for the old floor: a route makes Playwright hold and release every request of the
  // context, which would add a round trip through this process to each script and style.
  if (url.endsWith(ROUTED)) {
    await context.route(`**${ROUTED}`, (route) =>
      route.fulfill({ contentType: 'text/html', body: EMPTY_PAGE }),
    );
  }
  const page = await context.newPage();
  const t0 = performance.now();
  const viaLoad = wanted.includes('content');
  await page.goto(url, { waitUntil: viaLoad ? 'load' : 'commit' });
  const playwright: number[] = viaLoad ? [performance.now() - t0] : [];
  for (const name of wanted) {
    if (name === 'content') continue;
    await page.locator(WATCHED[name]).first().waitFor({ state: 'visible' });
    playwright.push(performance.now() - t0);
  }
  const seen = await page.waitForFunction((names) => {
    const s = (window as unknown as WatchedWindow).loketBenchSeen ?? {};
    return names.every((n) => s[n] !== undefined) && names.map((n) => s[n]!);
  }, wanted);
  const inPage = (await seen.jsonValue()) as number[];
  await context.close();
  return { page: inPage, playwright };
}

interface Build {
  name: string;
  host: UiHost;
  dir: string;
  /** In the page: the first frame with the empty page's paragraph, the field, the button. */
  floor: number[];
  form: number[];
  submit: number[];
  /** Playwright's: `load` of the empty page (host / routed), `waitFor` of the field. */
  floorLoad: number[];
  routedLoad: number[];
  formWaitFor: number[];
}

/** The build as it is plus the empty page beside it, served by its own host. */
async function serve(name: string, rendererDir: string): Promise<Build> {
  const dir = mkdtempSync(join(tmpdir(), 'loket-ui-login-'));
  cpSync(rendererDir, dir, { recursive: true });
  writeFileSync(join(dir, SERVED), EMPTY_PAGE);
  const host = await startUiHost(dir);
  return {
    name,
    host,
    dir,
    floor: [],
    form: [],
    submit: [],
    floorLoad: [],
    routedLoad: [],
    formWaitFor: [],
  };
}

async function round(browser: Browser, b: Build): Promise<void> {
  const origin = b.host.loket.http.url;
  const empty = await timeOpen(browser, `${origin}${SERVED}`, ['content']);
  b.floor.push(empty.page[0]!);
  b.floorLoad.push(empty.playwright[0]!);
  b.routedLoad.push((await timeOpen(browser, `${origin}${ROUTED}`, ['content'])).playwright[0]!);
  const login = await timeOpen(browser, b.host.loket.http.launchUrl, ['field', 'button']);
  b.form.push(login.page[0]!);
  b.submit.push(login.page[1]!);
  b.formWaitFor.push(login.playwright[0]!);
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
await timeOpen(browser, `${builds[0]!.host.loket.http.url}${SERVED}`, ['content']);
// The builds take turns in each round, so a load that changes during the run weighs on both.
for (let i = 0; i < ROUNDS; i++) for (const b of builds) await round(browser, b);
for (const b of builds) {
  await b.host.stop();
  rmSync(b.dir, { recursive: true, force: true });
  const floor = median(b.floor);
  const x = (ms: number, base = floor) => `${ms.toFixed(0)} ms: ${(ms / base).toFixed(2)}x`;
  console.log(
    `  ${b.name}, in the page (first frame showing it): empty page from the host (floor) ${floor.toFixed(0)} ms; login form ${x(median(b.form))} (target within 2x); submittable ${x(median(b.submit))}`,
  );
  const load = median(b.floorLoad);
  console.log(
    `    as Playwright sees it: empty page's load ${load.toFixed(0)} ms (answered by Playwright ${median(b.routedLoad).toFixed(0)} ms); login field's waitFor ${x(median(b.formWaitFor), load)}`,
  );
}
await browser.close();
console.log(`  (load at the end ${loadavg()[0]!.toFixed(1)})`);
