import type { Page } from '@playwright/test';
import { expect, expectAccessible, screenshot, test } from './loket-fixture';
import { ADMIN, fillNewVisitor, setupAndLogin } from './support/steps';

const rowOf = (page: Page, queue: string) => page.locator(`tr[data-queue="${queue}"]`);
const NOTICE_READ_OUT = 'Dibacakan kepada pengunjung';
const SUBMIT = 'Daftarkan dan beri nomor antrean';

const LONG_NAME = `Raden Mas ${'Tumenggung Adipati Wiryodiningrat '.repeat(4)}`.slice(0, 120);
const LONG_INSTITUTION =
  `PT ${'Konsultan Pengadaan Barang dan Jasa Pemerintah Nusantara '.repeat(3)}`.slice(0, 160);

async function checkIn(page: Page, fullName: string, institution?: string): Promise<void> {
  await fillNewVisitor(page, {
    fullName,
    phone: '0812-3456-7890',
    institution,
    purpose: 'Konsultasi SPSE',
  });
  await page.getByLabel(NOTICE_READ_OUT).check();
  await page.getByRole('button', { name: SUBMIT }).click();
}

async function expectNoHorizontalOverflow(page: Page, label: string): Promise<void> {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth, `${label}: page wider than the window`).toBeLessThanOrEqual(clientWidth);
}

test('reception fits 1024×768 and 1280×720 with a 120-character name: no sideways scrolling, every button in sight', async ({
  page,
  loket,
}) => {
  test.setTimeout(150_000); // four window sizes, each measured and photographed
  await setupAndLogin(page, loket.launchUrl);
  await checkIn(page, LONG_NAME, LONG_INSTITUTION);
  await expect(rowOf(page, 'K-001')).toBeVisible();
  await checkIn(page, 'Dewi Lestari', 'Dinas PUPR Kab. Bogor');
  await expect(rowOf(page, 'K-002')).toBeVisible();

  for (const size of [
    { width: 1024, height: 768 },
    { width: 1280, height: 720 },
    { width: 1366, height: 768 },
    { width: 1920, height: 1080 },
  ]) {
    const label = `${size.width}×${size.height}`;
    await page.setViewportSize(size);
    await expectNoHorizontalOverflow(page, label);
    // The header stays one compact line with "Keluar" in the window.
    const header = await page.locator('header.topbar').boundingBox();
    expect(header?.height, `${label}: header height`).toBeLessThanOrEqual(64);
    const logout = await page.getByRole('button', { name: 'Keluar', exact: true }).boundingBox();
    expect(logout && logout.x + logout.width, `${label}: Keluar`).toBeLessThanOrEqual(size.width);
    // The action column is inside the list's card and the window.
    const card = await page.locator('section[aria-labelledby="today-title"]').boundingBox();
    for (const queue of ['K-001', 'K-002']) {
      const button = rowOf(page, queue).getByRole('button', { name: `Catat keluar ${queue}` });
      const box = await button.boundingBox();
      expect(box, `${label}: ${queue} button`).not.toBeNull();
      const right = box!.x + box!.width;
      expect(right, `${label}: ${queue} button in the window`).toBeLessThanOrEqual(size.width);
      expect(right, `${label}: ${queue} button in the card`).toBeLessThanOrEqual(
        card!.x + card!.width,
      );
    }
    // The long name is available in full even where it is cut short.
    await expect(rowOf(page, 'K-001').locator('[title]').first()).toHaveAttribute(
      'title',
      LONG_NAME,
    );
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, `reception-long-name-${size.width}x${size.height}`);
  }
});

