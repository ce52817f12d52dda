import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, expectAccessible, screenshot, test } from './loket-fixture';
import { checkInNewVisitor, openScreen, setupAndLogin } from './support/steps';

async function download(page: Page, button: string): Promise<Buffer> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  return readFileSync((await file.path())!);
}

test('a supervisor serves an access request: finds the person, gives a copy, answers in time', async ({
  page,
  loket,
}) => {
  await setupAndLogin(page, loket.launchUrl);
  // Reception gives the notice (no consent box) and records how; the form shows the notice text.
  await page.getByText('Tampilkan teks pemberitahuan').click();
  await expect(page.getByText('Pasal 20 ayat (2) huruf e Undang-Undang Nomor 27')).toBeVisible();
  await screenshot(page, '40-reception-notice');
  await checkInNewVisitor(page, {
    fullName: 'Budi Santoso',
    phone: '0812-3456-7890',
    email: 'budi@contoh.id',
    purpose: 'Lupa kata sandi SPSE',
  });

  await openScreen(page, 'Data pribadi');
  await expect(page.getByRole('heading', { name: 'Permintaan Data Pribadi' })).toBeVisible();
  await expect(page.getByText('Belum ada permintaan.')).toBeVisible();
  await expectAccessible(page, 'personal data requests (empty)');
  await screenshot(page, '41-privacy-empty');

  // Budi asks at the desk for a copy of what LKPP holds about him.
  await page.getByLabel('Jenis permintaan').selectOption({ label: 'Akses dan salinan data' });
  await page.getByLabel('Nama pemohon').fill('Budi Santoso');
  await page.getByLabel('Kontak pemohon (tidak wajib)').fill('budi@contoh.id');
  await page.getByRole('button', { name: 'Catat permintaan' }).click();
  await expect(page.getByText(/Permintaan nomor 1 dicatat; batas jawaban/)).toBeVisible();
  const desk = page.locator('section.request-desk');
  await expect(desk.getByRole('heading', { name: /Permintaan nomor 1: Akses/ })).toBeVisible();
  await expect(desk.getByTestId('request-clock')).toContainText('Terbuka');

  // A name nobody has is said plainly; then Budi is found, masked, and chosen.
  await desk.getByLabel('Nama, nomor telepon, atau email').fill('Bambang Tidakada');
  await desk.getByRole('button', { name: 'Cari', exact: true }).click();
  await expect(desk.getByText(/Tidak ada data orang dengan kata kunci ini/)).toBeVisible();
  await desk.getByLabel('Nama, nomor telepon, atau email').fill('budi');
  await desk.getByRole('button', { name: 'Cari', exact: true }).click();
  await expect(desk.getByText('0812•••••890')).toBeVisible();
  await desk.getByRole('button', { name: 'Pilih Budi Santoso' }).click();
  await expect(
    desk.getByRole('heading', { name: 'Data yang disimpan tentang Budi Santoso' }),
  ).toBeVisible();
  await expect(desk.getByText('Kunjungan (1)')).toBeVisible();
  await expect(desk.getByText(/Pemberitahuan .* \(Dibacakan kepada pengunjung\)/)).toBeVisible();
  await expectAccessible(page, 'serving a request');
  await screenshot(page, '42-privacy-serving');

  const json = JSON.parse((await download(page, 'Unduh salinan (JSON)')).toString('utf8')) as {
    visitor: { fullName: string };
    visits: unknown[];
  };
  expect(json.visitor.fullName).toBe('Budi Santoso');
  expect(json.visits).toHaveLength(1);
  const pdf = await download(page, 'Unduh salinan (PDF)');
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  await expect(desk.getByText(/Berkas data-pribadi-1-.*\.pdf telah diunduh/)).toBeVisible();

  await desk
    .getByLabel('Jawaban kepada pemohon')
    .fill('Salinan data diserahkan dalam PDF dan JSON.');
  await desk.getByRole('button', { name: 'Simpan jawaban dan tutup' }).click();
  await expect(desk.getByText('Permintaan nomor 1 ditutup.')).toBeVisible();
  await expect(page.locator('tr[data-request-id="1"]')).toContainText('Dijawab');
  await expect(desk.getByTestId('request-clock')).toContainText('Dijawab');
  await screenshot(page, '43-privacy-answered');
  await page.setViewportSize({ width: 1024, height: 900 });
  await screenshot(page, '44-privacy-answered-1024');
  await expectAccessible(page, 'request answered at 1024');
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth, 'page wider than the window at 1024').toBeLessThanOrEqual(clientWidth);

  // Back to the list: the breach list for the Pasal 46 notice is a download away.
  await page.getByRole('button', { name: 'Kembali ke daftar' }).click();
  await page.setViewportSize({ width: 1366, height: 900 });
  const breach = await download(page, 'Unduh daftar terdampak');
  expect(breach.toString('utf8')).toContain('Budi Santoso,0812-3456-7890,budi@contoh.id');
  await screenshot(page, '45-privacy-breach');
});

test('the visitor can read the processing notice on the screen that faces them', async ({
  page,
  loket,
}) => {
  await setupAndLogin(page, loket.launchUrl);
  await openScreen(page, 'Konsultasi');
  const popup = page.waitForEvent('popup');
  await page.getByRole('button', { name: 'Buka layar survei (layar pengunjung)' }).click();
  const survey = await popup;
  await survey.getByText('Baca pemberitahuan pemrosesan data pribadi').click();
  await expect(survey.getByText(/Pasal 20 ayat \(2\) huruf e/)).toBeVisible();
  await expectAccessible(survey, 'survey screen with the notice');
  await screenshot(survey, '46-survey-notice');
});
