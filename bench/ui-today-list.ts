/**
 * Today's list at the reception desk with 300 visits: from pressing "Masuk" to every row on
 * screen (the screen's code, the day's list, its render), against a floor measured in the same
 * browser and run: the same with an empty day. BENCH_BASE_RENDERER=<dir> also times another
 * renderer build in the same run.
 *
 * Run: npm run build:renderer && nice npx tsx bench/ui-today-list.ts
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { Browser } from '@playwright/test';
import { currentNotice } from '../shared/domain/privacy-notice';
import { ADMIN, launchChromium, median, RENDERER, startUiHost } from './ui-host';

const VISITS = Number(process.env.BENCH_VISITS ?? 300);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 9);

async function timeList(browser: Browser, url: string, rows: number): Promise<number> {
  const context = await browser.newContext({
    viewport: { width: 1366, height: 900 },
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
  });
  const page = await context.newPage();
  await page.goto(url);
  // The login form comes pre-rendered: the clock starts once the page's code has taken it over.
  await page.locator('button[type="submit"]:enabled').waitFor();
  await page.getByLabel('Nama pengguna').fill(ADMIN.username);
  await page.getByLabel('PIN').fill(ADMIN.pin);
  const t0 = performance.now();
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.locator('.counts').waitFor({ state: 'visible' });
  if (rows > 0)
    await page.waitForFunction(
      (n) => document.querySelectorAll('table.visits tbody tr').length >= n,
      rows,
    );
  const ms = performance.now() - t0;
  await context.close();
  return ms;
}

async function measure(browser: Browser, rendererDir: string, visits: number): Promise<number> {
  const host = await startUiHost(rendererDir);
  for (let i = 0; i < visits; i++) {
    const r = await host.loket.core.dispatch(
      'visit.checkIn',
      {
        fullName: `Pengunjung Bench ${i}`,
        phone: `0812${String(i).padStart(8, '0')}`,
        purpose: 'Konsultasi SPSE',
        noticeVersion: currentNotice().version,
        noticeDelivery: 'read_out' as const,
      },
      { window: 'staff', sessionToken: host.token },
    );
    if (!r.ok) throw new Error(JSON.stringify(r.error));
  }
  await timeList(browser, host.loket.http.launchUrl, visits); // warm-up
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++)
    times.push(await timeList(browser, host.loket.http.launchUrl, visits));
  await host.stop();
  return median(times);
}

const browser = await launchChromium();
const runs: [string, string][] = [['this build', RENDERER]];
if (process.env.BENCH_BASE_RENDERER) runs.push(['base build', process.env.BENCH_BASE_RENDERER]);
console.log(
  `today's list, "Masuk" to every row on screen, median of ${ROUNDS} (load ${loadavg()[0]!.toFixed(1)}):`,
);
for (const [name, dir] of runs) {
  const empty = await measure(browser, dir, 0);
  const full = await measure(browser, dir, VISITS);
  console.log(
    `  ${name}: empty day (floor) ${empty.toFixed(0)} ms, ${VISITS} visits ${full.toFixed(0)} ms: ${(full / empty).toFixed(2)}x`,
  );
}
await browser.close();
