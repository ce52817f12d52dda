import { mkdirSync } from 'node:fs';
import type { Download, Page } from '@playwright/test';
import { expect, expectAccessible, test } from './loket-fixture';
import { checkInNewVisitor, openScreen, setupAndLogin } from './support/steps';

const SHOTS = process.env.LOKET_SHOTS;

async function shot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/** Presses a format's button and waits for the browser's download. */
async function download(page: Page, format: 'PDF' | 'XLSX (Excel)' | 'CSV'): Promise<Download> {
  const file = page.waitForEvent('download');
  await page.getByRole('button', { name: format, exact: true }).click();
  const d = await file;
  await expect(page.getByText(`Berkas ${d.suggestedFilename()} telah diunduh.`)).toBeVisible();
  return d;
}

test('a supervisor opens each report, changes the period and downloads every format', async ({
  page,
  loket,
}) => {
  await setupAndLogin(page, loket.launchUrl);
  await checkInNewVisitor(page, {
    fullName: 'Nguyễn Văn An',
    phone: '081234567890',
    purpose: 'Lupa kata sandi SPSE',
  });

  await openScreen(page, 'Laporan');
  await expect(page.getByRole('heading', { name: 'Laporan', level: 1 })).toBeVisible();
  const summary = page.getByRole('region', { name: 'Laporan Layanan Konsultasi Tatap Muka' });
  await expect(summary.getByRole('definition').first()).toHaveText('1');
  await expectAccessible(page, 'service report');
  await shot(page, 'reports-service-1366');
  for (const format of ['PDF', 'XLSX (Excel)', 'CSV'] as const)
    expect((await download(page, format)).suggestedFilename()).toMatch(
      /^laporan-layanan-\d{4}-\d{2}-01-\d{4}-\d{2}-\d{2}\.(pdf|xlsx|csv)$/,
    );

  // The month before has no visits: an empty report that says so.
  await page.getByRole('button', { name: 'Periode sebelumnya' }).click();
  await expect(page.getByText('Tidak ada kunjungan pada periode ini.')).toBeVisible();
  await page.getByRole('combobox', { name: 'Periode', exact: true }).selectOption('year');
  await page.getByRole('combobox', { name: 'Rincian per' }).selectOption('officer');
  await expect(page.getByRole('heading', { name: 'Rincian per Petugas' })).toBeVisible();

  await page.getByRole('button', { name: 'Kepatuhan 1 × 24 jam' }).click();
  await expect(page.getByText(/^Mode penghitungan: jam kalender/)).toBeVisible();
  await expectAccessible(page, '1x24 compliance report');
  await shot(page, 'reports-sla-1366');
  expect((await download(page, 'PDF')).suggestedFilename()).toMatch(/^laporan-1x24-.*\.pdf$/);
  await page.getByText('Pengaturan laporan').click();
  await page.getByLabel('Jam layanan (jam kerja, tanpa hari libur)').check();
  await page.getByRole('button', { name: 'Simpan pengaturan' }).click();
  await expect(page.getByText('Pengaturan laporan disimpan.')).toBeVisible();
  await expect(page.getByText(/^Mode penghitungan: jam layanan \(08:00–16:00 WIB/)).toBeVisible();
  await shot(page, 'reports-sla-settings-1366');

  await page.getByRole('button', { name: 'Indeks Kepuasan Masyarakat (IKM)' }).click();
  expect((await download(page, 'XLSX (Excel)')).suggestedFilename()).toMatch(/^ikm-.*\.xlsx$/);

  await page.setViewportSize({ width: 1024, height: 900 });
  await page.getByRole('button', { name: 'Laporan layanan' }).click();
  await page.getByRole('combobox', { name: 'Periode', exact: true }).selectOption('month');
  await shot(page, 'reports-service-1024');
  await page.getByRole('button', { name: 'Kepatuhan 1 × 24 jam' }).click();
  await shot(page, 'reports-sla-1024');
});
