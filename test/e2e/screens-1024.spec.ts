import type { Page } from '@playwright/test';
import { currentNotice } from '../../shared/domain/privacy-notice';
import { expect, expectAccessible, screenshot, test } from './loket-fixture';

const SIZES = [
  { width: 1024, height: 768 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;

/** The first administrator holds every role, so every menu item is in the header. */
const ADMIN = {
  fullName: `Raden Ajeng ${'Kusumawardhani Prawirodirdjo Sastroamidjojo '.repeat(3)}`.slice(0, 120),
  username: 'admin',
  pin: '246810',
};
const LONG_NAME = `Raden Mas ${'Tumenggung Adipati Wiryodiningrat '.repeat(4)}`.slice(0, 120);
const LONG_INSTITUTION =
  `PT ${'Konsultan Pengadaan Barang dan Jasa Pemerintah Nusantara '.repeat(3)}`.slice(0, 160);

async function callApi(page: Page, method: string, input: unknown): Promise<{ ok: boolean }> {
  return page.evaluate(
    async ({ method, input }) => {
      const res = await fetch(`/api/staff/${method}`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Authorization: `Bearer ${sessionStorage.getItem('loket.launchToken') ?? ''}`,
          'X-Loket-Session': sessionStorage.getItem('loket.session') ?? '',
        },
        body: JSON.stringify({ input }),
      });
      return (await res.json()) as { ok: boolean };
    },
    { method, input },
  );
}

const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Menu' }).getByRole('button', { name }).click();

/**
 * The screen at each window size: no sideways scrolling, "Keluar" (the header's last button) in
 * the window, a photograph to look at; axe once per screen.
 */
async function visitAtEverySize(page: Page, screen: string, loggedIn = true): Promise<void> {
  for (const size of SIZES) {
    const label = `${screen} at ${size.width}×${size.height}`;
    await page.setViewportSize(size);
    await page.evaluate(() => window.scrollTo(0, 0));
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
    }));
    expect
      .soft(scrollWidth, `${label}: page wider than the window`)
      .toBeLessThanOrEqual(clientWidth);
    if (loggedIn) {
      await expect(page.getByRole('button', { name: 'Ubah PIN' })).toBeVisible();
      const logout = await page.getByRole('button', { name: 'Keluar', exact: true }).boundingBox();
      expect(logout, `${label}: Keluar`).not.toBeNull();
      expect
        .soft(logout!.x + logout!.width, `${label}: Keluar in the window`)
        .toBeLessThanOrEqual(clientWidth);
    }
    await screenshot(page, `all-${screen}-${size.width}x${size.height}`);
  }
  await page.setViewportSize(SIZES[0]);
  await expectAccessible(page, screen);
}

