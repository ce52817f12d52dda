import type { Page } from '@playwright/test';
import { expect, expectAccessible, screenshot, test } from './loket-fixture';
import { NOTICE_READ_OUT, fillNewVisitor, setupAndLogin } from './support/steps';

const rowOf = (page: Page, queue: string) => page.locator(`tr[data-queue="${queue}"]`);

test('a receptionist runs the guest book for a day', async ({ page, loket }) => {
  test.setTimeout(120_000); // a whole day at the desk: axe and screenshots at each step
  await setupAndLogin(page, loket.launchUrl);
  await expectAccessible(page, 'reception (empty)');
  await screenshot(page, '03-reception-empty');

  // A bad phone number: the form says so next to the field, in Indonesian, and nothing is saved.
  await fillNewVisitor(page, {
    fullName: 'Budi Santoso',
    phone: '12345',
    purpose: 'Lupa kata sandi SPSE',
  });
  await page.getByRole('button', { name: 'Daftarkan dan beri nomor antrean' }).click();
  await expect(page.getByText(/Nomor telepon tidak valid/)).toBeVisible();
  await expect(page.getByLabel('Nomor telepon/HP')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page, 'reception with errors');
  await screenshot(page, '04-reception-bad-phone');
  await expect(page.getByText('Belum ada pengunjung pada tanggal ini.')).toBeVisible();

  // No consent gate: reception says how the processing notice reached the visitor, and only that
  // is required; the optional consent stays unticked.
  await page.getByLabel('Nomor telepon/HP').fill('0812-3456-7890');
  await page.getByRole('button', { name: 'Daftarkan dan beri nomor antrean' }).click();
  await expect(
    page.getByText('Pilih cara pemberitahuan disampaikan kepada pengunjung.'),
  ).toBeVisible();
  await expect(page.getByText(/Pengunjung bersedia dihubungi kembali/)).toBeVisible();

  await fillNewVisitor(page, {
    fullName: 'Budi Santoso',
    phone: '0812-3456-7890',
    email: 'budi.santoso@example.co.id',
    institution: 'CV Maju Jaya',
    visitorType: 'Penyedia — badan usaha',
    lpse: 'LPSE Kota Bandung',
    purpose: 'Lupa kata sandi SPSE',
  });
  await page.getByLabel(NOTICE_READ_OUT).check();
  await page.getByRole('button', { name: 'Daftarkan dan beri nomor antrean' }).click();
  await expect(page.getByText('Terdaftar. Nomor antrean K-001 untuk Budi Santoso.')).toBeVisible();
  await expect(rowOf(page, 'K-001')).toContainText('Budi Santoso');
  await expect(rowOf(page, 'K-001')).toContainText('Menunggu');

  await fillNewVisitor(page, {
    fullName: 'Dewi Lestari',
    phone: '+62 21 2993 5577',
    institution: 'Dinas PUPR Kab. Bogor',
    visitorType: 'PPK',
    purpose: 'Paket tidak muncul dari SiRUP',
  });
  await page.getByLabel(NOTICE_READ_OUT).check();
  await page.getByRole('button', { name: 'Daftarkan dan beri nomor antrean' }).click();
  await expect(page.getByText('Terdaftar. Nomor antrean K-002 untuk Dewi Lestari.')).toBeVisible();

  // Budi comes back: typing part of his phone offers him, with his contacts masked.
  await page
    .getByLabel('Cari pengunjung yang pernah berkunjung (nama, telepon, atau email)')
    .fill('0812 34');
  const suggestion = page.getByRole('option', { name: /Budi Santoso/ });
  await expect(suggestion).toBeVisible();
  await expect(suggestion).toContainText('0812•••••890');
  await expect(suggestion).not.toContainText('0812-3456-7890');
  await expect(suggestion).toContainText('b•••@e•••.id');
  await expectAccessible(page, 'reception with suggestions');
  await screenshot(page, '05-reception-suggestions');
  await suggestion.click();
  await expect(page.getByText('Pengunjung terdaftar: Budi Santoso')).toBeVisible();
  await expect(page.getByLabel('Nama lengkap')).toHaveValue('Budi Santoso');
  await expect(page.getByLabel('Instansi/perusahaan')).toHaveValue('CV Maju Jaya');
  await expect(page.getByLabel('Nomor telepon/HP')).toHaveValue('');
  await expect(
    page.getByText('Tersimpan: 0812•••••890. Kosongkan untuk tetap menggunakan nomor ini.'),
  ).toBeVisible();
  // He has moved to another company since.
  await page.getByLabel('Instansi/perusahaan').fill('PT Sinar Abadi');
  await page.getByLabel('Keperluan kunjungan').fill('Verifikasi perubahan data SIKaP');
  await page.getByLabel(NOTICE_READ_OUT).check();
  await page.getByRole('button', { name: 'Daftarkan dan beri nomor antrean' }).click();
  await expect(page.getByText('Terdaftar. Nomor antrean K-003 untuk Budi Santoso.')).toBeVisible();

  // Queue numbers in arrival order.
  await expect(page.locator('td.queue')).toHaveText(['K-001', 'K-002', 'K-003']);
  await expect(rowOf(page, 'K-003')).toContainText('PT Sinar Abadi');
  // The guest book keeps what was true at each visit.
  await expect(rowOf(page, 'K-001')).toContainText('CV Maju Jaya');

  // The suggestion now shows the new company: the visitor record was updated, not duplicated.
  await page
    .getByLabel('Cari pengunjung yang pernah berkunjung (nama, telepon, atau email)')
    .fill('budi');
  const suggestions = page
    .getByRole('listbox', { name: 'Pengunjung yang cocok' })
    .getByRole('option');
  await expect(suggestions).toHaveCount(1);
  await expect(suggestions).toContainText('PT Sinar Abadi');
  await page
    .getByLabel('Cari pengunjung yang pernah berkunjung (nama, telepon, atau email)')
    .fill('');

  // Catat keluar.
  // Catat keluar is asked first; Budi was never called, so he left before being served.
  await rowOf(page, 'K-001').getByRole('button', { name: 'Catat keluar K-001' }).click();
  await page
    .getByRole('group', { name: 'Catat keluar K-001' })
    .getByRole('button', { name: 'Ya, catat keluar' })
    .click();
  await expect(page.getByText('K-001 telah dicatat keluar.')).toBeVisible();
  await expect(rowOf(page, 'K-001')).toContainText('Pulang sebelum dilayani');
  await expect(rowOf(page, 'K-001').getByRole('button', { name: /Catat keluar/ })).toHaveCount(0);
  await expect(
    page.getByText('Menunggu 2 · Konsultasi 0 · Selesai 0 · Pulang sebelum dilayani 1'),
  ).toBeVisible();
  await expectAccessible(page, 'reception with visitors');
  await screenshot(page, '06-reception-day');

  // The daily register downloads as CSV and XLSX.
  const csvDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Unduh CSV' }).click();
  const csv = await csvDownload;
  expect(csv.suggestedFilename()).toMatch(/^buku-tamu-\d{4}-\d{2}-\d{2}\.csv$/);
  const xlsxDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Unduh XLSX' }).click();
  expect((await xlsxDownload).suggestedFilename()).toMatch(/\.xlsx$/);

  // English is the second locale.
  await page.getByLabel('Bahasa').selectOption('en');
  await expect(page.getByRole('heading', { name: 'Visitor check-in' })).toBeVisible();
  await screenshot(page, '07-reception-english');
});