test('check-out asks first, and a visitor who left unserved is not counted as Selesai', async ({
  page,
  loket,
}) => {
  await setupAndLogin(page, loket.launchUrl);
  await checkIn(page, 'Budi Santoso');
  await expect(rowOf(page, 'K-001')).toBeVisible();
  await checkIn(page, 'Dewi Lestari');
  await expect(rowOf(page, 'K-002')).toBeVisible();

  await rowOf(page, 'K-001').getByRole('button', { name: 'Catat keluar K-001' }).click();
  const confirm = page.getByRole('group', { name: /Catat keluar K-001/ });
  await expect(confirm).toContainText('belum dilayani');
  await confirm.getByRole('button', { name: 'Batal' }).click();
  await expect(rowOf(page, 'K-001')).toContainText('Menunggu');

  await rowOf(page, 'K-001').getByRole('button', { name: 'Catat keluar K-001' }).click();
  await expectAccessible(page, 'reception check-out confirmation');
  await page.setViewportSize({ width: 1024, height: 768 });
  await screenshot(page, 'reception-checkout-confirm-1024x768');
  await page
    .getByRole('group', { name: /Catat keluar K-001/ })
    .getByRole('button', { name: 'Ya, catat keluar' })
    .click();
  await expect(page.getByText('K-001 telah dicatat keluar.')).toBeVisible();
  await expect(rowOf(page, 'K-001')).toContainText('Pulang sebelum dilayani');
  await expect(
    page.getByText('Menunggu 1 · Konsultasi 0 · Selesai 0 · Pulang sebelum dilayani 1'),
  ).toBeVisible();
});

test('the queue number is shown large enough to read out, with the first name', async ({
  page,
  loket,
}) => {
  await setupAndLogin(page, loket.launchUrl);
  await checkIn(page, 'Ni Luh Putu Ayu');
  const panel = page.getByRole('status', { name: 'Nomor antrean' });
  await expect(panel).toContainText('K-001');
  await expect(panel).toContainText('Ni Luh');
  await expect(panel).toContainText('silakan menunggu di ruang konsultasi');
  const size = await panel
    .locator('.issued-number__number')
    .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(size).toBeGreaterThanOrEqual(64);
  for (const [width, height] of [
    [1024, 768],
    [1366, 768],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width, height });
    await expectNoHorizontalOverflow(page, `${width}×${height}`);
    await screenshot(page, `reception-queue-number-${width}x${height}`);
  }
});

test('what is typed in the check-in form survives a reload and a new login, and is gone after the check-in', async ({
  page,
  loket,
}) => {
  await setupAndLogin(page, loket.launchUrl);
  await page.getByLabel('Nama lengkap').fill("Ja'far Shadiq");
  await page.getByLabel('Nomor telepon/HP').fill('0857 1111 2222');
  await page.getByLabel('Instansi/perusahaan').fill('CV Maju Jaya');
  await page.getByLabel('Keperluan kunjungan').fill('Reset akun penyedia');

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Pendaftaran pengunjung' })).toBeVisible();
  await expect(page.getByLabel('Nama lengkap')).toHaveValue("Ja'far Shadiq");
  await expect(page.getByLabel('Keperluan kunjungan')).toHaveValue('Reset akun penyedia');

  // The session ends (here: the host no longer knows the token); the next login finds the draft.
  await page.evaluate(() => {
    for (const key of Object.keys(sessionStorage)) {
      if (key === 'loket.session') sessionStorage.setItem(key, 'expired-token');
    }
  });
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Masuk Petugas Layanan' })).toBeVisible();
  await page.getByLabel('Nama pengguna').fill(ADMIN.username);
  await page.getByLabel('PIN').fill(ADMIN.pin);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await expect(page.getByLabel('Nama lengkap')).toHaveValue("Ja'far Shadiq");
  await expect(page.getByLabel('Nomor telepon/HP')).toHaveValue('0857 1111 2222');
  await expect(page.getByLabel('Instansi/perusahaan')).toHaveValue('CV Maju Jaya');
  await expect(page.getByLabel('Keperluan kunjungan')).toHaveValue('Reset akun penyedia');

  // Sent: the draft is gone, also after a reload.
  await page.getByLabel(NOTICE_READ_OUT).check();
  await page.getByRole('button', { name: SUBMIT }).click();
  await expect(rowOf(page, 'K-001')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Pendaftaran pengunjung' })).toBeVisible();
  await expect(page.getByLabel('Nama lengkap')).toHaveValue('');

  // An explicit logout clears what was typed: the next person at the desk does not see it.
  await page.getByLabel('Nama lengkap').fill('Dewi Lestari');
  await page.getByRole('button', { name: 'Keluar', exact: true }).click();
  await page.getByLabel('Nama pengguna').fill(ADMIN.username);
  await page.getByLabel('PIN').fill(ADMIN.pin);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await expect(page.getByRole('heading', { name: 'Pendaftaran pengunjung' })).toBeVisible();
  await expect(page.getByLabel('Nama lengkap')).toHaveValue('');
});
