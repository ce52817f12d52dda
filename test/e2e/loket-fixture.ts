import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { saneTestEnv } from '../helpers/sane';
import { LONGEST_E2E_TEST_MS, waitForServiceDay } from '../helpers/service-day-guard';

export interface LoketInstance {
  launchUrl: string;
  dataDir: string;
}

/** Starts Loket the way `npm start` does on these machines (browser mode), on a fresh data folder. */
async function startLoket(
  extraArgs: string[],
): Promise<{ instance: LoketInstance; child: ChildProcess }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'loket-e2e-'));
  // Node itself (not npx, which would leave the server running when killed) runs the launcher.
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'electron/start.ts',
      '--browser',
      '--port',
      '0',
      '--data-dir',
      dataDir,
      ...extraArgs,
    ],
    // The desk scanner is SANE's virtual test scanner.
    { stdio: ['ignore', 'pipe', 'pipe'], env: saneTestEnv() },
  );
  const launchUrl = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`Loket did not start:\n${out}`)), 30_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /ready: (http:\/\/\S+)/.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`Loket exited with ${code}:\n${out}`)));
  });
  return { instance: { launchUrl, dataDir }, child };
}

export const test = base.extend<{
  loket: LoketInstance;
  loketArgs: string[];
  /** True when the test waited for midnight WIB to pass. */
  withinOneServiceDay: boolean;
}>({
  /**
   * Every test runs within one service day: one that would reach midnight WIB first waits for
   * it (service-day-guard.ts). Its own timeout, so that the wait is not taken from the test's;
   * automatic, so that it is set up before the host and runs for tests that start their own.
   */
  withinOneServiceDay: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's needs from it
    async ({}, use) => {
      const wait = waitForServiceDay(new Date());
      if (wait > 0) {
        console.log(
          `Menunggu pergantian hari layanan (tengah malam WIB): ${Math.ceil(wait / 1000)} s`,
        );
        await new Promise((r) => setTimeout(r, wait));
      }
      await use(wait > 0);
    },
    { auto: true, timeout: LONGEST_E2E_TEST_MS + 60_000 },
  ],
  /** Extra command-line flags for the Loket under test, e.g. a short survey idle time. */
  loketArgs: [[], { option: true }],
  loket: async ({ loketArgs }, use) => {
    const { instance, child } = await startLoket(loketArgs);
    await use(instance);
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(instance.dataDir, { recursive: true, force: true });
  },
});

export { expect };

/** axe-core on the current screen: no serious or critical violations (WCAG 2.1 A/AA rules). */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
    `accessibility of ${screen}`,
  ).toEqual([]);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
}
