import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, expectAccessible, screenshot } from './loket-fixture';
import { FakeHub, makeHubKey } from '../station/fake-hub';

const SIZES = [
  { width: 1024, height: 768 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
];

test('a first-run PC pairs with a hub, then every screen says when the hub is away and back', async ({
  page,
  loket,
}) => {
  test.setTimeout(120_000);
  const key = await makeHubKey();
  let hub = await new FakeHub(key).start();
  const port = hub.port;
  const answerLikeAHub = (h: FakeHub) => {
    h.answer = (_w, method) =>
      method === 'setup.status'
        ? { status: 200, body: { ok: true, value: { needsFirstAdmin: false } } }
        : { status: 200, body: { ok: false, error: { code: 'UNAUTHENTICATED', message: 'Sesi' } } };
  };
  answerLikeAHub(hub);
  try {
    await page.goto(loket.launchUrl);
    await expect(page.getByRole('heading', { name: 'Selamat datang di Loket' })).toBeVisible();
    await expect(page.getByRole('radio', { name: /Gunakan PC ini saja/ })).toBeChecked();
    await expectAccessible(page, 'first-run choice');
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await screenshot(page, `station-setup-choice-${size.width}`);
    }
    await page.getByRole('radio', { name: /Sambungkan ke hub/ }).click();
    await expect(page.getByRole('heading', { name: 'Sambungkan ke hub' })).toBeVisible();

    await page.getByLabel('Alamat hub').fill('tanpa-port');
    await page.getByRole('button', { name: 'Periksa hub' }).click();
    await expect(page.getByText('Tulis alamat dengan format alamat:port')).toBeVisible();

    await page.getByLabel('Alamat hub').fill(hub.address);
    await page.getByRole('button', { name: 'Periksa hub' }).click();
    await expect(page.getByRole('heading', { name: 'Hub ditemukan' })).toBeVisible();
    await expect(page.getByText('Hub PTSP Uji')).toBeVisible();
    const firstGroup = key.fingerprint.split(':').slice(0, 4).join(' ');
    await expect(page.getByText(firstGroup, { exact: true })).toBeVisible();
    await page.getByLabel('Sidik jari sama persis dengan yang tampil di layar hub').check();
    await page.getByLabel(/Kode pemasangan/).fill('abcd-2345');
    await page.getByLabel(/Nama PC ini/).fill('Meja konsultasi 2');
    await expectAccessible(page, 'connect to hub');
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await screenshot(page, `station-connect-${size.width}`);
    }

    await page.getByRole('button', { name: 'Sambungkan', exact: true }).click();
    await expect(page.getByText(/PC ini tersambung ke hub Hub PTSP Uji/)).toBeVisible();
    // The host turned into the station on the same address and link: the login screen, from the hub.
    await expect(page.getByRole('heading', { name: 'Masuk petugas' })).toBeVisible({
      timeout: 20_000,
    });
    // The login form comes pre-rendered with the page, before its code has asked the hub anything.
    await expect
      .poll(() => hub.seen.some((r) => r.path === '/lan/api/staff/setup.status'))
      .toBe(true);
    await expect(page.getByRole('alert')).toHaveCount(0);

    await hub.stop();
    const banner = page.getByText(/^Hub tidak terjangkau sejak \d{2}\.\d{2}\./);
    await expect(banner).toBeVisible({ timeout: 15_000 });
    await expectAccessible(page, 'hub banner');
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await screenshot(page, `station-banner-${size.width}`);
    }
    // A call while the hub is away says so and the typed input stays.
    await page.getByLabel('Nama pengguna').fill('petugas1');
    await page.getByLabel('PIN').fill('123456');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await expect(
      page.getByText(/Hub tidak terjangkau: permintaan ini belum dikirim/),
    ).toBeVisible();
    await expect(page.getByLabel('Nama pengguna')).toHaveValue('petugas1');

    hub = await new FakeHub(key).start(port);
    answerLikeAHub(hub);
    await expect(page.getByText('Tersambung kembali ke hub.')).toBeVisible({ timeout: 20_000 });
    await expect(banner).toHaveCount(0);
  } finally {
    await hub.stop();
  }
});

test('an administrator at a station turns it back into a PC on its own, asked twice', async ({
  page,
  loket,
}) => {
  test.setTimeout(120_000);
  const key = await makeHubKey();
  const hub = await new FakeHub(key).start();
  const admin = {
    id: 1,
    fullName: 'Admin Hub',
    username: 'admin',
    roles: ['admin'],
    active: true,
    lockedUntil: null,
  };
  hub.answer = (_w, method) => {
    const ok = (value: unknown) => ({ status: 200, body: { ok: true, value } });
    if (method === 'setup.status') return ok({ needsFirstAdmin: false });
    if (method === 'auth.login') return ok({ sessionToken: 's'.repeat(32), staff: admin });
    if (method === 'auth.me') return ok(admin);
    if (method === 'staff.list') return ok([admin]);
    return { status: 200, body: { ok: false, error: { code: 'NOT_FOUND', message: '-' } } };
  };
  try {
    await page.goto(loket.launchUrl);
    await page.getByRole('radio', { name: /Sambungkan ke hub/ }).click();
    await page.getByLabel('Alamat hub').fill(hub.address);
    await page.getByRole('button', { name: 'Periksa hub' }).click();
    await page.getByLabel('Sidik jari sama persis dengan yang tampil di layar hub').check();
    await page.getByLabel(/Kode pemasangan/).fill('ABCD2345');
    await page.getByLabel(/Nama PC ini/).fill('Meja 1');
    await page.getByRole('button', { name: 'Sambungkan', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Masuk petugas' })).toBeVisible({
      timeout: 20_000,
    });
    await page.getByLabel('Nama pengguna').fill('admin');
    await page.getByLabel('PIN').fill('123456');
    await page.getByRole('button', { name: 'Masuk' }).click();
    const panel = page.getByRole('complementary', { name: 'PC ini adalah stasiun hub' });
    await expect(panel).toContainText('tersambung ke hub Hub PTSP Uji');
    await panel.getByRole('button', { name: 'Jadikan PC ini PC tunggal' }).click();
    await expect(panel.getByText(/Lanjutkan\?/)).toBeVisible();
    await expectAccessible(page, 'station panel');
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await panel.scrollIntoViewIfNeeded();
      await screenshot(page, `station-panel-${size.width}`);
    }
    await panel.getByRole('button', { name: 'Ya, lepaskan dari hub' }).click();
    await expect(panel.getByText(/tidak lagi tersambung ke hub/)).toBeVisible();
    // The same address now answers as a first-run PC on its own (a new link, as after a restart).
    await expect
      .poll(async () => existsSync(join(loket.dataDir, 'station.json')), { timeout: 10_000 })
      .toBe(false);
  } finally {
    await hub.stop();
  }
});
