import type { Page } from '@playwright/test';
import { expect, expectAccessible, screenshot, test } from './loket-fixture';
import { setupAndLogin } from './support/steps';

const SIZES = [
  { width: 1024, height: 768 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;

async function screenshotsAtEverySize(page: Page, name: string): Promise<void> {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await screenshot(page, `${name}-${size.width}x${size.height}`);
  }
}

const menu = (page: Page) => page.getByRole('navigation', { name: 'Menu' });
const current = (page: Page, name: string) =>
  expect(menu(page).getByRole('button', { name })).toHaveAttribute('aria-current', 'page');

test('a tab opened at the bare address says to open the link Loket printed, not "server down"', async ({
  page,
  loket,
}) => {
  const bare = new URL(loket.launchUrl);
  bare.hash = '';
  await page.goto(bare.toString());
  await expect(
    page.getByRole('heading', { name: 'Buka Loket melalui tautan yang ditampilkan di terminal' }),
  ).toBeVisible();
  await expect(
    page.getByRole('heading', { name: 'Open Loket with the link shown in its terminal' }),
  ).toBeVisible();
  await expect(page.getByText('Layanan Loket sedang berjalan', { exact: false })).toBeVisible();
  await expect(page.getByText('Tidak dapat menghubungi layanan Loket')).toHaveCount(0);
  await expectAccessible(page, 'browser mode without the launch token');
  await screenshotsAtEverySize(page, 'browser-mode-no-token');

  // Pasting the printed link into the same tab changes only the fragment: Loket starts with it.
  await page.goto(loket.launchUrl);
  await expect(page.getByRole('heading', { name: 'Selamat datang di Loket' })).toBeVisible();
});

test('a tab whose launch token is not valid (Loket restarted) says to open the new link', async ({
  page,
  loket,
}) => {
  const wrong = new URL(loket.launchUrl);
  wrong.hash = 'token=from-an-earlier-run';
  await page.goto(wrong.toString());
  await expect(page.getByRole('heading', { name: 'Tautan ini tidak berlaku lagi' })).toBeVisible();
  await expect(page.getByText('Loket telah dimulai ulang', { exact: false })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'This link is no longer valid' })).toBeVisible();
  await expect(page.getByText('Tidak dapat menghubungi layanan Loket')).toHaveCount(0);
  // The token is out of the address bar, as with a valid one.
  expect(new URL(page.url()).hash).toBe('');
  await expectAccessible(page, 'browser mode with a stale launch token');
  await screenshotsAtEverySize(page, 'browser-mode-token-rejected');
});

test("the browser's Back button moves between Loket's screens and never leaves Loket", async ({
  page,
  loket,
}) => {
  await setupAndLogin(page, loket.launchUrl);
  const origin = new URL(loket.launchUrl).origin;
  await current(page, 'Resepsionis');
  await menu(page).getByRole('button', { name: 'Konsultasi' }).click();
  await current(page, 'Konsultasi');
  await menu(page).getByRole('button', { name: 'Tindak lanjut' }).click();
  await current(page, 'Tindak lanjut');

  await page.goBack();
  await current(page, 'Konsultasi');
  await page.goBack();
  await current(page, 'Resepsionis');
  // Below the first screen: Back stays in Loket, on the same screen, still logged in.
  for (let i = 0; i < 3; i++) {
    await page.goBack();
    expect(new URL(page.url()).origin).toBe(origin);
    await current(page, 'Resepsionis');
  }
  await expect(page.getByRole('heading', { name: 'Pendaftaran pengunjung' })).toBeVisible();
  await screenshotsAtEverySize(page, 'browser-mode-after-back');

  // After a reload the history still holds Loket's entries: Back does not leave either.
  await page.reload();
  await current(page, 'Resepsionis');
  await page.goBack();
  expect(new URL(page.url()).origin).toBe(origin);
  await expect(menu(page)).toBeVisible();
});
