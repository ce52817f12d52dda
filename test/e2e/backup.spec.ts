import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, expectAccessible, screenshot, test } from './loket-fixture';
import { ADMIN, checkInNewVisitor, openScreen, setupAndLogin } from './support/steps';

const PASSPHRASE = 'cadangan-meja-lpse-2026';

async function logInAgain(page: Page, launchUrl: string): Promise<void> {
  // The host restarted on the restored data (same address): the old session is gone.
  await expect(async () => {
    await page.goto(launchUrl);
    await expect(page.getByRole('heading', { name: 'Masuk Petugas Layanan' })).toBeVisible({
      timeout: 2000,
    });
  }).toPass({ timeout: 30_000 });
  await page.getByLabel('Nama pengguna').fill(ADMIN.username);
  await page.getByLabel('PIN').fill(ADMIN.pin);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await expect(page.getByRole('heading', { name: 'Pendaftaran pengunjung' })).toBeVisible();
}

test('an admin sets up backups, makes one, and restores it: what came after is replaced', async ({
  page,
  loket,
}) => {
  test.setTimeout(90_000);
  const folder = mkdtempSync(join(tmpdir(), 'loket-e2e-usb-'));
  try {
    await page.setViewportSize({ width: 1366, height: 900 });
    await setupAndLogin(page, loket.launchUrl);
    await checkInNewVisitor(page, {
      fullName: 'Budi Santoso',
      phone: '081234567890',
      purpose: 'Lupa kata sandi',
    });

    // The admin page ends with the backups.
    await openScreen(page, 'Kelola petugas');
    const backup = page.getByRole('region', { name: 'Cadangan data', exact: true });
    await expect(backup.getByRole('heading', { name: 'Cadangan data', level: 2 })).toBeVisible();
    await expect(backup.getByText('Belum ada cadangan yang berhasil.')).toBeVisible();
    await expect(backup.getByText(/Disk folder data Loket/)).toBeVisible();
    await expectAccessible(page, 'backup admin');
    await screenshot(page, 'backup-01-empty');

    // A short passphrase is refused next to the field; then the settings are saved.
    await backup.getByLabel(/^Folder cadangan \(wajib\)/).fill(folder);
    await backup.getByLabel(/^Kata sandi cadangan \(wajib\)/).fill('pendek');
    await backup.getByRole('button', { name: 'Simpan pengaturan cadangan' }).click();
    await expect(backup.getByText('Kata sandi cadangan minimal 10 karakter.')).toBeVisible();
    await backup.getByLabel(/^Kata sandi cadangan \(wajib\)/).fill(PASSPHRASE);
    await backup.getByRole('button', { name: 'Simpan pengaturan cadangan' }).click();
    await expect(backup.getByText('Pengaturan pencadangan telah disimpan.')).toBeVisible();
    await backup.scrollIntoViewIfNeeded();
    // Until a backup succeeds every staff screen says so.
    await expect(page.getByText('Belum ada cadangan data yang berhasil.')).toBeVisible();
    await screenshot(page, 'backup-02-configured');

    await backup.getByRole('button', { name: 'Cadangkan sekarang' }).click();
    await expect(backup.getByText(/Cadangan selesai dan telah diperiksa: 1 kunjungan/)).toBeVisible(
      {
        timeout: 30_000,
      },
    );
    await expect(page.getByText('Belum ada cadangan data yang berhasil.')).toHaveCount(0);
    await expect(backup.getByText(/Cadangan terakhir yang berhasil:/)).toBeVisible();
    const row = backup.getByRole('row', { name: /Manual/ });
    await expect(row).toHaveCount(1);
    await screenshot(page, 'backup-03-done');

    // The disk brought from another PC, with the wrong passphrase: listed, not opened.
    await backup.getByLabel('Folder lain (misalnya disk dari PC lama)').fill(folder);
    await backup.getByLabel('Kata sandi cadangan tersebut').fill('bukan-kata-sandinya');
    await backup.getByRole('button', { name: 'Tampilkan cadangan' }).click();
    await expect(backup.getByText('Tidak dapat dibuka dengan kata sandi ini')).toBeVisible();
    await backup.getByLabel('Folder lain (misalnya disk dari PC lama)').fill('');
    await backup.getByLabel('Kata sandi cadangan tersebut').fill('');
    await backup.getByRole('button', { name: 'Tampilkan cadangan' }).click();

    // A visit after the backup: the restore will replace it.
    await openScreen(page, 'Resepsionis');
    await checkInNewVisitor(
      page,
      { fullName: 'Ani Wijaya', phone: '081298765432', purpose: 'Tanya paket' },
      'K-002',
    );

    await openScreen(page, 'Kelola petugas');
    await backup.getByRole('button', { name: /^Pulihkan cadangan / }).click();
    const panel = backup.getByRole('region', { name: /Pulihkan dari cadangan/ });
    await expect(panel.getByRole('row', { name: 'Kunjungan 1 2' })).toBeVisible();
    const restore = panel.getByRole('button', { name: 'Periksa dan pulihkan' });
    await expect(restore).toBeDisabled();
    await panel.getByLabel('Saya mengerti, pulihkan cadangan ini').check();
    await expectAccessible(page, 'restore confirmation');
    await screenshot(page, 'backup-04-confirm');
    await restore.click();
    await expect(panel.getByText(/Cadangan telah diperiksa dan dipasang/)).toBeVisible({
      timeout: 30_000,
    });
    await screenshot(page, 'backup-05-restored');

    await logInAgain(page, loket.launchUrl);
    await expect(page.getByText('Budi Santoso')).toBeVisible();
    await expect(page.getByText('Ani Wijaya')).toHaveCount(0);
    await screenshot(page, 'backup-06-after-restore');

    await openScreen(page, 'Kelola petugas');
    await page.setViewportSize({ width: 1024, height: 900 });
    await expect(backup.getByRole('row', { name: /Manual/ })).toHaveCount(1);
    // Nothing wider than the screen at 1024 px.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      1024,
    );
    await screenshot(page, 'backup-07-1024');
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
