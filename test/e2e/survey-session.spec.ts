import type { Page } from '@playwright/test';
import { expect, screenshot, test } from './loket-fixture';
import { openScreen, setupAndLogin } from './support/steps';

const WELCOME = 'Selamat datang di Layanan Konsultasi Tatap Muka Dukungan Penggunaan SPSE';

async function toConsultation(page: Page): Promise<void> {
  await openScreen(page, 'Konsultasi');
  await expect(page.getByRole('button', { name: 'Panggil antrean berikutnya' })).toBeVisible();
}

const storedStaffSession = (page: Page) =>
  page.evaluate(() => window.sessionStorage.getItem('loket.session'));

test('Back from the same-tab survey shows the login screen, not the officer’s screens', async ({
  page,
  loket,
}) => {
  await setupAndLogin(page, loket.launchUrl);
  await toConsultation(page);
  await page.getByRole('button', { name: 'Alihkan layar ini ke mode survei' }).click();
  await expect(page.getByRole('heading', { name: WELCOME })).toBeVisible();
  expect(await storedStaffSession(page)).toBeNull();

  await page.goBack();
  await expect(page.getByRole('heading', { name: 'Masuk Petugas Layanan' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Menu' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Panggil antrean berikutnya' })).toHaveCount(0);
  // The login screen puts the cursor where the officer starts typing.
  await expect(page.getByLabel('Nama pengguna')).toBeFocused();
  expect(await storedStaffSession(page)).toBeNull();
});

test('the survey popup has no opener and no staff session, only its display token', async ({
  page,
  loket,
}) => {
  await setupAndLogin(page, loket.launchUrl);
  await toConsultation(page);
  const opened = page.context().waitForEvent('page');
  await page.getByRole('button', { name: 'Buka layar survei (layar pengunjung)' }).click();
  const survey = await opened;
  await expect(survey.getByRole('heading', { name: WELCOME })).toBeVisible();
  expect(await survey.evaluate(() => window.opener)).toBeNull();
  expect(await storedStaffSession(survey)).toBeNull();
  const stored = await survey.evaluate(() => Object.keys(window.sessionStorage).sort());
  expect(stored).toEqual(['loket.display', 'loket.launchToken']);
  // The fragment that carried the tokens is gone from the address bar.
  expect(new URL(survey.url()).hash).toBe('');
  // The officer's own tab still works.
  await expect(page.getByRole('button', { name: 'Panggil antrean berikutnya' })).toBeVisible();
  expect(await storedStaffSession(page)).not.toBeNull();
});

test('the login screen puts the cursor in "Nama pengguna"', async ({ page, loket }) => {
  await setupAndLogin(page, loket.launchUrl);
  await page.getByRole('button', { name: 'Keluar', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Masuk Petugas Layanan' })).toBeVisible();
  await expect(page.getByLabel('Nama pengguna')).toBeFocused();
  await page.reload();
  await expect(page.getByLabel('Nama pengguna')).toBeFocused();
  for (const [width, height] of [
    [1024, 768],
    [1366, 768],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width, height });
    await screenshot(page, `44-login-focused-${width}x${height}`);
  }
});
