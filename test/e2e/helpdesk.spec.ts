import { startRt, type RtInstance } from '../helpers/rt/rt-instance';
import { rtAdmin } from '../helpers/rt/rt-setup';
import { expect, expectAccessible, screenshot, test } from './loket-fixture';
import { escalateLockedAccount, openScreen, setupAndLogin } from './support/steps';

let rt: RtInstance;

test.beforeAll(async () => {
  rt = await startRt();
  await rtAdmin(rt).setup();
});

test.afterAll(async () => {
  await rt?.stop();
});

test('an officer escalates a case, follows its clock and pauses, reopens it when not solved, and closes it after the visitor accepts', async ({
  page,
  loket,
}) => {
  test.setTimeout(120_000);
  await setupAndLogin(page, loket.launchUrl);

  // The administrator points Loket at the backend helpdesk.
  await openScreen(page, 'Kelola petugas');
  await page.getByLabel('Alamat Request Tracker').fill(rt.baseUrl);
  await page.getByLabel('Antrean (queue)').fill('Loket Escalations');
  await page.getByLabel('Akun helpdesk (nama pengguna)').fill(rt.username);
  await page.getByLabel('Kata sandi helpdesk').fill(rt.password);
  await page.getByRole('button', { name: 'Simpan pengaturan', exact: true }).click();
  await expect(page.getByText('Pengaturan helpdesk disimpan.')).toBeVisible();
  await page.getByRole('button', { name: 'Periksa pengaturan' }).click();
  await expect(page.getByText('Helpdesk siap menerima kasus.')).toBeVisible();
  await expectAccessible(page, 'admin with helpdesk settings');
  await page
    .getByRole('heading', { name: 'Sistem helpdesk tujuan pengiriman' })
    .scrollIntoViewIfNeeded();
  await screenshot(page, '16-admin-helpdesk-settings');

  await openScreen(page, 'Resepsionis');
  const caseCode = await escalateLockedAccount(page);

  // Delivered to the real RT.
  await openScreen(page, 'Tindak lanjut');
  const row = page.locator(`tr[data-case-code="${caseCode}"]`);
  await expect(async () => {
    await page.getByRole('button', { name: 'Periksa status helpdesk' }).click();
    await expect(row).toContainText('Sedang ditangani helpdesk.', { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  const ticketId = /#(\d+)/.exec((await row.textContent()) ?? '')?.[1] ?? '';
  expect(ticketId).not.toBe('');
  await expectAccessible(page, 'follow-up with a delivered case');

  // The visitor still owes a document: the officer stops the clock, then starts it again.
  await row
    .getByLabel('Alasan penangguhan')
    .selectOption({ label: 'menunggu konfirmasi/tindak lanjut pengguna' });
  await row.getByRole('button', { name: 'Tangguhkan penghitungan waktu' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Penghitungan waktu 1 × 24 jam ditangguhkan.' }),
  ).toBeVisible();
  await expect(row).toContainText('ditangguhkan: menunggu konfirmasi/tindak lanjut pengguna');
  await row.getByRole('button', { name: 'Lanjutkan penghitungan waktu' }).click();
  await expect(page.getByText('Penghitungan waktu 1 × 24 jam dilanjutkan.')).toBeVisible();
  await expect(row).not.toContainText('ditangguhkan:');

  // The backend stalls the ticket on app development: Loket shows it paused, in Indonesian.
  const admin = rtAdmin(rt);
  await admin.stall(ticketId, 'development');
  await page.getByRole('button', { name: 'Periksa status helpdesk' }).click();
  await expect(row).toContainText('Ditangguhkan');
  await expect(row).toContainText('ditangguhkan: memerlukan pengembangan aplikasi');
  await expect(row).toContainText('Ditangguhkan oleh helpdesk');
  await expect(row.getByRole('button', { name: 'Lanjutkan penghitungan waktu' })).toHaveCount(0);
  await expect(page.getByText('Status helpdesk diperiksa: 1 tiket terbaca.')).toBeVisible();
  await screenshot(page, '14-follow-up-paused-by-backend');
  for (const size of [
    { width: 1024, height: 768 },
    { width: 1366, height: 768 },
    { width: 1920, height: 1080 },
  ]) {
    await page.setViewportSize(size);
    await screenshot(page, `14-follow-up-paused-by-backend-${size.width}x${size.height}`);
  }
  await page.setViewportSize({ width: 1366, height: 900 });

  // The backend resolves it; the officer calls the visitor, who says it is not solved.
  await admin.resolve(ticketId);
  await page.getByRole('button', { name: 'Periksa status helpdesk' }).click();
  await expect(row).toContainText(
    'Helpdesk telah menyelesaikan; konfirmasikan hasilnya kepada pengunjung.',
  );
  await expectAccessible(page, 'follow-up with a confirmation form');
  await screenshot(page, '15-follow-up-confirm');
  await row.getByLabel('Telepon').check();
  await row
    .getByLabel(/Catatan konfirmasi/)
    .fill('Masih tidak bisa login setelah kata sandi direset.');
  await row.getByRole('button', { name: 'Belum selesai — buka kembali tiket' }).click();
  await expect(
    page.getByText('Konfirmasi dicatat; tiket dibuka kembali di helpdesk.'),
  ).toBeVisible();
  await expect(row).toContainText('Sedang ditangani helpdesk.');
  await expect
    .poll(async () => (await admin.call('GET', `/ticket/${ticketId}`)).json.Status, {
      timeout: 30_000,
    })
    .toBe('open');

  // Resolved again; this time the visitor accepts and the case closes.
  await admin.resolve(ticketId);
  await page.getByRole('button', { name: 'Periksa status helpdesk' }).click();
  await row.getByLabel('Email').check();
  await row.getByRole('button', { name: 'Diterima — tutup kasus' }).click();
  await expect(page.getByText('Konfirmasi dicatat; kasus ditutup.')).toBeVisible();
  await expect(page.getByText('Tidak ada kasus yang menunggu tindak lanjut.')).toBeVisible();
});
