import type { Page } from '@playwright/test';
import { startRt, type RtInstance } from '../helpers/rt/rt-instance';
import { rtAdmin } from '../helpers/rt/rt-setup';
import { expect, expectAccessible, screenshot, test } from './loket-fixture';
import {
  NOTICE_READ_OUT,
  openScreen,
  setupAndLogin,
  startConsultationWithCase,
} from './support/steps';

let rt: RtInstance;

test.beforeAll(async () => {
  rt = await startRt();
  await rtAdmin(rt).setup();
});

test.afterAll(async () => {
  await rt?.stop();
});

const SIZES = [
  { width: 1024, height: 768 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
];

async function atEverySize(page: Page, name: string): Promise<void> {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await screenshot(page, `${name}-${size.width}x${size.height}`);
  }
  await page.setViewportSize({ width: 1366, height: 900 });
}

test('reception picks the LPSE from the list; the case form sends kode error, tipe tiket and the LPSE where the problem happened to the RT ticket', async ({
  page,
  loket,
}) => {
  test.setTimeout(150_000);
  await setupAndLogin(page, loket.launchUrl);
  await openScreen(page, 'Kelola petugas');
  await page.getByLabel('Alamat Request Tracker').fill(rt.baseUrl);
  await page.getByLabel('Antrean (queue)').fill('Loket Escalations');
  await page.getByLabel('Akun helpdesk (nama pengguna)').fill(rt.username);
  await page.getByLabel('Kata sandi helpdesk').fill(rt.password);
  await page.getByRole('button', { name: 'Simpan pengaturan', exact: true }).click();
  await expect(page.getByText('Pengaturan helpdesk disimpan.')).toBeVisible();

  // Reception: a new visitor type, and the LPSE found by typing part of it, picked by keyboard.
  await openScreen(page, 'Resepsionis');
  await page.getByLabel('Nama lengkap').fill('Rina Agustina');
  await page.getByLabel('Nomor telepon/HP').fill('0812-7777-6666');
  await page.getByLabel('Email (tidak wajib)').fill('rina@contoh.id');
  await page.getByLabel('Jenis pengguna SPSE').selectOption({ label: 'Agen Pengadaan' });
  const lpse = page.getByRole('combobox', { name: 'LPSE asal' });
  await lpse.fill('kab dom');
  const options = page.getByRole('listbox', { name: 'Daftar LPSE' }).getByRole('option');
  await expect(options.first()).toHaveText('Kabupaten Dompu');
  await expect(options.last()).toHaveText('Lainnya (isi manual): "kab dom"');
  await expect(lpse).toHaveAttribute('aria-expanded', 'true');
  await expectAccessible(page, 'reception (LPSE list open)');
  await atEverySize(page, '40-reception-lpse-list');
  await lpse.press('ArrowDown');
  await expect(lpse).toHaveAttribute('aria-activedescendant', /opt-0$/);
  await lpse.press('Enter');
  await expect(lpse).toHaveValue('Kabupaten Dompu');
  await expect(lpse).toHaveAttribute('aria-expanded', 'false');
  await page.getByLabel('Keperluan kunjungan').fill('Akun INAPROC belum terverifikasi');
  await page.getByLabel(NOTICE_READ_OUT).check();
  await page.getByRole('button', { name: 'Daftarkan dan beri nomor antrean' }).click();
  await expect(page.getByText(/Nomor antrean K-001/)).toBeVisible();

  // Consultation: the visitor's LPSE asal beside the LPSE where the problem happened.
  const card = await startConsultationWithCase(page);
  await expect(card.getByLabel('Peran di SPSE')).toHaveValue('agen_pengadaan');
  await expect(card.getByText('Kabupaten Dompu', { exact: true })).toBeVisible();
  const problemLpse = card.getByRole('combobox', { name: 'LPSE tempat permasalahan' });
  await expect(problemLpse).toHaveValue('Kabupaten Dompu');
  await problemLpse.fill('goront');
  await card.getByRole('option', { name: 'Provinsi Gorontalo' }).click();
  await expect(problemLpse).toHaveValue('Provinsi Gorontalo');
  await card.getByLabel('Tipe tiket').selectOption({ label: 'Permintaan Layanan' });
  await card.getByLabel('Aplikasi').selectOption({ label: 'Akun INAPROC (SSO/verifikasi)' });
  await card.getByLabel('Kategori permasalahan').selectOption({ label: 'Akun dan login' });
  await card.getByLabel('Kode error').fill('E-INAPROC-401');
  await card
    .getByLabel('Uraian permasalahan')
    .fill('Verifikasi akun INAPROC tertahan sejak pekan lalu.');
  await expect(card.getByText(/Tersimpan otomatis/)).toBeVisible();
  await expectAccessible(page, 'consultation (LPSE Support fields)');
  await atEverySize(page, '41-consultation-lpse-support-fields');
  const caseCode = (await card.locator('.case-code').textContent()) ?? '';
  await card.getByRole('button', { name: 'Teruskan ke helpdesk' }).click();
  await expect(
    card.getByText('Diteruskan ke helpdesk — menunggu pengiriman').first(),
  ).toBeVisible();
  await expect(card.locator('.case-record')).toContainText('E-INAPROC-401');
  await expect(card.locator('.case-record')).toContainText('Permintaan Layanan');

  // Delivered: the real RT ticket carries them.
  await openScreen(page, 'Tindak lanjut');
  const row = page.locator(`tr[data-case-code="${caseCode}"]`);
  await expect(async () => {
    await page.getByRole('button', { name: 'Periksa status helpdesk' }).click();
    await expect(row).toContainText('Sedang ditangani helpdesk.', { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await atEverySize(page, '42-follow-up-wording');
  const ticketId = /#(\d+)/.exec((await row.textContent()) ?? '')?.[1] ?? '';
  const admin = rtAdmin(rt);
  const ticket = (await admin.call('GET', `/ticket/${ticketId}`)).json;
  const cf = Object.fromEntries(
    ((ticket.CustomFields ?? []) as { name: string; values: string[] }[]).map((f) => [
      f.name,
      f.values[0],
    ]),
  );
  expect(cf['Loket LPSE']).toBe('Provinsi Gorontalo');
  const list = await admin.call('GET', `/ticket/${ticketId}/attachments?per_page=50`);
  let content = '';
  for (const item of (list.json.items ?? []) as { id: string }[]) {
    const a = (await admin.call('GET', `/attachment/${item.id}`)).json;
    content += Buffer.from(String(a.Content ?? ''), 'base64').toString('utf8');
  }
  expect(content).toContain('Tipe tiket: Permintaan Layanan');
  expect(content).toContain('Kode error: E-INAPROC-401');
  expect(content).toContain('LPSE tempat permasalahan: Provinsi Gorontalo');
  expect(content).toContain('LPSE asal: Kabupaten Dompu');
});

test('an LPSE typed by hand is flagged for the administrator, who adds it to the list', async ({
  page,
  loket,
}) => {
  test.setTimeout(90_000);
  await setupAndLogin(page, loket.launchUrl);
  await page.getByLabel('Nama lengkap').fill('Budi Santoso');
  await page.getByLabel('Nomor telepon/HP').fill('0812-3456-7890');
  await page.getByLabel('Jenis pengguna SPSE').selectOption({ label: 'Penyedia — perorangan' });
  const lpse = page.getByRole('combobox', { name: 'LPSE asal' });
  await lpse.fill('LPSE Kota Bandung');
  await page.getByRole('option', { name: 'Lainnya (isi manual): "LPSE Kota Bandung"' }).click();
  await expect(page.getByText('LPSE ini belum ada dalam daftar.', { exact: false })).toBeVisible();
  await page.getByLabel('Keperluan kunjungan').fill('Lupa User ID SPSE');
  await page.getByLabel(NOTICE_READ_OUT).check();
  await page.getByRole('button', { name: 'Daftarkan dan beri nomor antrean' }).click();
  await expect(page.getByText(/Nomor antrean K-001/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Catat keluar K-001' })).toBeVisible();

  await openScreen(page, 'Kelola petugas');
  const section = page.locator('section', {
    has: page.getByRole('heading', { name: 'Daftar LPSE' }),
  });
  await expect(section.getByText('LPSE Kota Bandung')).toBeVisible();
  await section.getByRole('heading', { name: 'Daftar LPSE' }).scrollIntoViewIfNeeded();
  await expectAccessible(page, 'admin (LPSE list)');
  await atEverySize(page, '43-admin-lpse-list');
  await section.getByRole('button', { name: 'Tambahkan LPSE Kota Bandung ke daftar' }).click();
  await expect(section.getByLabel('Nama LPSE')).toHaveValue('LPSE Kota Bandung');
  await section.getByLabel('Nama LPSE').fill('Kota Bandung');
  await section.getByLabel('Jalur SPSE pada spse.inaproc.id').fill('kotabandung');
  await section.getByRole('button', { name: 'Tambah LPSE' }).click();
  await expect(section.getByText('LPSE Kota Bandung disimpan.')).toBeVisible();
  await expect(section.getByText('Tidak ada nama LPSE yang diisi manual.')).toBeVisible();
  await expect(
    section.getByRole('cell', { name: 'https://spse.inaproc.id/kotabandung' }),
  ).toBeVisible();
  await section.getByRole('button', { name: 'Nonaktifkan Kota Bandung' }).click();
  await expect(section.getByRole('row', { name: /Kota Bandung/ })).toContainText('nonaktif');
});
