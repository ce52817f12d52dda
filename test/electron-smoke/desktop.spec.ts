/**
 * The desktop app itself, driven by Playwright's _electron: run by .github/workflows/desktop.yml
 * on each packaged app (LOKET_APP_EXECUTABLE), or here on Electron from the repository when its
 * binary is installed (after `npm run build` and `npm run build:native`). Without a binary it
 * skips with one line; the browser-mode specs in test/e2e are a separate project and run anyway.
 *
 * A packaged app has the inspect fuse off, which _electron needs: the workflow reads the shipped
 * fuses first, then smoke-tests a copy with only that fuse on (scripts/check-fuses.mjs).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { electronAddonPath, REBUILD_COMMAND } from '../../electron/core/db/native-binding';
import { installedElectronBinary } from '../../electron/electron-binary';
import { APP_SCHEME } from '../../electron/main/security';
import { id } from '../../shared/i18n/id';

const root = join(import.meta.dirname, '..', '..');
const packaged = process.env.LOKET_APP_EXECUTABLE || null;
const executable = packaged ?? installedElectronBinary();
/** Set by the workflow after installing with /DATADIR=…: the folder the installer chose. */
const installerDataDir = process.env.LOKET_SMOKE_EXPECT_DATA_DIR || null;

/** Why the desktop app cannot be driven here, or null when it can. */
function skipReason(): string | null {
  if (executable === null) {
    return 'Tidak ada binary Electron di mesin ini: uji asap desktop dilewati (berjalan di .github/workflows/desktop.yml). / No Electron binary here: desktop smoke test skipped.';
  }
  if (packaged) return null;
  if (!existsSync(join(root, 'dist-electron', 'main.js'))) {
    return 'Uji asap desktop dilewati: jalankan npm run build dahulu. / Desktop smoke test skipped: run npm run build first.';
  }
  const addon = electronAddonPath(root, electronVersion(), process.platform, process.arch);
  if (!existsSync(addon)) {
    return `Uji asap desktop dilewati: better-sqlite3 untuk Electron belum dibuat (${REBUILD_COMMAND}). / Desktop smoke test skipped: no Electron build of better-sqlite3.`;
  }
  return null;
}

function electronVersion(): string {
  const pkg = JSON.parse(
    readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8'),
  ) as { version: string };
  return pkg.version;
}

const SKIP_REASON = skipReason();
// The list reporter shows skipped tests without their reason: say it once, in one line.
test.beforeAll(() => {
  if (SKIP_REASON !== null) console.log(SKIP_REASON);
  test.skip(SKIP_REASON !== null, SKIP_REASON ?? '');
});

function appArgs(dataDir: string | null): string[] {
  return [
    ...(packaged ? [] : [root]),
    ...(dataDir ? [`--data-dir=${dataDir}`] : []),
    // CI's Linux runners forbid the SUID sandbox helper of an unpacked app.
    ...(process.platform === 'linux' ? ['--no-sandbox'] : []),
  ];
}

function launch(dataDir: string | null): Promise<ElectronApplication> {
  return electron.launch({ executablePath: executable!, args: appArgs(dataDir), timeout: 60_000 });
}

const freshDir = () => mkdtempSync(join(tmpdir(), 'loket-smoke-'));
const ADMIN = { fullName: 'Siti Rahayu', username: 'siti', pin: '135790' };

test.describe.configure({ mode: 'serial' });

test('first start asks for the first administrator in Indonesian; the database is in the chosen folder', async () => {
  const dataDir = installerDataDir ?? freshDir();
  const app = await launch(installerDataDir ? null : dataDir);
  try {
    const page = await app.firstWindow();
    await expect(page.getByRole('heading', { name: id.setup.title })).toBeVisible();
    await expect(page.getByText(id.setup.intro)).toBeVisible();
    expect(existsSync(join(dataDir, 'loket.sqlite'))).toBe(true);
  } finally {
    await app.close();
  }
});

test('a second launch brings the first forward and exits', async () => {
  const dataDir = freshDir();
  const app = await launch(dataDir);
  try {
    await app.firstWindow();
    const heard = app.evaluate(
      ({ app: electronApp }) =>
        new Promise<boolean>((resolve) => electronApp.once('second-instance', () => resolve(true))),
    );
    const second = spawn(executable!, appArgs(dataDir), { stdio: 'ignore' });
    const code = await new Promise<number | null>((resolve) => second.once('exit', resolve));
    expect(code).toBe(0);
    expect(await heard).toBe(true);
    expect(app.windows()).toHaveLength(1);
  } finally {
    await app.close();
  }
});

test('the survey window refuses a staff method', async () => {
  const app = await launch(freshDir());
  try {
    const page = await app.firstWindow();
    await expect(page.getByRole('heading', { name: id.setup.title })).toBeVisible();
    const answer = await page.evaluate(async (admin) => {
      const loket = (window as unknown as { loket: LoketBridge }).loket;
      await loket.call('setup.createFirstAdmin', admin);
      const login = (await loket.call('auth.login', {
        username: admin.username,
        pin: admin.pin,
      })) as {
        value: { sessionToken: string };
      };
      const token = login.value.sessionToken;
      const asStaff = await loket.call('staff.list', {}, token);
      await loket.enterSurveyMode();
      const asSurvey = await loket.call('staff.list', {}, token);
      return { asStaff, asSurvey };
    }, ADMIN);
    expect(answer.asStaff).toMatchObject({ ok: true });
    expect(answer.asSurvey).toMatchObject({ ok: false, error: { code: 'WINDOW_NOT_ALLOWED' } });
  } finally {
    await app.close();
  }
});

test('window.open and navigation away from the app are blocked', async () => {
  const app = await launch(freshDir());
  try {
    const page = await app.firstWindow();
    await expect(page.getByRole('heading', { name: id.setup.title })).toBeVisible();
    expect(await page.evaluate(() => window.open('https://example.org/') === null)).toBe(true);
    await page.evaluate(() => {
      window.location.href = 'https://example.org/';
    });
    await page.waitForTimeout(1_000);
    expect(new URL(page.url()).protocol).toBe(`${APP_SCHEME}:`);
    expect(app.windows()).toHaveLength(1);
  } finally {
    await app.close();
  }
});

interface LoketBridge {
  call(method: string, input: unknown, sessionToken?: string): Promise<unknown>;
  enterSurveyMode(): Promise<void>;
}
