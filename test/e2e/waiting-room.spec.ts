import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect, expectAccessible } from './loket-fixture';
import { checkInNewVisitor, openScreen, setupAndLogin } from './support/steps';
import { announcementClips, clipUrl } from '../../shared/domain/announcement';

/** Screens of this part, to be looked at (kept out of test-results, which each run clears). */
const SHOTS = '/work/wt/waiting-shots';
const SHOWN_WITHIN_MS = 1_000;

/**
 * Records what the board plays: every clip that starts, and the most that played at once. The
 * clips really play (Chromium's audio runs headless); only the bookkeeping is added.
 */
function recordPlayback() {
  const w = window as unknown as { played: string[]; playing: number; maxPlaying: number };
  w.played = [];
  w.playing = 0;
  w.maxPlaying = 0;
  const play = HTMLMediaElement.prototype.play;
  HTMLMediaElement.prototype.play = function (this: HTMLMediaElement) {
    const started = play.call(this);
    void started.then(
      () => {
        w.played.push(new URL(this.src).pathname);
        w.playing++;
        w.maxPlaying = Math.max(w.maxPlaying, w.playing);
        const stop = () => w.playing--;
        this.addEventListener('ended', stop, { once: true });
      },
      () => {},
    );
    return started;
  };
}

const played = (board: Page) =>
  board.evaluate(() => (window as unknown as { played: string[] }).played);
const speechOf = (label: string, room: 'konsultasi' | 'resepsionis', desk: number | null) =>
  announcementClips(label, { room, desk }).map(clipUrl);

