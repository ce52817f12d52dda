import type { Page } from '@playwright/test';
import { expect, expectAccessible, screenshot, test } from './loket-fixture';
import { ADMIN, openScreen, setupAndLogin } from './support/steps';

const SIZES = [
  [1024, 768],
  [1366, 768],
  [1920, 1080],
] as const;

async function shoot(page: Page, name: string): Promise<void> {
  for (const [width, height] of SIZES) {
    await page.setViewportSize({ width, height });
    await screenshot(page, `${name}-${width}x${height}`);
  }
  await page.setViewportSize({ width: 1366, height: 900 });
}

async function login(page: Page, username: string, pin: string): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Masuk Petugas Layanan' })).toBeVisible();
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel('PIN').fill(pin);
  await page.getByRole('button', { name: 'Masuk' }).click();
}

const logout = (page: Page) => page.getByRole('button', { name: 'Keluar', exact: true }).click();

async function toAdmin(page: Page): Promise<void> {
  await openScreen(page, 'Kelola petugas');
  await expect(page.getByRole('heading', { name: 'Daftar petugas' })).toBeVisible();
}

test('an administrator unlocks, resets the PIN of, deactivates and reactivates an account; anyone changes their own PIN', async ({
  page,
  loket,
}) => {
  test.setTimeout(240_000); // many steps, each a PIN check, on a shared machine
  await setupAndLogin(page, loket.launchUrl);
  await toAdmin(page);
  const add = page.locator('section', {
    has: page.getByRole('heading', { name: 'Tambah petugas' }),
  });
  await add.getByLabel('Nama lengkap').fill('Rina Wulandari');
  await add.getByLabel('Nama pengguna').fill('rina');
  await add.getByLabel(/^PIN/).fill('975310');
  await add.getByLabel('Petugas konsultasi').check();
  await add.getByRole('button', { name: 'Tambah petugas' }).click();
  await expect(page.getByText('Petugas Rina Wulandari ditambahkan.')).toBeVisible();

  // Rina forgets her PIN and locks herself out.
  await logout(page);
  // The admin screen stays until the host has ended the session; its own form has a
  // "Nama pengguna" too, so wait for the login screen before asking where the cursor is.
  await expect(page.getByRole('heading', { name: 'Masuk Petugas Layanan' })).toBeVisible();
  await expect(page.getByLabel('Nama pengguna')).toBeFocused();
  for (const pin of ['000000', '000001', '000002']) {
    await login(page, 'rina', pin);
    await expect(page.getByLabel(/^PIN/)).toHaveValue(''); // answered, the PIN cleared
  }
  await expect(page.getByText(/Terlalu banyak PIN salah/)).toBeVisible();

  await login(page, ADMIN.username, ADMIN.pin);
  await toAdmin(page);
  const row = page.getByRole('row', { name: /Rina Wulandari/ });
  await expect(row.getByText(/Terkunci sampai \d\d[.:]\d\d WIB/)).toBeVisible();
  await expectAccessible(page, 'staff admin with a locked account');
  await shoot(page, '40-staff-admin-locked');
  await page.getByRole('button', { name: 'Buka kunci akun Rina Wulandari' }).click();
  await expect(page.getByText('Kunci akun Rina Wulandari sudah dibuka.')).toBeVisible();
  await expect(row.getByText(/Terkunci/)).toHaveCount(0);

  await page.getByRole('button', { name: 'Atur ulang PIN Rina Wulandari' }).click();
  const reset = page.getByRole('dialog', { name: 'Atur ulang PIN Rina Wulandari' });
  await reset.getByLabel('PIN baru').fill('12');
  await reset.getByRole('button', { name: 'Simpan PIN baru' }).click();
  await expect(reset.getByText('PIN harus 6–12 angka.')).toBeVisible();
  await expectAccessible(page, 'reset PIN dialog');
  await shoot(page, '41-staff-admin-reset-pin');
  await reset.getByLabel('PIN baru').fill('864200');
  await reset.getByRole('button', { name: 'Simpan PIN baru' }).click();
  await expect(page.getByText('PIN Rina Wulandari sudah diatur ulang.')).toBeVisible();
  await expect(reset).toHaveCount(0);

  await page.getByRole('button', { name: 'Nonaktifkan Rina Wulandari' }).click();
  await expect(page.getByText('Akun Rina Wulandari dinonaktifkan.')).toBeVisible();
  await expect(row.getByText('Nonaktif', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Aktifkan kembali Rina Wulandari' }).click();
  await expect(page.getByText('Akun Rina Wulandari diaktifkan kembali.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Nonaktifkan Rina Wulandari' })).toBeVisible();
  await shoot(page, '42-staff-admin-list');

  // Rina gets in with the PIN the administrator gave her, and changes it to her own.
  await logout(page);
  await login(page, 'rina', '864200');
  await expect(page.getByRole('button', { name: 'Panggil antrean berikutnya' })).toBeVisible();
  await page.getByRole('button', { name: 'Ubah PIN' }).click();
  const change = page.getByRole('dialog', { name: 'Ubah PIN Anda' });
  await expect(change).toBeVisible();
  await change.getByLabel('PIN saat ini').fill('111111');
  await change.getByLabel(/^PIN baru/).fill('192837');
  await change.getByLabel('Ulangi PIN baru').fill('192838');
  await change.getByRole('button', { name: 'Simpan PIN baru' }).click();
  await expect(change.getByText('PIN baru dan ulangannya tidak sama.')).toBeVisible();
  await change.getByLabel('Ulangi PIN baru').fill('192837');
  await change.getByRole('button', { name: 'Simpan PIN baru' }).click();
  await expect(change.getByText('PIN saat ini salah.')).toBeVisible();
  await expectAccessible(page, 'change own PIN dialog');
  await shoot(page, '43-change-own-pin');
  await change.getByLabel('PIN saat ini').fill('864200');
  await change.getByRole('button', { name: 'Simpan PIN baru' }).click();
  await expect(change.getByText(/PIN Anda sudah diubah/)).toBeVisible();
  await change.getByRole('button', { name: 'Tutup' }).click();
  await expect(change).toHaveCount(0);

  await logout(page);
  await login(page, 'rina', '864200');
  await expect(page.getByText('Nama pengguna atau PIN salah.')).toBeVisible();
  await expect(page.getByLabel(/^PIN/)).toHaveValue('');
  await login(page, 'rina', '192837');
  await expect(page.getByRole('button', { name: 'Panggil antrean berikutnya' })).toBeVisible();
});
