import { defineConfig } from '@playwright/test';

export default defineConfig({
  // Two spec files at a time: every spec starts its own host, RT and data folder on free ports.
  workers: 2,
  timeout: 60_000,
  reporter: [['list']],
  outputDir: 'test-results/e2e',
  projects: [
    {
      // Browser mode in Debian's Chromium: every screen, on every machine.
      name: 'e2e',
      testDir: 'test/e2e',
      use: {
        locale: 'id-ID',
        timezoneId: 'Asia/Jakarta',
        viewport: { width: 1366, height: 900 },
        launchOptions: {
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
        },
      },
    },
    {
      // The desktop app through _electron: skips in one line where no Electron binary exists.
      name: 'electron-smoke',
      testDir: 'test/electron-smoke',
      timeout: 120_000,
    },
  ],
});
