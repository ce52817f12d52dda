import type { Page } from '@playwright/test';
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

  await expect(page.getByRole('heading', { name: 'Masuk petugas' })).toBeVisible();
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
  if (v.email) await page.getByLabel('Email (opsional)').fill(v.email);
  if (v.institution) await page.getByLabel('Instansi / perusahaan').fill(v.institution);
  if (v.visitorType)
    await page.getByLabel('Jenis pengguna SPSE').selectOption({ label: v.visitorType });
  if (v.lpse) await page.getByLabel('LPSE asal').fill(v.lpse);
  await page.getByLabel('Keperluan kunjungan').fill(v.purpose);
}
