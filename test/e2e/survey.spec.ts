import type { Page } from '@playwright/test';
import { SKM_QUESTIONS } from '../../shared/domain/skm';
import { expect, expectAccessible, screenshot, test } from './loket-fixture';
import {
  NOTICE_READ_OUT,
  checkInNewVisitor,
  fillNewVisitor,
  openScreen,
  setupAndLogin,
  startConsultationWithCase,
} from './support/steps';

/** Reception checks Budi in; the officer serves him, records one problem and hands him the survey. */
async function serveAndHandOver(page: Page): Promise<void> {
  await checkInNewVisitor(page, {
    fullName: 'Budi Santoso',
    phone: '0812-3456-7890',
    purpose: 'Lupa kata sandi',
  });
  const card = await startConsultationWithCase(page);
  await card.getByLabel('Kategori permasalahan').selectOption({ label: 'Akun dan login' });
  await expect(card.getByText(/Tersimpan otomatis/)).toBeVisible();
}

async function openSurveyWindow(page: Page): Promise<Page> {
  const popup = page.waitForEvent('popup');
  await page.getByRole('button', { name: 'Buka layar survei (layar pengunjung)' }).click();
  const survey = await popup;
  await expect(
    survey.getByRole('heading', {
      name: 'Selamat datang di Layanan Konsultasi Tatap Muka Dukungan Penggunaan SPSE',
    }),
  ).toBeVisible();
  return survey;
}

test('a visitor answers the survey by tapping, skips the profile, and the officer sees only "finished"', async ({
  page,
  loket,
}) => {
  test.setTimeout(120_000); // eight engineers share two cores: a minute is not always enough
  await setupAndLogin(page, loket.launchUrl);
  await serveAndHandOver(page);
  const survey = await openSurveyWindow(page);
  await expect(
    survey.getByText('Survei akan muncul di layar ini setelah konsultasi Anda selesai.'),
  ).toBeVisible();
  await expectAccessible(survey, 'survey welcome (idle)');

  await page.getByRole('button', { name: 'Tampilkan survei kepuasan kepada pengunjung' }).click();
  await expect(page.getByText('Survei: menunggu pengunjung')).toBeVisible();
  await survey.getByRole('button', { name: 'Mulai survei' }).click();
  await expect(page.getByText('Survei: sedang diisi')).toBeVisible();

  for (const [i, q] of SKM_QUESTIONS.entries()) {
    await expect(survey.getByText(`Pertanyaan ${i + 1} dari 9`)).toBeVisible();
    await expect(survey.getByRole('heading', { name: q.question.id })).toBeVisible();
    if (i === 0) {
      await expectAccessible(survey, 'survey question');
      await screenshot(survey, '20-survey-question');
      const box = await survey.getByRole('button', { name: q.answers[3].id }).boundingBox();
      expect(box?.height ?? 0).toBeGreaterThanOrEqual(48);
    }
    await survey.waitForTimeout(750); // a person reads the question; taps in a burst are ignored
    await survey.getByRole('button', { name: q.answers[i === 2 ? 2 : 3].id, exact: true }).click();
  }
  await expect(
    survey.getByRole('heading', { name: 'Data responden (boleh dilewati)' }),
  ).toBeVisible();
  await expectAccessible(survey, 'survey profile');
  await survey.getByRole('button', { name: 'Lewati' }).click();
  await survey.getByLabel('Tulis kritik atau saran Anda').fill('Petugas ramah dan cepat.');
  await expectAccessible(survey, 'survey comment');
  await survey.getByRole('button', { name: 'Kirim jawaban' }).click();
  await expect(
    survey.getByRole('heading', { name: 'Terima kasih! Jawaban Anda sudah kami terima.' }),
  ).toBeVisible();
  await expectAccessible(survey, 'survey thank-you');
  await screenshot(survey, '21-survey-thanks');

  await expect(page.getByText('Survei: selesai')).toBeVisible();
  // The officer's screen never shows an answer.
  await expect(page.locator('body')).not.toContainText('Sangat sesuai');
  await expect(page.locator('body')).not.toContainText('Petugas ramah dan cepat.');

  // The thank-you screen returns to the welcome screen by itself.
  await expect(
    survey.getByText('Survei akan muncul di layar ini setelah konsultasi Anda selesai.'),
  ).toBeVisible({ timeout: 15_000 });

  // The survey screen's own credentials cannot reach any staff method.
  const refused = await survey.evaluate(async () => {
    const launch = sessionStorage.getItem('loket.launchToken') ?? '';
    const display = sessionStorage.getItem('loket.display') ?? '';
    const call = async (path: string) => {
      const res = await fetch(path, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Authorization: `Bearer ${launch}`,
          'X-Loket-Session': display,
        },
        body: JSON.stringify({ input: {} }),
      });
      return ((await res.json()) as { error?: { code: string } }).error?.code;
    };
    return [
      await call('/api/survey/visit.listForDay'),
      await call('/api/staff/visit.listForDay'),
      await call('/api/survey/staff.list'),
    ];
  });
  expect(refused).toEqual(['WINDOW_NOT_ALLOWED', 'FORBIDDEN', 'WINDOW_NOT_ALLOWED']);

  // The supervisor's report counts the answer, but one answer alone is not shown: its scores
  // would be this visitor's (fewer than 5 respondents in the period).
  await openScreen(page, 'Laporan');
  await page.getByRole('button', { name: 'Indeks Kepuasan Masyarakat (IKM)' }).click();
  await expect(
    page.getByRole('heading', { name: /^Kurang dari 5 responden pada periode ini/ }),
  ).toBeVisible();
  await expect(page.getByText(/^Jumlah responden 1 dari populasi/)).toBeVisible();
  await expect(page.getByRole('heading', { name: /^Nilai rata-rata per unsur/ })).toHaveCount(0);
  await expect(page.getByText('Petugas ramah dan cepat.')).toBeVisible();
  await expectAccessible(page, 'IKM report');
  await screenshot(page, '22-ikm-report');
  const pdf = page.waitForEvent('download');
  await page.getByRole('button', { name: 'PDF', exact: true }).click();
  expect((await pdf).suggestedFilename()).toMatch(/^ikm-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.pdf$/);
});

