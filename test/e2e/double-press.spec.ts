import type { Page } from '@playwright/test';
import { SKM_QUESTIONS } from '../../shared/domain/skm';
import { expect, test } from './loket-fixture';
import { fillNewVisitor, setupAndLogin, startConsultationWithCase } from './support/steps';

const NOTICE_READ_OUT = 'Dibacakan kepada pengunjung';
const rowOf = (page: Page, queue: string) => page.locator(`tr[data-queue="${queue}"]`);

/** Counts the calls a page makes to one API method, e.g. `staff/visit.checkOut`. */
function countCalls(page: Page, method: string): () => number {
  let calls = 0;
  page.on('request', (r) => {
    if (new URL(r.url()).pathname === `/api/${method}`) calls += 1;
  });
  return () => calls;
}

async function checkIn(page: Page, fullName: string, queue: string): Promise<void> {
  await fillNewVisitor(page, { fullName, phone: '0812-3456-7890', purpose: 'Konsultasi SPSE' });
  await page.getByLabel(NOTICE_READ_OUT).check();
  await page.getByRole('button', { name: 'Daftarkan dan beri nomor antrean' }).click();
  await expect(rowOf(page, queue)).toBeVisible();
}

test('a double press on check-out confirmation checks the visitor out once', async ({
  page,
  loket,
}) => {
  await setupAndLogin(page, loket.launchUrl);
  await checkIn(page, 'Budi Santoso', 'K-001');
  const checkOuts = countCalls(page, 'staff/visit.checkOut');
  await rowOf(page, 'K-001').getByRole('button', { name: 'Catat keluar K-001' }).click();
  await page
    .getByRole('group', { name: /Catat keluar K-001/ })
    .getByRole('button', { name: 'Ya, catat keluar' })
    .dblclick();
  await expect(page.getByText('K-001 telah dicatat keluar.')).toBeVisible();
  await expect(rowOf(page, 'K-001')).toContainText('Pulang sebelum dilayani');
  await page.waitForTimeout(500); // a second call, had one been sent, would have arrived by now
  expect(checkOuts()).toBe(1);
  await expect(page.getByRole('alert')).toHaveCount(0); // no "already closed" error either
});

test('two presses on check-out confirmation in the same instant check the visitor out once', async ({
  page,
  loket,
}) => {
  await setupAndLogin(page, loket.launchUrl);
  await checkIn(page, 'Budi Santoso', 'K-001');
  const checkOuts = countCalls(page, 'staff/visit.checkOut');
  await rowOf(page, 'K-001').getByRole('button', { name: 'Catat keluar K-001' }).click();
  // A bouncing key or a twitchy touch: both presses arrive before the screen can re-render.
  await page
    .getByRole('group', { name: /Catat keluar K-001/ })
    .getByRole('button', { name: 'Ya, catat keluar' })
    .evaluate((button: HTMLElement) => {
      button.click();
      button.click();
    });
  await expect(page.getByText('K-001 telah dicatat keluar.')).toBeVisible();
  await page.waitForTimeout(500);
  expect(checkOuts()).toBe(1);
});

test('a double press on a register export downloads it once', async ({ page, loket }) => {
  await setupAndLogin(page, loket.launchUrl);
  await checkIn(page, 'Budi Santoso', 'K-001');
  const exports = countCalls(page, 'staff/register.export');
  let downloads = 0;
  page.on('download', () => (downloads += 1));
  await page.getByRole('button', { name: 'Unduh CSV' }).dblclick();
  await expect(page.getByText(/\.csv/)).toBeVisible();
  await page.waitForTimeout(1000);
  expect(exports()).toBe(1);
  expect(downloads).toBe(1);
});

test('a double press on "Kirim jawaban" submits the survey once', async ({ page, loket }) => {
  test.setTimeout(120_000); // nine questions, each read before it is answered
  await setupAndLogin(page, loket.launchUrl);
  await checkIn(page, 'Budi Santoso', 'K-001');
  const card = await startConsultationWithCase(page);
  await card.getByLabel('Kategori permasalahan').selectOption({ label: 'Akun dan login' });
  await expect(card.getByText(/Tersimpan otomatis/)).toBeVisible();
  const popup = page.waitForEvent('popup');
  await page.getByRole('button', { name: 'Buka layar survei (layar pengunjung)' }).click();
  const survey = await popup;
  const submits = countCalls(survey, 'survey/survey.submit');
  const starts = countCalls(survey, 'survey/survey.start');
  await page.getByRole('button', { name: 'Tampilkan survei kepuasan kepada pengunjung' }).click();
  await survey.getByRole('button', { name: 'Mulai survei' }).dblclick();
  for (const [i, q] of SKM_QUESTIONS.entries()) {
    await expect(survey.getByText(`Pertanyaan ${i + 1} dari 9`)).toBeVisible();
    await survey.waitForTimeout(750);
    await survey.getByRole('button', { name: q.answers[3].id, exact: true }).click();
  }
  await survey.getByRole('button', { name: 'Lewati' }).click();
  await survey.getByRole('button', { name: 'Kirim jawaban' }).dblclick();
  await expect(
    survey.getByRole('heading', { name: 'Terima kasih! Jawaban Anda sudah kami terima.' }),
  ).toBeVisible();
  await survey.waitForTimeout(500);
  expect(submits()).toBe(1);
  expect(starts()).toBe(1);
  await expect(page.getByText('Survei: selesai')).toBeVisible();
});
