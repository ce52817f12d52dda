import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { currentNotice } from '../../shared/domain/privacy-notice';
import { expect, expectAccessible, test } from './loket-fixture';
import { openScreen, setupAndLogin } from './support/steps';

/** Calls the API as the logged-in staff tab does (launch token and session from this tab). */
async function callApi(page: Page, method: string, input: unknown): Promise<unknown> {
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
      return (await res.json()) as unknown;
    },
    { method, input },
  );
}

async function checkInViaApi(page: Page, n: number, purpose = 'Konsultasi SPSE'): Promise<void> {
  for (let i = 1; i <= n; i++) {
    const r = (await callApi(page, 'visit.checkIn', {
      fullName: `Pengunjung ${i}`,
      phone: `0812${String(10_000_000 + i)}`,
      purpose: i === 1 ? purpose : `Keperluan ${i}`,
      noticeVersion: currentNotice().version,
      noticeDelivery: 'read_out' as const,
    })) as { ok: boolean };
    expect(r.ok).toBe(true);
  }
}

async function openConsultation(page: Page): Promise<void> {
  await openScreen(page, 'Konsultasi');
  await expect(page.getByRole('heading', { name: 'Antrean', exact: true })).toBeVisible();
}

async function startFirstCase(page: Page, purpose: string) {
  await checkInViaApi(page, 1, purpose);
  await openConsultation(page);
  await page.getByRole('button', { name: 'Panggil antrean berikutnya' }).click();
  await page.getByRole('button', { name: 'Hadir — mulai konsultasi' }).click();
  await page.getByRole('button', { name: 'Tambah permasalahan' }).click();
  const card = page.locator('article.case-card').first();
  await card.getByLabel('Aplikasi').selectOption({ label: 'SPSE' });
  await card.getByLabel('Kategori permasalahan').selectOption({ label: 'Akun dan login' });
  return card;
}

/** The consultation screen needs no horizontal scrolling: nothing in it reaches past the window. */
const mainFits = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('#main, #main *')].every(
      (e) => e.getBoundingClientRect().right <= window.innerWidth + 1,
    ),
  );

test('a double click on "Panggil antrean berikutnya" calls one visitor, and on "Simpan catatan" saves one note', async ({
  page,
  loket,
}) => {
  await setupAndLogin(page, loket.launchUrl);
  await checkInViaApi(page, 3);
  await openConsultation(page);
  await page.getByRole('button', { name: 'Panggil antrean berikutnya' }).dblclick();
  await expect(page.locator('[data-queue="K-001"]')).toBeVisible();
  const overview = (await callApi(page, 'queue.overview', {})) as {
    value: { mine: { queueLabel: string }[]; waiting: { queueLabel: string }[] };
  };
  expect(overview.value.mine.map((v) => v.queueLabel)).toEqual(['K-001']);
  expect(overview.value.waiting.map((v) => v.queueLabel)).toEqual(['K-002', 'K-003']);

  await page.getByRole('button', { name: 'Hadir — mulai konsultasi' }).dblclick();
  await page.getByRole('button', { name: 'Tambah permasalahan' }).click();
  const card = page.locator('article.case-card');
  await expect(card).toHaveCount(1);
  await card.getByLabel('Catatan baru').fill('Pengunjung membawa surat kuasa.');
  await card.getByRole('button', { name: 'Simpan catatan' }).dblclick();
  await expect(card.locator('.notes li')).toHaveCount(1);
  const caseId = Number(await card.getAttribute('data-case-id'));
  const stored = (await callApi(page, 'case.get', { caseId })) as {
    value: { notes: { text: string }[] };
  };
  expect(stored.value.notes.map((n) => n.text)).toEqual(['Pengunjung membawa surat kuasa.']);
});

test('with 300 waiting, the called visitor and "Hadir — mulai konsultasi" are in view at 1024×768', async ({
  page,
  loket,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1024, height: 768 });
  await setupAndLogin(page, loket.launchUrl);
  await checkInViaApi(page, 300, 'Lupa kata sandi akun penyedia');
  await openConsultation(page);
  await expect(page.getByRole('list', { name: 'Antrean' }).locator('li')).toHaveCount(300);
  await page.getByRole('button', { name: 'Panggil antrean berikutnya' }).click();
  const start = page.getByRole('button', { name: 'Hadir — mulai konsultasi' });
  await expect(start).toBeInViewport();
  // The reception's words are in the queue row and in the called visitor's panel.
  await expect(page.locator('[data-queue="K-001"]')).toContainText('Lupa kata sandi akun penyedia');
  await expect(page.getByRole('list', { name: 'Antrean' }).locator('li').first()).toContainText(
    'Keperluan 2',
  );
  expect(await mainFits(page)).toBe(true);
  // The long list scrolls in its own panel: the page is not 15,000 px long (it holds the called
  // visitor, the desk's waiting-room card and the officer's own list besides).
  expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(3000);
  await expectAccessible(page, 'consultation (300 waiting)');
  for (const [width, height] of [
    [1366, 768],
    [1920, 1080],
    [1024, 768],
  ] as const) {
    await page.setViewportSize({ width, height });
    await expect(start).toBeInViewport();
    expect(await mainFits(page), `${width}x${height}`).toBe(true);
    await page.screenshot({
      path: `test-results/screens/consultation-300-waiting-${width}x${height}.png`,
    });
  }
  await start.click();
  await page.getByRole('button', { name: 'Tambah permasalahan' }).click();
  const card = page.locator('article.case-card');
  await expect(
    page
      .locator('.consultation__main')
      .getByText('Keperluan kunjungan: Lupa kata sandi akun penyedia'),
  ).toBeVisible();
  await expect(card.getByLabel('Uraian permasalahan')).toHaveValue('Lupa kata sandi akun penyedia');
  expect(await mainFits(page)).toBe(true);
});

