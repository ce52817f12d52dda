import { join } from 'node:path';
import Database from 'better-sqlite3';
import { currentNotice } from '../../shared/domain/privacy-notice';
import { damageLeafPageOf } from '../helpers/damage';
import { expect, expectAccessible, screenshot, test } from './loket-fixture';
import { setupAndLogin } from './support/steps';

const VIEWPORTS = [
  { width: 1024, height: 768 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
];

test('every staff screen says when the database was found damaged, and when the disk runs low', async ({
  page,
  loket,
}) => {
  test.setTimeout(120_000);
  await setupAndLogin(page, loket.launchUrl);
  // Enough visits for the visit table to span many pages, checked in through the real API.
  const saved = await page.evaluate(
    async ({ noticeVersion }) => {
      let ok = 0;
      const launch = sessionStorage.getItem('loket.launchToken') ?? '';
      const session = sessionStorage.getItem('loket.session') ?? '';
      for (let i = 0; i < 150; i++) {
        const res = await fetch('/api/staff/visit.checkIn', {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            Authorization: `Bearer ${launch}`,
            'X-Loket-Session': session,
          },
          body: JSON.stringify({
            input: {
              fullName: `Pengunjung Uji ${i}`,
              phone: `0812${String(i).padStart(8, '0')}`,
              purpose: 'Konsultasi SPSE dengan keterangan yang cukup panjang',
              noticeVersion,
              noticeDelivery: 'read_out',
            },
          }),
        });
        if (((await res.json()) as { ok: boolean }).ok) ok++;
      }
      return ok;
    },
    { noticeVersion: currentNotice().version },
  );
  expect(saved).toBe(150);

  // A page of the running host's database goes bad on disk; a write by another connection
  // makes the host read its pages from the file again.
  const file = join(loket.dataDir, 'loket.sqlite');
  const other = new Database(file);
  other.pragma('wal_checkpoint(TRUNCATE)');
  damageLeafPageOf(file, 'visit');
  other.prepare("INSERT INTO app_setting (key, value) VALUES ('e2e_touch', '1')").run();
  other.close();

  // The day's list reads the damaged page: the refusal says what happened and what to do.
  await page.reload();
  await expect(
    page.getByText(/^Basis data Loket rusak: perubahan tidak dapat disimpan/),
  ).toBeVisible();
  // The banner polls every 30 s; a reload asks at once.
  await page.reload();
  await expect(
    page.getByRole('alert').filter({ hasText: 'perubahan tidak disimpan' }),
  ).toBeVisible();
  await expectAccessible(page, 'storage banner, damaged');
  for (const v of VIEWPORTS) {
    await page.setViewportSize(v);
    await screenshot(page, `storage-damaged-${v.width}x${v.height}`);
  }

  // Low free space: the real answer with less room than the threshold (a real disk is not filled).
  await page.route('**/api/staff/storage.status', async (route) => {
    const real = await route.fetch();
    const body = (await real.json()) as { ok: boolean; value: Record<string, unknown> };
    await route.fulfill({
      json: { ok: true, value: { ...body.value, damaged: false, lowDisk: true, freeBytes: 6e8 } },
    });
  });
  await page.reload();
  await expect(
    page.getByText(/Ruang disk folder data Loket hampir habis \(tersisa 0,6 GB\)/),
  ).toBeVisible();
  await expectAccessible(page, 'storage banner, low disk');
  for (const v of VIEWPORTS) {
    await page.setViewportSize(v);
    await screenshot(page, `storage-low-disk-${v.width}x${v.height}`);
  }
});
