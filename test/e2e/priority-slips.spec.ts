import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { decodeEscPos, printedText } from '../helpers/escpos-decode';
import { startFakePrinter, type FakePrinter } from '../helpers/fake-printer';
import { expect, expectAccessible, screenshot, test } from './loket-fixture';
import { NOTICE_READ_OUT, fillNewVisitor, openScreen, setupAndLogin } from './support/steps';

let printer: FakePrinter;
test.beforeEach(async () => {
  printer = await startFakePrinter();
});
test.afterEach(async () => {
  await printer.close();
});

/** Also into LOKET_SHOTS when set, to be looked at. */
async function shot(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  const dir = process.env.LOKET_SHOTS;
  if (dir) {
    mkdirSync(dir, { recursive: true });
    await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
  }
}

test('a priority visitor is checked in and gets a queue slip from the desk printer', async ({
  page,
  loket,
}) => {
  await setupAndLogin(page, loket.launchUrl);

  // The administrator points this PC at its thermal printer.
  await openScreen(page, 'Kelola petugas');
  const settings = page.getByRole('region', { name: 'Printer slip PC ini' });
  await settings.getByLabel('Printer termal jaringan (ESC/POS)').check();
  await settings.getByLabel('Alamat printer').fill(printer.address);
  await settings.getByLabel('Lebar kertas').selectOption({ label: '58 mm' });
  await settings.getByRole('button', { name: 'Simpan pengaturan printer' }).click();
  await expect(settings.getByText('Pengaturan printer disimpan.')).toBeVisible();
  await shot(page, 'slips-01-printer-settings');

  await openScreen(page, 'Resepsionis');
  await fillNewVisitor(page, {
    fullName: 'Sri Wahyuni',
    phone: '0812-1111-2222',
    purpose: 'Lupa kata sandi SPSE',
  });
  await page.getByLabel('Pengunjung prioritas (perlakuan khusus)').check();
  await page.getByLabel(NOTICE_READ_OUT).check();
  await page.getByRole('button', { name: 'Daftarkan dan beri nomor antrean' }).click();
  // A priority without a reason is refused next to the field, and nothing is saved.
  await expect(page.getByText('Pilih alasan prioritas.')).toBeVisible();
  await page.getByLabel('Alasan prioritas').selectOption({ label: 'Lanjut usia' });
  await shot(page, 'slips-02-priority-form');
  const job = printer.nextJob();
  await page.getByRole('button', { name: 'Daftarkan dan beri nomor antrean' }).click();

  const panel = page.getByRole('status', { name: 'Nomor antrean' });
  await expect(panel.getByText('K-001', { exact: true })).toBeVisible();
  await expect(panel.getByText('Slip dicetak.')).toBeVisible();
  const text = printedText(decodeEscPos(await job));
  expect(text).toContain('NOMOR ANTREAN K-001 Prioritas: Lanjut usia');
  expect(text).toContain('Tunjukkan nomor ini saat dipanggil.');
  await expect(
    page.locator('tr[data-queue="K-001"]').getByText('Prioritas: Lanjut usia'),
  ).toBeVisible();
  await expectAccessible(page, 'reception after a priority check-in with a slip');
  await shot(page, 'slips-03-issued-and-printed');

  // A second slip is asked for first.
  await panel.getByRole('button', { name: 'Cetak ulang' }).click();
  const ask = panel.getByRole('group', { name: 'Cetak ulang slip?' });
  await expect(ask.getByText(/sudah dicetak 1 kali/)).toBeVisible();
  await shot(page, 'slips-04-reprint-asked');
  const again = printer.nextJob();
  await ask.getByRole('button', { name: 'Ya, cetak ulang' }).click();
  expect(printedText(decodeEscPos(await again))).toContain('K-001');
  await expect(panel.getByText('Slip dicetak.')).toBeVisible();
  expect(printer.jobs).toHaveLength(2);

  // Later, from the day's list: the slip is there to print again, and says it was printed.
  await panel.getByRole('button', { name: 'Tutup' }).click();
  await page.getByRole('button', { name: 'Slip antrean K-001' }).click();
  const rowSlip = page.getByRole('group', { name: 'Slip antrean K-001' });
  await expect(rowSlip.getByRole('button', { name: 'Cetak ulang' })).toBeVisible();

  await page.setViewportSize({ width: 1024, height: 900 });
  await shot(page, 'slips-05-reception-1024');
  await page.setViewportSize({ width: 1366, height: 900 });

  // The officer sees the mark, serves her, escalates, and hands her the case receipt.
  await openScreen(page, 'Konsultasi');
  await expect(page.getByText('Prioritas: Lanjut usia').first()).toBeVisible();
  await page.getByRole('button', { name: 'Panggil antrean berikutnya' }).click();
  await page.getByRole('button', { name: 'Hadir — mulai konsultasi' }).click();
  await page.getByRole('button', { name: 'Tambah permasalahan' }).click();
  const card = page.locator('article.case-card');
  await card.getByLabel('Aplikasi').selectOption({ label: 'SPSE' });
  await card.getByLabel('Kategori permasalahan').selectOption({ label: 'Akun dan login' });
  await card.getByLabel('Uraian permasalahan').fill('Lupa kata sandi akun penyedia.');
  await expect(card.getByText(/Tersimpan otomatis/)).toBeVisible();
  const caseCode = ((await card.locator('.case-code').textContent()) ?? '').trim();
  await card.getByRole('button', { name: 'Teruskan ke helpdesk' }).click();
  const receipt = printer.nextJob();
  await card.getByRole('button', { name: 'Cetak tanda terima' }).click();
  const receiptText = printedText(decodeEscPos(await receipt));
  expect(receiptText).toContain(`Nomor kasus: ${caseCode}`);
  expect(receiptText).toContain('1 x 24 jam');
  await expect(card.getByText('Slip dicetak.')).toBeVisible();
  await expectAccessible(page, 'consultation with a printed case receipt');
  await shot(page, 'slips-06-case-receipt');
});