test('typing and escalating at once sends the whole description to the helpdesk', async ({
  page,
  loket,
}) => {
  await setupAndLogin(page, loket.launchUrl);
  const card = await startFirstCase(page, 'Akun terkunci');
  const description = card.getByLabel('Uraian permasalahan');
  await description.fill('Akun terkunci');
  await expect(card.getByText(/Tersimpan otomatis/)).toBeVisible();
  await description.pressSequentially(' setelah tiga kali salah kata sandi');
  await card.getByRole('button', { name: 'Teruskan ke helpdesk' }).click();
  await expect(card.locator('.outcome')).toContainText('Diteruskan ke helpdesk');
  const caseId = Number(await card.getAttribute('data-case-id'));
  const stored = (await callApi(page, 'case.get', { caseId })) as {
    value: { form: { description: string }; status: string };
  };
  expect(stored.value).toMatchObject({
    status: 'escalated',
    form: { description: 'Akun terkunci setelah tiga kali salah kata sandi' },
  });
});

test('typing and solving at once keeps the whole description', async ({ page, loket }) => {
  await setupAndLogin(page, loket.launchUrl);
  const card = await startFirstCase(page, 'Lupa');
  await card.getByLabel('Solusi yang diberikan').fill('Reset kata sandi.');
  await card.getByLabel('Uraian permasalahan').pressSequentially(' kata sandi');
  await card.getByRole('button', { name: 'Tandai selesai di tempat' }).click();
  await expect(card.locator('.outcome')).toContainText('Selesai di tempat');
  const caseId = Number(await card.getAttribute('data-case-id'));
  const stored = (await callApi(page, 'case.get', { caseId })) as {
    value: { form: { description: string } };
  };
  expect(stored.value.form.description).toBe('Lupa kata sandi');
});

test('what was typed just before a reload is still in the form', async ({ page, loket }) => {
  await setupAndLogin(page, loket.launchUrl);
  const card = await startFirstCase(page, 'Jadwal');
  const code = await card.locator('.case-code').textContent();
  await card.getByLabel('Uraian permasalahan').pressSequentially(' tender bergeser');
  await page.reload();
  await openConsultation(page);
  await page.getByRole('button', { name: `Lanjutkan ${code}` }).click();
  await expect(page.locator('article.case-card').getByLabel('Uraian permasalahan')).toHaveValue(
    'Jadwal tender bergeser',
  );
});

test('a closed case reads as text, an escalated one as sent on, and an empty queue cannot be called', async ({
  page,
  loket,
}) => {
  await setupAndLogin(page, loket.launchUrl);
  const card = await startFirstCase(page, 'Akun terkunci');
  await card.getByRole('button', { name: 'Teruskan ke helpdesk' }).click();
  const outcome = card.locator('.outcome');
  await expect(outcome).toContainText('Diteruskan ke helpdesk');
  await expect(outcome).not.toContainText('Ditutup');
  // No form controls are left on the record: its values are plain text.
  await expect(
    card.locator('.case-form input, .case-form select, .case-form textarea'),
  ).toHaveCount(0);
  await expect(card.locator('.case-record')).toContainText('Akun terkunci');
  const callNext = page.getByRole('button', { name: 'Panggil antrean berikutnya' });
  await expect(callNext).toBeDisabled();
  await expect(page.getByText('Tidak ada pengunjung yang menunggu.')).toBeVisible();
  await expectAccessible(page, 'consultation (escalated)');
  for (const [width, height] of [
    [1024, 768],
    [1366, 768],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({
      path: `test-results/screens/consultation-closed-${width}x${height}.png`,
      fullPage: true,
    });
    // The consultation screen itself; the shared top bar is another engineer's item (11.5).
    const wide = await page.evaluate(() =>
      [...document.querySelectorAll('#main, #main *')]
        .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
        .slice(0, 8)
        .map((e) => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`),
    );
    expect(wide, `${width}x${height}`).toEqual([]);
  }
});

test.describe('with a scan folder', () => {
  const scanDir = mkdtempSync(join(tmpdir(), 'loket-scan-'));
  test.use({ loketArgs: ['--scan-folder', scanDir] });

  test('the scan folder is asked once per screen, not once per open draft', async ({
    page,
    loket,
  }) => {
    await setupAndLogin(page, loket.launchUrl);
    await startFirstCase(page, 'Satu');
    await page.getByRole('button', { name: 'Tambah permasalahan' }).click();
    await page.getByRole('button', { name: 'Tambah permasalahan' }).click();
    await expect(page.locator('article.case-card')).toHaveCount(3);
    let asked = 0;
    page.on('request', (r) => {
      if (r.url().endsWith('/folder.offers')) asked++;
    });
    // A new file is announced once (its push topic) and read once for the whole screen: with a
    // reader per draft card it would be read three times.
    writeFileSync(join(scanDir, 'scan-001.pdf'), '%PDF-1.4\n%%EOF\n');
    await expect(page.getByText('scan-001.pdf').first()).toBeVisible({ timeout: 15_000 });
    await page.waitForTimeout(1500);
    expect(asked).toBe(1);
  });
});