test('every staff screen fits 1024×768, 1366×768 and 1920×1080 for an admin with every role and a long name', async ({
  page,
  loket,
}) => {
  test.setTimeout(240_000); // seven screens, three sizes each, on a busy machine

  await page.goto(loket.launchUrl);
  await expect(page.getByRole('heading', { name: 'Selamat datang di Loket' })).toBeVisible();
  await page.getByLabel('Nama lengkap').fill(ADMIN.fullName);
  await page.getByLabel('Nama pengguna').fill(ADMIN.username);
  await page.getByLabel('PIN').fill(ADMIN.pin);
  await page.getByRole('button', { name: 'Buat administrator' }).click();
  await expect(page.getByRole('heading', { name: 'Masuk Petugas Layanan' })).toBeVisible();
  await visitAtEverySize(page, 'login', false);
  await page.getByLabel('Nama pengguna').fill(ADMIN.username);
  await page.getByLabel('PIN').fill(ADMIN.pin);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await expect(page.getByRole('heading', { name: 'Pendaftaran pengunjung' })).toBeVisible();

  for (const [fullName, institution] of [
    [LONG_NAME, LONG_INSTITUTION],
    ['Dewi Lestari', 'Dinas PUPR Kab. Bogor'],
  ] as const) {
    const r = await callApi(page, 'visit.checkIn', {
      fullName,
      phone: '0812-3456-7890',
      institution,
      purpose: 'Konsultasi SPSE: lupa kata sandi akun penyedia dan verifikasi berkas',
      noticeVersion: currentNotice().version,
      noticeDelivery: 'read_out' as const,
    });
    expect(r.ok).toBe(true);
  }
  await nav(page, 'Konsultasi');
  await nav(page, 'Resepsionis');
  await expect(page.locator('tr[data-queue="K-001"]')).toBeVisible();
  await visitAtEverySize(page, 'reception');

  await nav(page, 'Konsultasi');
  await page.getByRole('button', { name: 'Panggil antrean berikutnya' }).click();
  await page.getByRole('button', { name: 'Hadir — mulai konsultasi' }).click();
  await page.getByRole('button', { name: 'Tambah permasalahan' }).click();
  const card = page.locator('article.case-card').first();
  await card.getByLabel('Kategori permasalahan').selectOption({ label: 'Akun dan login' });
  await expect(card.getByText(/Tersimpan otomatis/)).toBeVisible();
  await visitAtEverySize(page, 'consultation');
  // The queue column's text wraps inside its own card rather than running under the case form.
  for (const size of SIZES) {
    await page.setViewportSize(size);
    const overrun = await page.evaluate(() => {
      const side = document.querySelector('.consultation__side')?.getBoundingClientRect();
      if (!side) return ['no queue column'];
      return [...document.querySelectorAll('.consultation__side *')]
        .filter((e) => e.getClientRects().length > 0)
        .filter((e) => [...e.getClientRects()].some((r) => r.right > side.right + 1))
        .map((e) => `${e.tagName}.${e.className}`);
    });
    expect.soft(overrun, `queue column at ${size.width}×${size.height}`).toEqual([]);
  }
  await expect(page.locator('.consultation__side .card').first()).toHaveCSS('text-align', 'start');

  await nav(page, 'Tindak lanjut');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await visitAtEverySize(page, 'followup');

  await nav(page, 'Laporan');
  await page.getByRole('button', { name: 'Indeks Kepuasan Masyarakat (IKM)' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await visitAtEverySize(page, 'ikm-report');

  // A second account with a long name, so the row's own action buttons are on the screen too.
  const created = await callApi(page, 'staff.create', {
    fullName: LONG_NAME,
    username: 'petugas.panjang',
    pin: '135790',
    roles: ['receptionist', 'officer', 'supervisor', 'admin'],
  });
  expect(created.ok).toBe(true);
  await nav(page, 'Kelola petugas');
  await expect(
    page.getByRole('button', { name: `Nonaktifkan ${LONG_NAME}`.slice(0, 40) }).first(),
  ).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await visitAtEverySize(page, 'staff-admin');

  // The helpdesk settings sit at the foot of the staff admin screen: photographed from there.
  await page.getByRole('button', { name: 'Periksa pengaturan' }).scrollIntoViewIfNeeded();
  for (const size of SIZES) {
    await page.setViewportSize(size);
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
    }));
    expect.soft(scrollWidth, `helpdesk settings at ${size.width}`).toBeLessThanOrEqual(clientWidth);
    await page
      .locator('section.card', { has: page.getByRole('button', { name: 'Periksa pengaturan' }) })
      .screenshot({ path: `test-results/screens/all-helpdesk-${size.width}x${size.height}.png` });
  }
  await expectAccessible(page, 'helpdesk settings');

  // In English too the header keeps its last button in the window at 1024 px.
  await page.setViewportSize(SIZES[0]);
  await page.locator('.topbar__lang select').selectOption('en');
  await expect(page.getByRole('button', { name: 'Log out' })).toBeVisible();
  const logout = await page.getByRole('button', { name: 'Log out' }).boundingBox();
  expect(logout!.x + logout!.width, 'Log out in the window').toBeLessThanOrEqual(1024);
  await screenshot(page, 'all-staff-admin-en-1024x768');
});
