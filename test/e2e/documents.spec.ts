import type { Page } from '@playwright/test';
import { expect, expectAccessible, screenshot, test } from './loket-fixture';
import { activePdf, pdfOfPages, png } from '../helpers/document-files';
import { NOTICE_READ_OUT, fillNewVisitor, openScreen, setupAndLogin } from './support/steps';

async function providerInConsultation(page: Page, launchUrl: string): Promise<void> {
  await setupAndLogin(page, launchUrl);
  await fillNewVisitor(page, {
    fullName: 'Budi Santoso',
    phone: '0812-3456-7890',
    institution: 'CV Maju Jaya',
    visitorType: 'Penyedia — badan usaha',
    purpose: 'Verifikasi NIB',
  });
  await page.getByLabel(NOTICE_READ_OUT).check();
  await page.getByRole('button', { name: 'Daftarkan dan beri nomor antrean' }).click();
  await expect(page.getByText(/Nomor antrean K-001/)).toBeVisible();
  await openScreen(page, 'Konsultasi');
  await page.getByRole('button', { name: 'Panggil antrean berikutnya' }).click();
  await page
    .locator('[data-queue="K-001"]')
    .getByRole('button', { name: 'Hadir — mulai konsultasi' })
    .click();
  await page.getByRole('button', { name: 'Tambah permasalahan' }).click();
}

test("a provider's PDF is taken as the business licence before a category is chosen, and hostile files are refused with their reason", async ({
  page,
  loket,
}) => {
  test.setTimeout(150_000);
  await providerInConsultation(page, loket.launchUrl);
  const card = page.locator('article.case-card').first();
  const fileInput = card.locator('input[type="file"]');
  // No category yet, so the checklist asks for nothing; the visitor is a provider without a
  // licence on the case: the PDF they hand over is most likely their NIB.
  await fileInput.setInputFiles({
    name: 'NIB CV Maju Jaya.pdf',
    mimeType: 'application/pdf',
    buffer: await pdfOfPages(2),
  });
  await expect(card.getByText('1 berkas dilampirkan.')).toBeVisible({ timeout: 15_000 });
  await expect(card.getByText('PDF · 2 hlm')).toBeVisible();
  await expect(card.getByLabel('Jenis dokumen')).toHaveValue('business_licence');
  await card
    .getByLabel('Kategori permasalahan')
    .selectOption({ label: 'Pendaftaran dan verifikasi penyedia' });
  await expect(card.getByText('Pindaian/salinan izin usaha (mis. NIB): ada')).toBeVisible();
  // A second PDF is not a second licence.
  await fileInput.setInputFiles({
    name: 'surat kuasa.pdf',
    mimeType: 'application/pdf',
    buffer: await pdfOfPages(1),
  });
  await expect(card.getByLabel('Jenis dokumen').nth(1)).toHaveValue('other');
  await fileInput.setInputFiles({
    name: 'layar.png',
    mimeType: 'image/png',
    buffer: png(64, 40),
  });
  await expect(card.getByLabel('Jenis dokumen').nth(2)).toHaveValue('screenshot');

  await fileInput.setInputFiles({
    name: 'formulir.pdf',
    mimeType: 'application/pdf',
    buffer: await activePdf('openAction'),
  });
  await expect(
    card.getByText(/formulir\.pdf: PDF ini berisi skrip, tindakan otomatis, atau berkas sisipan/),
  ).toBeVisible();
  await expect(card.locator('.documents__item')).toHaveCount(3);
  await expectAccessible(page, 'consultation (documents, refused file)');
  for (const [width, height] of [
    [1024, 768],
    [1366, 768],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width, height });
    const section = card.locator('.documents').locator('xpath=..');
    await section.scrollIntoViewIfNeeded();
    await section.screenshot({ path: `test-results/screens/documents-${width}x${height}.png` });
    await page.screenshot({ path: `test-results/screens/documents-page-${width}x${height}.png` });
  }
  await screenshot(page, '13-consultation-documents-refused');
});