test('an administrator adds a receptionist who then works the desk alone', async ({
  page,
  loket,
}) => {
  await setupAndLogin(page, loket.launchUrl);
  await page.getByRole('button', { name: 'Kelola petugas' }).click();
  await expect(page.getByRole('heading', { name: 'Kelola petugas' })).toBeVisible();
  // The admin screen also holds the helpdesk settings: work inside the add-staff form.
  const addStaff = page.getByRole('region', { name: 'Tambah petugas' });
  await addStaff.getByLabel('Nama lengkap').fill('Rina Wulandari');
  await addStaff.getByLabel('Nama pengguna').fill('rina');
  await addStaff.getByLabel('PIN').fill('975310');
  await addStaff.getByLabel('Resepsionis').check();
  await addStaff.getByRole('button', { name: 'Tambah petugas' }).click();
  await expect(page.getByText('Petugas Rina Wulandari ditambahkan.')).toBeVisible();
  await expect(page.getByRole('row', { name: /Rina Wulandari/ })).toContainText('Resepsionis');
  await expectAccessible(page, 'staff admin');
  await screenshot(page, '08-admin');

  await page.getByRole('button', { name: 'Keluar', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Masuk Petugas Layanan' })).toBeVisible();
  await page.getByLabel('Nama pengguna').fill('rina');
  await page.getByLabel('PIN').fill('975310');
  await page.getByRole('button', { name: 'Masuk' }).click();
  await expect(page.getByRole('heading', { name: 'Pendaftaran pengunjung' })).toBeVisible();
  // A receptionist has no staff administration.
  await expect(page.getByRole('button', { name: 'Kelola petugas' })).toHaveCount(0);
});