test.describe('when left idle', () => {
  test.use({ loketArgs: ['--survey-idle-seconds', '2'] });

  test('an abandoned survey asks "still there?", then clears itself and returns to the welcome screen', async ({
    page,
    loket,
  }) => {
    await setupAndLogin(page, loket.launchUrl);
    await serveAndHandOver(page);
    const survey = await openSurveyWindow(page);
    await page.getByRole('button', { name: 'Tampilkan survei kepuasan kepada pengunjung' }).click();
    await survey.getByRole('button', { name: 'Mulai survei' }).click();
    await survey.waitForTimeout(750);
    // A burst of taps is one answer, not answers to the next questions as they appear.
    const answer = survey.getByRole('button', { name: 'Sangat sesuai', exact: true });
    await answer.click();
    await survey
      .getByRole('button', { name: 'Sangat mudah', exact: true })
      .click({ timeout: 1000 });
    await expect(survey.getByText('Pertanyaan 2 dari 9')).toBeVisible();
    await survey.waitForTimeout(300);
    await expect(survey.getByText('Pertanyaan 2 dari 9')).toBeVisible();
    await expect(
      survey.getByRole('alertdialog', { name: 'Apakah Anda masih mengisi survei?' }),
    ).toBeVisible({
      timeout: 5000,
    });
    await expectAccessible(survey, 'survey still-there prompt');
    await screenshot(survey, '23-survey-still-there');
    await expect(survey.getByRole('button', { name: 'Mulai survei' })).toBeVisible({
      timeout: 10_000,
    });
    // Nothing was kept: starting again begins at question 1 with no answer chosen.
    await survey.getByRole('button', { name: 'Mulai survei' }).click();
    await expect(survey.getByText('Pertanyaan 1 dari 9')).toBeVisible();
    await expect(survey.locator('[aria-pressed="true"].survey-answer')).toHaveCount(0);
  });
});

/** Reception checks a visitor in; returns after the queue number is shown. */
async function checkIn(page: Page, fullName: string, phone: string, queue: string): Promise<void> {
  await openScreen(page, 'Resepsionis');
  await fillNewVisitor(page, { fullName, phone, purpose: 'Konsultasi SPSE' });
  await page.getByLabel(NOTICE_READ_OUT).check();
  await page.getByRole('button', { name: 'Daftarkan dan beri nomor antrean' }).click();
  await expect(page.getByText(new RegExp(`Nomor antrean ${queue}`))).toBeVisible();
}

/** The officer calls the next visitor, records one problem of this category and hands over the survey. */
async function serveNext(page: Page, category: string): Promise<void> {
  await page.getByRole('button', { name: 'Panggil antrean berikutnya' }).click();
  await page.getByRole('button', { name: 'Hadir — mulai konsultasi' }).click();
  await page.getByRole('button', { name: 'Tambah permasalahan' }).click();
  const card = page.locator('article.case-card').last();
  await card.getByLabel('Kategori permasalahan').selectOption({ label: category });
  await expect(card.getByText(/Tersimpan otomatis/)).toBeVisible();
  await page.getByRole('button', { name: 'Tampilkan survei kepuasan kepada pengunjung' }).click();
}

async function answerAll(survey: Page, pick: 0 | 3): Promise<void> {
  for (const [i, q] of SKM_QUESTIONS.entries()) {
    await expect(survey.getByText(`Pertanyaan ${i + 1} dari 9`)).toBeVisible();
    await survey.waitForTimeout(750);
    await survey.getByRole('button', { name: q.answers[pick].id, exact: true }).click();
  }
  await survey.getByRole('button', { name: 'Lewati' }).click();
  await survey.getByRole('button', { name: 'Kirim jawaban' }).click();
  await expect(
    survey.getByRole('heading', { name: 'Terima kasih! Jawaban Anda sudah kami terima.' }),
  ).toBeVisible();
}

