import type { Locator, Page } from '@playwright/test';
import { expect, expectAccessible, screenshot } from '../loket-fixture';

export const ADMIN = { fullName: 'Siti Rahayu', username: 'siti', pin: '246810' };

export async function setupAndLogin(page: Page, launchUrl: string): Promise<void> {
  await page.goto(launchUrl);
  await expect(page.getByRole('heading', { name: 'Selamat datang di Loket' })).toBeVisible();
  await expectAccessible(page, 'first-run setup');
  await screenshot(page, '01-setup');
  // A PIN that is too short is refused next to the field, in Indonesian.
  await page.getByLabel('Nama lengkap').fill(ADMIN.fullName);
  await page.getByLabel('Nama pengguna').fill(ADMIN.username);
  await page.getByLabel('PIN').fill('123');
  await page.getByRole('button', { name: 'Buat administrator' }).click();
  await expect(page.getByText('PIN harus 6–12 angka.')).toBeVisible();
  await page.getByLabel('PIN').fill(ADMIN.pin);
  await page.getByRole('button', { name: 'Buat administrator' }).click();

  await expect(page.getByRole('heading', { name: 'Masuk Petugas Layanan' })).toBeVisible();
  await expect(page.getByText('Administrator dibuat. Silakan masuk.')).toBeVisible();
  await expectAccessible(page, 'login');
  await page.getByLabel('Nama pengguna').fill(ADMIN.username);
  await page.getByLabel('PIN').fill('000000');
  await page.getByRole('button', { name: 'Masuk' }).click();
  await expect(page.getByText('Nama pengguna atau PIN salah.')).toBeVisible();
  await screenshot(page, '02-login-wrong-pin');
  await page.getByLabel('PIN').fill(ADMIN.pin);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await expect(page.getByRole('heading', { name: 'Pendaftaran pengunjung' })).toBeVisible();
}

export interface NewVisitor {
  fullName: string;
  phone: string;
  email?: string;
  institution?: string;
  visitorType?: string;
  lpse?: string;
  purpose: string;
}

export async function fillNewVisitor(page: Page, v: NewVisitor): Promise<void> {
  await page.getByLabel('Nama lengkap').fill(v.fullName);
  await page.getByLabel('Nomor telepon/HP').fill(v.phone);
  if (v.email) await page.getByLabel('Email (tidak wajib)').fill(v.email);
  if (v.institution) await page.getByLabel('Instansi/perusahaan').fill(v.institution);
  if (v.visitorType)
    await page.getByLabel('Jenis pengguna SPSE').selectOption({ label: v.visitorType });
  if (v.lpse) await page.getByLabel('LPSE asal').fill(v.lpse);
  await page.getByLabel('Keperluan kunjungan').fill(v.purpose);
}

/** How reception says the processing notice reached the visitor: read out at the desk. */
export const NOTICE_READ_OUT = 'Dibacakan kepada pengunjung';

/** A staff screen by its menu entry, e.g. "Konsultasi" or "Tindak lanjut". */
export async function openScreen(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('button', { name }).click();
}

/** Reception checks a new visitor in, the notice read out, and sees the queue number issued. */
export async function checkInNewVisitor(page: Page, v: NewVisitor, queue = 'K-001'): Promise<void> {
  await fillNewVisitor(page, v);
  await page.getByLabel(NOTICE_READ_OUT).check();
  await page.getByRole('button', { name: 'Daftarkan dan beri nomor antrean' }).click();
  await expect(page.getByText(new RegExp(`Nomor antrean ${queue}`))).toBeVisible();
}

/** The officer calls the next visitor, starts the consultation and opens one problem's form. */
export async function startConsultationWithCase(page: Page): Promise<Locator> {
  await openScreen(page, 'Konsultasi');
  await page.getByRole('button', { name: 'Panggil antrean berikutnya' }).click();
  await page.getByRole('button', { name: 'Hadir — mulai konsultasi' }).click();
  await page.getByRole('button', { name: 'Tambah permasalahan' }).click();
  return page.locator('article.case-card');
}

/** Budi is checked in, served, and his locked-account problem escalated; returns the case code. */
export async function escalateLockedAccount(page: Page): Promise<string> {
  await checkInNewVisitor(page, {
    fullName: 'Budi Santoso',
    phone: '0812-3456-7890',
    email: 'budi@contoh.id',
    purpose: 'Tidak bisa login',
  });
  const card = await startConsultationWithCase(page);
  await card.getByLabel('Aplikasi').selectOption({ label: 'SPSE' });
  await card.getByLabel('Kategori permasalahan').selectOption({ label: 'Akun dan login' });
  await card
    .getByLabel('Uraian permasalahan')
    .fill('Akun terkunci setelah salah kata sandi berkali-kali.');
  await expect(card.getByText(/Tersimpan otomatis/)).toBeVisible();
  const caseCode = (await card.locator('.case-code').textContent()) ?? '';
  await card.getByRole('button', { name: 'Teruskan ke helpdesk' }).click();
  await expect(
    card.getByText('Diteruskan ke helpdesk — menunggu pengiriman').first(),
  ).toBeVisible();
  return caseCode;
}
