import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { saneTestEnv } from '../helpers/sane';

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

export const test = base.extend<{ loket: LoketInstance; loketArgs: string[] }>({
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
