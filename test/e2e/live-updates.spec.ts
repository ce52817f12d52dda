import { test, expect, expectAccessible } from './loket-fixture';
import { ADMIN, checkInNewVisitor, openScreen, setupAndLogin } from './support/steps';

/**
 * Two desks on one host: what reception does reaches the consultation screen by the push
 * stream. The screens' fallback poll is 15 s or more, so only the push can pass these timeouts.
 */
const PUSHED_WITHIN_MS = 3_000;

test('a check-in at reception shows on the consultation screen without a reload', async ({
  browser,
  page: reception,
  loket,
}) => {
  await setupAndLogin(reception, loket.launchUrl);

  const officerContext = await browser.newContext();
  const officer = await officerContext.newPage();
  await officer.goto(loket.launchUrl);
  await officer.getByLabel('Nama pengguna').fill(ADMIN.username);
  await officer.getByLabel('PIN').fill(ADMIN.pin);
  await officer.getByRole('button', { name: 'Masuk' }).click();
  await openScreen(officer, 'Konsultasi');
  await expect(officer.getByRole('button', { name: 'Panggil antrean berikutnya' })).toBeVisible();
  // Let the stream open (its first resync reloads the screen once).
  await officer.waitForTimeout(1_000);
  await expect(officer.getByText('Rini Lestari')).toHaveCount(0);

  await checkInNewVisitor(reception, {
    fullName: 'Rini Lestari',
    phone: '081298765432',
    purpose: 'Konsultasi akun SPSE',
  });
  await expect(officer.getByText('Rini Lestari').first()).toBeVisible({
    timeout: PUSHED_WITHIN_MS,
  });

  // The board opened from the consultation screen shows the call, by number only.
  const [board] = await Promise.all([
    officerContext.waitForEvent('page'),
    officer.getByRole('button', { name: 'Buka layar antrean' }).click(),
  ]);
  await expect(board.getByRole('heading', { name: 'Nomor dipanggil' })).toBeVisible();
  await expect(board.getByText('Belum ada panggilan')).toBeVisible();
  await officer.getByRole('button', { name: 'Panggil antrean berikutnya' }).click();
  await expect(board.locator('.board__number', { hasText: 'K-001' })).toBeVisible({
    timeout: PUSHED_WITHIN_MS,
  });
  await expect(board.getByText('Rini')).toHaveCount(0);
  await expectAccessible(board, 'queue board');
  for (const [width, height] of [
    [1920, 1080],
    [1080, 1920],
    [1366, 768],
    [1024, 768],
  ] as const) {
    await board.setViewportSize({ width, height });
    await board.screenshot({ path: `test-results/screens/board-${width}x${height}.png` });
  }
  await officerContext.close();
});
