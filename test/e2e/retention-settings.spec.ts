import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from './loket-fixture';
import { checkInNewVisitor, openScreen, setupAndLogin } from './support/steps';

async function shoot(page: Page, name: string): Promise<void> {
  const card = page.locator('section', {
    has: page.getByRole('heading', { name: 'Masa simpan data pribadi' }),
  });
  for (const width of [1366, 1024]) {
    await page.setViewportSize({ width, height: 900 });
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `test-results/screens/retention-${name}-${width}.png` });
  }
  await page.setViewportSize({ width: 1366, height: 900 });
}

test('an administrator sets how long each purpose keeps personal data', async ({ page, loket }) => {
  await setupAndLogin(page, loket.launchUrl);
  await openScreen(page, 'Kelola petugas');
  const card = page.locator('section', {
    has: page.getByRole('heading', { name: 'Masa simpan data pribadi' }),
  });
  const cases = card.getByLabel('Kasus (formulir, catatan, konfirmasi)');
  await expect(card.getByLabel('Buku tamu (kunjungan)')).toHaveValue('2');
  await expect(cases).toHaveValue('2');
  await expect(card.getByLabel('Dokumen pendukung (berkas)')).toHaveValue('2');
  await shoot(page, 'default');

  await cases.fill('0');
  await card.getByRole('button', { name: 'Simpan masa simpan' }).click();
  await expect(cases).toHaveAttribute('aria-invalid', 'true');
  await shoot(page, 'invalid');

  await cases.fill('5');
  await card.getByRole('button', { name: 'Simpan masa simpan' }).click();
  await expect(
    card.getByText(/^Masa simpan disimpan\. .*\(versi 2026-12-n2-r2\.5\.2\)\.$/),
  ).toBeVisible();
  await expectAccessible(page, 'retention settings');
  await shoot(page, 'saved');

  await page.reload();
  await openScreen(page, 'Kelola petugas');
  await expect(
    page
      .locator('section', { has: page.getByRole('heading', { name: 'Masa simpan data pribadi' }) })
      .getByLabel('Kasus (formulir, catatan, konfirmasi)'),
  ).toHaveValue('5');

  // Reception gives the notice with the periods just saved, and a check-in records that version.
  await openScreen(page, 'Resepsionis');
  await page.getByText('Tampilkan teks pemberitahuan').click();
  await expect(page.getByText(/data kasus selama 5 \(lima\) tahun/)).toBeVisible();
  await expect(page.getByText('Versi pemberitahuan: 2026-12-n2-r2.5.2')).toBeVisible();
  await checkInNewVisitor(page, {
    fullName: 'Wulan Sari',
    phone: '0815-1111-2222',
    purpose: 'Tanya jadwal pelatihan',
  });
});