const SIZES = [
  { width: 1024, height: 768 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;

test('a desk day with two surveys pending at once files each answer under its own visit', async ({
  page,
  loket,
}) => {
  test.setTimeout(120_000);
  await setupAndLogin(page, loket.launchUrl);
  await checkIn(page, 'Budi Santoso', '0812-3456-7890', 'K-001');
  await checkIn(page, 'Wayan Sudarma', '0813-1111-2222', 'K-002');
  await openScreen(page, 'Konsultasi');
  const survey = await openSurveyWindow(page);

  await serveNext(page, 'Akun dan login'); // K-001
  await serveNext(page, 'Proses dan jadwal tender'); // K-002, now the open visit
  const status = page.locator('.survey-status');
  await expect(status).toHaveText(/Survei: menunggu pengunjung · urutan ke-2 di layar survei/);

  // The screen offers the oldest hand-over by its queue number, and says another one waits.
  await expect(survey.getByText('Survei untuk nomor antrean')).toBeVisible();
  await expect(
    survey.getByText('Pastikan nomor ini sama dengan nomor antrean Anda.'),
  ).toBeVisible();
  await expect(survey.locator('.survey-offer__number')).toHaveText('K-001');
  await expect(survey.getByText('Survei 1 dari 2 yang menunggu di layar ini')).toBeVisible();
  await expect(survey.locator('body')).not.toContainText('Budi');
  await expect(survey.locator('body')).not.toContainText('Wayan');
  await expectAccessible(survey, 'survey welcome with two pending');
  for (const size of SIZES) {
    await survey.setViewportSize(size);
    await page.setViewportSize(size);
    await screenshot(survey, `24-survey-two-pending-${size.width}x${size.height}`);
    await screenshot(page, `25-officer-survey-position-${size.width}x${size.height}`);
  }
  // "Not my number" steps to the next waiting survey and round again.
  await survey.getByRole('button', { name: 'Bukan nomor saya?' }).click();
  await expect(survey.locator('.survey-offer__number')).toHaveText('K-002');
  await expect(survey.getByText('Survei 2 dari 2 yang menunggu di layar ini')).toBeVisible();
  await survey.getByRole('button', { name: 'Bukan nomor saya?' }).click();
  await expect(survey.locator('.survey-offer__number')).toHaveText('K-001');

  // K-001 answers first: K-001's visit is being filled in, K-002 still waits.
  await survey.getByRole('button', { name: 'Mulai survei' }).click();
  await expect(survey.getByText('Nomor antrean K-001')).toBeVisible();
  await screenshot(survey, '27-survey-question-for-queue-number');
  await expect(status).toHaveText(/Survei: menunggu pengunjung · urutan ke-2/);
  await page.getByRole('button', { name: 'Buka K-001' }).click();
  await expect(status).toHaveText('Survei: sedang diisi');
  await answerAll(survey, 3);
  await expect(status).toHaveText('Survei: selesai');
  await page.getByRole('button', { name: 'Buka K-002' }).click();
  await expect(status).toHaveText(/Survei: menunggu pengunjung · urutan ke-1/);

  // Back on the welcome screen the one left is K-002's, alone.
  await expect(survey.locator('.survey-offer__number')).toHaveText('K-002', { timeout: 15_000 });
  await expect(survey.getByRole('button', { name: 'Bukan nomor saya?' })).toHaveCount(0);
  await survey.getByRole('button', { name: 'Mulai survei' }).click();
  await answerAll(survey, 0);
  await expect(status).toHaveText('Survei: selesai');
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await screenshot(page, `26-officer-survey-finished-${size.width}x${size.height}`);
  }
  await page.getByRole('button', { name: 'Buka K-001' }).click();
  await expect(status).toHaveText('Survei: selesai');

  // Two answers: no category, officer or month of fewer than 5 respondents is shown, so that
  // an answer cannot be traced to its visitor; the screen says how many groups are hidden.
  await openScreen(page, 'Laporan');
  await page.getByRole('button', { name: 'Indeks Kepuasan Masyarakat (IKM)' }).click();
  await expect(page.getByRole('row', { name: /Akun dan login/ })).toHaveCount(0);
  await expect(page.getByRole('row', { name: /Proses dan jadwal tender/ })).toHaveCount(0);
  await expect(
    page.getByText('2 kelompok dengan kurang dari 5 responden tidak ditampilkan', { exact: false }),
  ).toBeVisible();
  await expectAccessible(page, 'IKM report, small groups hidden');
  await screenshot(page, '22b-ikm-report-small-groups');
});
