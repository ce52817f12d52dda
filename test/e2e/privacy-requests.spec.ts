import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, expectAccessible, screenshot, test } from './loket-fixture';
import {
  checkInNewVisitor,
  escalateLockedAccount,
  openScreen,
  setupAndLogin,
} from './support/steps';

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

test('a supervisor serves an erase request: sees what goes, erases, and the person is gone', async ({
  page,
  loket,
}) => {
  await setupAndLogin(page, loket.launchUrl);
  await checkInNewVisitor(page, {
    fullName: 'Rina Kartika',
    phone: '0813-2222-3333',
    email: 'rina@contoh.id',
    purpose: 'Verifikasi akun penyedia',
  });
  await openScreen(page, 'Data pribadi');

  // First a copy (access), then the erasure, as the visitor asked for both at the desk.
  const register = async (kind: string) => {
    await page.getByLabel('Jenis permintaan').selectOption({ label: kind });
    await page.getByLabel('Nama pemohon').fill('Rina Kartika');
    await page.getByRole('button', { name: 'Catat permintaan' }).click();
  };
  const desk = page.locator('section.request-desk');
  const find = async (term: string) => {
    await desk.getByLabel('Nama, nomor telepon, atau email').fill(term);
    await desk.getByRole('button', { name: 'Cari', exact: true }).click();
  };
  await register('Akses dan salinan data');
  await find('rina');
  await desk.getByRole('button', { name: 'Pilih Rina Kartika' }).click();
  const json = JSON.parse((await download(page, 'Unduh salinan (JSON)')).toString('utf8')) as {
    visitor: { email: string };
  };
  expect(json.visitor.email).toBe('rina@contoh.id');
  await desk.getByLabel('Jawaban kepada pemohon').fill('Salinan diserahkan.');
  await desk.getByRole('button', { name: 'Simpan jawaban dan tutup' }).click();
  await expect(desk.getByText('Permintaan nomor 1 ditutup.')).toBeVisible();

  await register('Penghapusan data');
  await expect(
    desk.getByRole('heading', { name: /Permintaan nomor 2: Penghapusan/ }),
  ).toBeVisible();
  await find('0813 2222 3333');
  await desk.getByRole('button', { name: 'Pilih Rina Kartika' }).click();
  await desk.getByRole('button', { name: 'Hapus data orang ini…' }).click();
  // The confirm step says what goes before anything is erased.
  await expect(desk.getByText('Yang akan dihapus permanen tentang Rina Kartika:')).toBeVisible();
  await expect(desk.getByText('data pada 1 kunjungan, termasuk keperluan kunjungan')).toBeVisible();
  await expect(desk.getByLabel('Alasan penghapusan')).toHaveValue(
    'Permintaan penghapusan nomor 2 dari subjek data',
  );
  await expectAccessible(page, 'erasure confirm step');
  await screenshot(page, '47-privacy-erase-confirm');
  // A cancel erases nothing.
  await desk.getByRole('button', { name: 'Batal' }).click();
  await expect(
    desk.getByRole('heading', { name: 'Data yang disimpan tentang Rina Kartika' }),
  ).toBeVisible();
  await desk.getByRole('button', { name: 'Hapus data orang ini…' }).click();
  await desk.getByRole('button', { name: 'Hapus permanen data Rina Kartika' }).click();
  await expect(desk.getByText(/Data dihapus: 1 kunjungan, 0 kasus/)).toBeVisible();
  await expect(desk.getByRole('heading', { name: 'Data pribadi dihapus' })).toBeVisible();
  await expect(desk.getByText('rina@contoh.id')).toHaveCount(0);
  await screenshot(page, '48-privacy-erased');
  await desk.getByLabel('Jawaban kepada pemohon').fill('Data Anda telah dihapus.');
  await desk.getByRole('button', { name: 'Simpan jawaban dan tutup' }).click();
  await expect(desk.getByText('Permintaan nomor 2 ditutup.')).toBeVisible();

  // Whoever asks next, by name, phone or e-mail: nobody is found.
  await page.getByRole('button', { name: 'Kembali ke daftar' }).click();
  await register('Akses dan salinan data');
  for (const term of ['rina', '0813 2222 3333', 'rina@contoh.id']) {
    await find(term);
    await expect(desk.getByText(/Tidak ada data orang dengan kata kunci ini/)).toBeVisible();
  }
});

test('an erasure while a case is open at the helpdesk is refused with its reason, then done with the supervisor’s', async ({
  page,
  loket,
}) => {
  await setupAndLogin(page, loket.launchUrl);
  const caseCode = await escalateLockedAccount(page);
  await openScreen(page, 'Data pribadi');
  await page.getByLabel('Jenis permintaan').selectOption({ label: 'Penghapusan data' });
  await page.getByLabel('Nama pemohon').fill('Budi Santoso');
  await page.getByRole('button', { name: 'Catat permintaan' }).click();
  const desk = page.locator('section.request-desk');
  await desk.getByLabel('Nama, nomor telepon, atau email').fill('budi');
  await desk.getByRole('button', { name: 'Cari', exact: true }).click();
  await desk.getByRole('button', { name: 'Pilih Budi Santoso' }).click();
  await desk.getByRole('button', { name: 'Hapus data orang ini…' }).click();
  await expect(
    desk.getByText(`Kasus ${caseCode} masih terbuka di helpdesk.`, { exact: false }),
  ).toBeVisible();

  // Without the supervisor's reason the core refuses, and says why.
  await desk.getByRole('button', { name: 'Hapus permanen data Budi Santoso' }).click();
  await expect(
    desk.getByText(/belum dapat dihapus: masih ada kasusnya yang terbuka/),
  ).toBeVisible();
  await expect(
    desk.getByLabel('Alasan menghapus walau kasus masih terbuka di helpdesk'),
  ).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page, 'erasure refused while a case is open');
  await screenshot(page, '49-privacy-erase-refused');

  await desk
    .getByLabel('Alasan menghapus walau kasus masih terbuka di helpdesk')
    .fill('Tiket sudah ditutup manual di helpdesk');
  await desk.getByRole('button', { name: 'Hapus permanen data Budi Santoso' }).click();
  await expect(desk.getByText(/Data dihapus: 1 kunjungan, 1 kasus/)).toBeVisible();
  await expect(
    desk.getByText(`Kasus terbuka yang tetap dihapus: ${caseCode}.`, { exact: false }),
  ).toBeVisible();
});
