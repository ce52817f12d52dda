import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from './loket-fixture';
import { checkInNewVisitor, openScreen, setupAndLogin } from './support/steps';

const SHOTS = process.env.LOKET_SHOTS_DIR;
/** Screens photographed for review at the desk's usual widths. */
async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screens/records-${name}.png`, fullPage: true });
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

test('a receptionist corrects a phone number; the register shows the new one, the audit viewer the change', async ({
  page,
  loket,
}) => {
  test.setTimeout(60_000);
  await page.setViewportSize({ width: 1366, height: 900 });
  await setupAndLogin(page, loket.launchUrl);
  await checkInNewVisitor(page, {
    fullName: 'Budi Santoso',
    phone: '0812-3456-7890',
    email: 'budi@contoh.id',
    purpose: 'Lupa kata sandi SPSE',
  });

  // The phone was mistyped: corrected from today's list.
  await page.getByRole('button', { name: 'Koreksi pendaftaran K-001' }).click();
  const panel = page.getByRole('region', { name: 'Koreksi pendaftaran K-001' });
  const phone = panel.getByLabel('Nomor telepon/HP');
  await expect(phone).toHaveValue('0812-3456-7890');
  // A bad number gets the check-in's own message, and nothing is saved.
  await phone.fill('12345');
  await panel.getByRole('button', { name: 'Simpan koreksi' }).click();
  await expect(panel.getByText(/Nomor telepon tidak valid/)).toBeVisible();
  await shot(page, 'correction-invalid-1366');
  await phone.fill('0813-9999-0001');
  await panel.getByRole('button', { name: 'Simpan koreksi' }).click();
  await expect(panel.getByText('Koreksi pendaftaran K-001 disimpan.')).toBeVisible();
  await expectAccessible(page, 'check-in correction');
  await shot(page, 'correction-saved-1366');

  // The register (buku tamu) downloaded now has the new number.
  await panel.getByRole('button', { name: 'Tutup' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Unduh CSV' }).click();
  const csv = readFileSync((await (await download).path())!, 'utf8');
  expect(csv).toContain('0813-9999-0001');
  expect(csv).not.toContain('0812-3456-7890');

  // The audit viewer shows who changed what, before and after.
  await openScreen(page, 'Jejak audit');
  await page
    .getByLabel('Jenis tindakan')
    .selectOption({ label: 'Koreksi pendaftaran (visit.correct)' });
  await page.getByRole('button', { name: 'Tampilkan' }).click();
  const row = page.locator('tr[data-action="visit.correct"]');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Siti Rahayu');
  await expect(row).toContainText('telepon: 0812-3456-7890 → 0813-9999-0001');
  await expectAccessible(page, 'audit viewer');
  await shot(page, 'audit-1366');
  await page.setViewportSize({ width: 1024, height: 900 });
  await shot(page, 'audit-1024');

  // The records search finds the visit by the new number.
  await page.setViewportSize({ width: 1366, height: 900 });
  await openScreen(page, 'Cari arsip');
  await page.getByLabel('Kata pencarian').fill('0813 9999');
  await page.getByRole('button', { name: 'Cari', exact: true }).click();
  await expect(page.getByText('1 kunjungan ditemukan.')).toBeVisible();
  await expect(page.locator('.records__table')).toContainText('Budi Santoso');
  await expectAccessible(page, 'records search');
  await shot(page, 'records-1366');
  await page.setViewportSize({ width: 1024, height: 900 });
  // Two more menu entries still fit one bar at 1024 px for staff with every role.
  const width = await page.evaluate(() => [
    document.documentElement.scrollWidth,
    document.documentElement.clientWidth,
  ]);
  expect(width[0]).toBeLessThanOrEqual(width[1]!);
  await shot(page, 'records-1024');
});
