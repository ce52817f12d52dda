import { startRt, type RtInstance } from '../helpers/rt/rt-instance';
import { rtAdmin } from '../helpers/rt/rt-setup';
import { expect, expectAccessible, screenshot, test } from './loket-fixture';
import { fillNewVisitor, setupAndLogin } from './support/steps';

let rt: RtInstance;

test.beforeAll(async () => {
  rt = await startRt();
  await rtAdmin(rt).setup();
});

test.afterAll(async () => {
  await rt?.stop();
});

test('an officer escalates a case, sees it delivered, and closes it after the visitor confirms by phone', async ({
  page,
  loket,
}) => {
  test.setTimeout(120_000);
  await setupAndLogin(page, loket.launchUrl);

  // The administrator points Loket at the backend helpdesk.
  await page
    .getByRole('navigation', { name: 'Menu' })
    .getByRole('button', { name: 'Kelola petugas' })
    .click();
  await page.getByLabel('Alamat helpdesk').fill(rt.baseUrl);
  await page.getByLabel('Antrean (queue)').fill('Loket Escalations');
  await page.getByLabel('Akun helpdesk (nama pengguna)').fill(rt.username);
  await page.getByLabel('Kata sandi helpdesk').fill(rt.password);
  await page.getByRole('button', { name: 'Simpan pengaturan' }).click();
  await expect(page.getByText('Pengaturan helpdesk disimpan.')).toBeVisible();
  await page.getByRole('button', { name: 'Periksa pengaturan' }).click();
  await expect(page.getByText('Helpdesk siap menerima kasus.')).toBeVisible();
  await expectAccessible(page, 'admin with helpdesk settings');

  await page
    .getByRole('navigation', { name: 'Menu' })
    .getByRole('button', { name: 'Resepsionis' })
    .click();
  await fillNewVisitor(page, {
    fullName: 'Budi Santoso',
    phone: '0812-3456-7890',
    email: 'budi@contoh.id',
    purpose: 'Tidak bisa login',
  });
  await page.getByLabel('Pengunjung telah membaca pernyataan ini dan menyetujuinya.').check();
  await page.getByRole('button', { name: 'Daftarkan & beri nomor antrean' }).click();
  await expect(page.getByText(/Nomor antrean K-001/)).toBeVisible();

  await page
    .getByRole('navigation', { name: 'Menu' })
    .getByRole('button', { name: 'Konsultasi' })
    .click();
  await page.getByRole('button', { name: 'Panggil berikutnya' }).click();
  await page.getByRole('button', { name: 'Hadir — mulai konsultasi' }).click();
  await page.getByRole('button', { name: 'Tambah permasalahan' }).click();
  const card = page.locator('article.case-card');
  await card.getByLabel('Aplikasi').selectOption({ label: 'SPSE' });
  await card.getByLabel('Kategori permasalahan').selectOption({ label: 'Akun dan login' });
  await card
    .getByLabel('Uraian permasalahan')
    .fill('Akun terkunci setelah salah kata sandi berkali-kali.');
  await expect(card.getByText(/Tersimpan otomatis/)).toBeVisible();
  const caseCode = (await card.locator('.case-code').textContent()) ?? '';
  await card.getByRole('button', { name: 'Eskalasi ke helpdesk' }).click();
  await expect(
    card.getByText('Dieskalasi — menunggu pengiriman ke helpdesk').first(),
  ).toBeVisible();

  // Delivered to the real RT.
  await page
    .getByRole('navigation', { name: 'Menu' })
    .getByRole('button', { name: 'Tindak lanjut' })
    .click();
  const row = page.locator(`tr[data-case-code="${caseCode}"]`);
  await expect(async () => {
    await page.getByRole('button', { name: 'Periksa status helpdesk' }).click();
    await expect(row).toContainText('Ditangani helpdesk.', { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  const ticketId = /#(\d+)/.exec((await row.textContent()) ?? '')?.[1] ?? '';
  expect(ticketId).not.toBe('');
  await expectAccessible(page, 'follow-up with a delivered case');

  // The backend resolves it; the officer sees it is theirs to confirm.
  await rtAdmin(rt).setStatus(ticketId, 'resolved');
  await page.getByRole('button', { name: 'Periksa status helpdesk' }).click();
  await expect(row).toContainText('Helpdesk selesai: konfirmasi hasilnya ke pengunjung.');
  await screenshot(page, '14-follow-up-confirm');
  await row.getByRole('button', { name: 'Diterima (telepon)' }).click();
  await expect(page.getByText('Konfirmasi dicatat.')).toBeVisible();
  await expect(page.getByText('Tidak ada kasus yang menunggu tindak lanjut.')).toBeVisible();
});