test('the waiting room hears and sees a call, a recall and a hand-over, by number only', async ({
  browser,
  page: officer,
  loket,
}) => {
  mkdirSync(SHOTS, { recursive: true });
  await setupAndLogin(officer, loket.launchUrl);
  await checkInNewVisitor(officer, {
    fullName: 'Rini Lestari',
    phone: '081298765432',
    purpose: 'Konsultasi akun SPSE',
  });

  await openScreen(officer, 'Konsultasi');
  const settings = officer.getByRole('region', { name: 'Ruang tunggu' });
  await settings.getByLabel('Ruang', { exact: true }).selectOption({ label: 'Ruang konsultasi' });
  await settings.getByLabel('Nomor meja').fill('2');
  await settings.getByRole('button', { name: 'Simpan ruang dan meja' }).click();
  await expect(settings.getByText('Tersimpan: Ruang konsultasi · Meja 2.')).toBeVisible();

  await officer.context().addInitScript(recordPlayback);
  const [board] = await Promise.all([
    officer.context().waitForEvent('page'),
    officer.getByRole('button', { name: 'Buka layar antrean' }).click(),
  ]);
  await board.setViewportSize({ width: 1920, height: 1080 });
  await expect(board.getByText('Belum ada panggilan')).toBeVisible();
  // Sound may need one touch of the screen where the browser's autoplay policy asks for it.
  const enable = board.getByRole('button', { name: 'Aktifkan suara panggilan' });
  if (await enable.isVisible()) await enable.click();
  await expect(enable).toHaveCount(0);
  // The clips come from the renderer's own origin, as audio.
  const clip = await board.request.get(new URL(clipUrl('chime'), board.url()).href);
  expect(clip.status()).toBe(200);
  expect(clip.headers()['content-type']).toBe('audio/ogg');
  // Let the board's push stream open before the call; forget its silent check of the speaker.
  await expect(board.locator('main[data-link="open"]')).toHaveCount(1);
  await board.waitForTimeout(300);
  await board.evaluate(() => ((window as unknown as { played: string[] }).played = []));

  await officer.getByRole('button', { name: 'Panggil antrean berikutnya' }).click();
  await expect(board.locator('.board__number')).toHaveText('K-001', { timeout: SHOWN_WITHIN_MS });
  await expect(board.locator('.board__desk')).toHaveText('Meja 2');
  await expect(board.locator('.board__room')).toHaveText('Ruang konsultasi');
  expect(await board.locator('body').innerText()).not.toContain('Rini');
  const call = speechOf('K-001', 'konsultasi', 2);
  await expect.poll(() => played(board)).toContain('/voice/id/chime.ogg');
  await expectAccessible(board, 'waiting-room board');

  for (const [width, height] of [
    [1920, 1080],
    [1080, 1920],
  ] as const) {
    await board.setViewportSize({ width, height });
    const box = await board.locator('.board__number').boundingBox();
    expect(box?.height ?? 0, `number height at ${width}x${height}`).toBeGreaterThanOrEqual(
      0.15 * height,
    );
    expect((box?.x ?? -1) + (box?.width ?? 0)).toBeLessThanOrEqual(width);
    await board.screenshot({ path: `${SHOTS}/board-${width}x${height}.png` });
  }
  await board.setViewportSize({ width: 1920, height: 1080 });

  // A recall while the call may still be playing: announced again, counted, after it.
  await officer.getByRole('button', { name: 'Panggil ulang' }).click();
  await expect(
    officer.getByText('Nomor K-001 dipanggil ulang (panggilan ulang ke-1).'),
  ).toBeVisible();

  // Hand back to reception with a reason: announced there, gone from the board's current calls.
  await officer.getByRole('button', { name: 'Alihkan', exact: true }).click();
  const form = officer.getByRole('form', { name: 'Alihkan pengunjung K-001' });
  await form.getByLabel('Alihkan kepada').selectOption({ label: 'Kembali ke resepsionis' });
  await officer.setViewportSize({ width: 1366, height: 900 });
  await officer.screenshot({ path: `${SHOTS}/consultation-transfer-1366.png`, fullPage: true });
  await form.getByRole('button', { name: 'Alihkan pengunjung' }).click();
  await expect(form.getByText('Wajib diisi.')).toBeVisible();
  await form.getByLabel('Alasan pengalihan').fill('Data pendaftaran perlu diperbaiki');
  await form.getByRole('button', { name: 'Alihkan pengunjung' }).click();
  await expect(officer.getByText(/diminta kembali ke meja resepsionis/)).toBeVisible();
  await expect(board.getByText('Belum ada panggilan')).toBeVisible({ timeout: SHOWN_WITHIN_MS });
  await expectAccessible(officer, 'consultation with waiting-room settings');
  await officer.setViewportSize({ width: 1024, height: 768 });
  await officer.screenshot({ path: `${SHOTS}/consultation-1024.png`, fullPage: true });
  // A second board on another PC that lost its host: the next change it cannot load is shown
  // as a sign, with the calls faded, never silently stale.
  const stored = await board.evaluate(() => ({ ...sessionStorage }));
  const wall = await (await browser.newContext()).newPage();
  await wall.addInitScript((items: Record<string, string>) => {
    for (const [key, value] of Object.entries(items)) sessionStorage.setItem(key, value);
  }, stored);
  await wall.goto(new URL('/board', board.url()).href);
  await expect(wall.getByText('Belum ada panggilan')).toBeVisible();
  await expect(wall.locator('main[data-link="open"]')).toHaveCount(1);
  await wall.context().setOffline(true);
  // Reception sees why, helps the visitor, and puts them back in the queue in their place.
  await openScreen(officer, 'Resepsionis');
  const sentBack = officer.getByRole('region', { name: 'Dikembalikan ke resepsionis' });
  await expect(sentBack.getByText('Data pendaftaran perlu diperbaiki')).toBeVisible();
  await officer.setViewportSize({ width: 1366, height: 900 });
  await officer.screenshot({ path: `${SHOTS}/reception-sent-back-1366.png` });
  await sentBack.getByRole('button', { name: 'Kembalikan ke antrean konsultasi' }).click();
  await expect(sentBack).toHaveCount(0);
  await expect(wall.getByText(/Terputus sejak \d{2}\.\d{2}/)).toBeVisible();
  await expect(wall.locator('main.board--stale')).toHaveCount(1);
  await wall.screenshot({ path: `${SHOTS}/board-lost-host-1366x900.png` });
  await wall.context().close();

  // The call, then the recall right behind it: the first whole, the second only after it.
  await expect
    .poll(async () => (await played(board)).slice(0, call.length + 1), { timeout: 20_000 })
    .toEqual([...call, '/voice/id/chime.ogg']);
  expect(await board.evaluate(() => (window as unknown as { maxPlaying: number }).maxPlaying)).toBe(
    1,
  );
});
