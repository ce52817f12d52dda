import { ReferenceHelpdesk } from '../helpers/json-helpdesk/reference-backend';
import { expect, expectAccessible, screenshot, test } from './loket-fixture';
import { escalateLockedAccount, openScreen, setupAndLogin } from './support/steps';

const SIZES = [
  { width: 1024, height: 768 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;

test('the officer is told plainly that no helpdesk is set up, and a failed check is never green', async ({
  page,
  loket,
}) => {
  test.setTimeout(90_000);
  await setupAndLogin(page, loket.launchUrl);
  const caseCode = await escalateLockedAccount(page);
  await openScreen(page, 'Tindak lanjut');
  const row = page.locator(`tr[data-case-code="${caseCode}"]`);
  await expect(row).toContainText('Belum dapat dikirim: helpdesk belum diatur oleh administrator.');
  await expect(page.locator('.followup__problems')).toContainText(
    'Helpdesk belum diatur: 1 kasus belum dapat dikirim.',
  );
  // Minutes read as minutes: never "menunggu 0:00 jam".
  await expect(page.locator('#main')).toContainText(/menunggu \d+ menit/);
  await expect(page.locator('#main')).not.toContainText(/\d:\d\d jam/);
  await expect(row).toContainText(/sisa 2[34] jam( \d+ menit)?/);
  // The clock says how it counts: calendar hours until the admin sets service hours.
  await expect(page.getByTestId('followup-counting-mode')).toContainText('jam kalender');

  // "Periksa status helpdesk" with nothing to ask says why, as an error.
  await page.getByRole('button', { name: 'Periksa status helpdesk' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'Helpdesk belum diatur.' });
  await expect(alert).toBeVisible();
  await expect(page.getByText('Status helpdesk diperbarui.')).toHaveCount(0);

  // The banner on every staff screen says the same after its next poll (a reload here).
  await page.reload();
  await openScreen(page, 'Tindak lanjut');
  await expect(page.locator('.sync-banner')).toContainText(
    'Helpdesk belum diatur: 1 kasus belum dapat dikirim.',
  );

  // No reason is chosen for the officer: the pause button waits for one.
  const pause = row.getByRole('button', { name: 'Tangguhkan penghitungan waktu' });
  await expect(row.getByLabel('Alasan penangguhan')).toHaveValue('');
  await expect(pause).toBeDisabled();
  await expectAccessible(page, 'follow-up without a helpdesk');
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await screenshot(page, `30-follow-up-no-helpdesk-${size.width}x${size.height}`);
  }
  await page.setViewportSize({ width: 1366, height: 900 });

  // A double click stops the clock once: the second press is ignored while the first is sent.
  await row
    .getByLabel('Alasan penangguhan')
    .selectOption({ label: 'menunggu konfirmasi/tindak lanjut pengguna' });
  await pause.dblclick();
  await expect(
    page.getByRole('status').filter({ hasText: 'Penghitungan waktu 1 × 24 jam ditangguhkan.' }),
  ).toBeVisible();
  await expect(page.getByText('Penghitungan waktu kasus ini sudah ditangguhkan.')).toHaveCount(0);
  await expect(row).toContainText('ditangguhkan: menunggu konfirmasi/tindak lanjut pengguna');
});

test('a ticket that cannot be read is shown on its case, and the check says it failed', async ({
  page,
  loket,
}) => {
  test.setTimeout(120_000);
  const helpdesk = new ReferenceHelpdesk();
  await helpdesk.start();
  try {
    await setupAndLogin(page, loket.launchUrl);
    await openScreen(page, 'Kelola petugas');
    await page.getByLabel('API HTTPS JSON (kontrak Loket)').check();
    await page.getByLabel('Alamat API').fill(helpdesk.baseUrl);
    await page.getByLabel('Token API').fill(helpdesk.token);
    await page.getByRole('button', { name: 'Simpan pengaturan', exact: true }).click();
    await expect(page.getByText('Pengaturan helpdesk disimpan.')).toBeVisible();
    await openScreen(page, 'Resepsionis');
    const caseCode = await escalateLockedAccount(page);
    await openScreen(page, 'Tindak lanjut');
    const row = page.locator(`tr[data-case-code="${caseCode}"]`);
    await expect(async () => {
      await page.getByRole('button', { name: 'Periksa status helpdesk' }).click();
      await expect(row).toContainText('Sedang ditangani helpdesk.', { timeout: 1000 });
    }).toPass({ timeout: 30_000 });
    await expect(page.getByText('Status helpdesk diperiksa: 1 tiket terbaca.')).toBeVisible();

    // The helpdesk goes down: the check says so as an error, and the case keeps the reason.
    await helpdesk.stop();
    await page.getByRole('button', { name: 'Periksa status helpdesk' }).click();
    await expect(page.getByRole('alert')).toContainText(
      'Status helpdesk diperiksa: 0 tiket terbaca, 1 gagal dibaca.',
    );
    await expect(row).toContainText(
      /Status tiket tidak terbaca \(helpdesk tidak dapat dihubungi, \d\d[.:]\d\d WIB\)\./,
    );
    await expectAccessible(page, 'follow-up with a ticket that cannot be read');
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await screenshot(page, `31-follow-up-poll-failed-${size.width}x${size.height}`);
    }
  } finally {
    await helpdesk.stop();
  }
});
