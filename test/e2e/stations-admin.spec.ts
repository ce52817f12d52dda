import { request } from 'node:https';
import type { Page } from '@playwright/test';
import { contractId } from '../../shared/api/lan-protocol';
import { expect, expectAccessible, screenshot, test } from './loket-fixture';
import { openScreen, setupAndLogin } from './support/steps';

const SIZES = [
  [1024, 768],
  [1366, 768],
  [1920, 1080],
] as const;

async function shoot(page: Page, name: string): Promise<void> {
  for (const [width, height] of SIZES) {
    await page.setViewportSize({ width, height });
    await screenshot(page, `${name}-${width}x${height}`);
  }
  await page.setViewportSize({ width: 1366, height: 900 });
}

/** What a new station PC does with the code: POST /lan/pair over TLS, pinned by fingerprint. */
function pair(port: number, fingerprint: string, code: string, name: string): Promise<number> {
  const body = JSON.stringify({ code, name, version: '0.1.0', contractId: contractId() });
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.2',
        port,
        path: '/lan/pair',
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        agent: false,
        rejectUnauthorized: false,
      },
      (res) => {
        const peer = (
          res.socket as unknown as { getPeerCertificate(): { fingerprint256: string } }
        ).getPeerCertificate().fingerprint256;
        if (peer !== fingerprint) reject(new Error('fingerprint differs'));
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.once('error', reject);
    req.end(body);
  });
}

test('an administrator turns on hub mode, reads the fingerprint, pairs, renames and revokes stations', async ({
  page,
  loket,
}) => {
  test.setTimeout(120_000);
  await setupAndLogin(page, loket.launchUrl);
  await openScreen(page, 'Kelola petugas');
  const hub = page.locator('section', {
    has: page.getByRole('heading', { name: 'Hub & stasiun' }),
  });
  await expect(hub.getByText('Mode satu PC: PC ini tidak melayani stasiun.')).toBeVisible();
  await expect(
    hub.getByText('Sertifikat hub dibuat saat mode hub pertama kali dinyalakan.'),
  ).toBeVisible();

  await hub.getByLabel('Alamat jaringan (IP)').fill('127.0.0.2:80');
  await hub.getByRole('button', { name: 'Simpan pengaturan hub' }).click();
  await expect(
    hub.getByText('Masukkan alamat IP, misalnya 192.168.1.10 atau 0.0.0.0.'),
  ).toBeVisible();

  const port = 42000 + Math.floor(Math.random() * 2000);
  await hub.getByLabel('Layani stasiun di jaringan kantor (mode hub)').check();
  await hub.getByLabel('Alamat jaringan (IP)').fill('127.0.0.2');
  await hub.getByLabel('Port').fill(String(port));
  await hub.getByRole('button', { name: 'Simpan pengaturan hub' }).click();
  await expect(page.getByText('Pengaturan hub telah disimpan.')).toBeVisible();
  await expect(hub.getByText(`Mode hub: melayani stasiun di 127.0.0.2:${port}.`)).toBeVisible();
  const groups = await hub.locator('.stations-admin__groups span').allTextContents();
  expect(groups).toHaveLength(8);
  const fingerprint = groups.join(':');
  expect(fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);

  const pairing = page.locator('section', {
    has: page.getByRole('heading', { name: 'Pasang stasiun baru' }),
  });
  await pairing.getByLabel('Jenis stasiun').selectOption({ label: 'Ruang konsultasi' });
  await pairing.getByRole('button', { name: 'Buat kode pemasangan' }).click();
  const code = (await pairing.locator('.stations-admin__code-value').textContent()) ?? '';
  expect(code).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
  await expect(pairing.getByText(/Berlaku (10:00|9:[0-5]\d) lagi/)).toBeVisible();
  expect(await pair(port, fingerprint, code, 'Meja 1')).toBe(200);
  expect(await pair(port, fingerprint, code, 'Meja 1 lagi')).toBe(403);

  await pairing.getByLabel('Jenis stasiun').selectOption({ label: 'Layar survei' });
  await pairing.getByRole('button', { name: 'Buat kode pemasangan' }).click();
  await expect(pairing.locator('.stations-admin__code-value')).not.toHaveText(code);
  const second = (await pairing.locator('.stations-admin__code-value').textContent()) ?? '';
  expect(await pair(port, fingerprint, second, 'Layar survei 1')).toBe(200);

  // No reload and no other screen: the hub announces each pairing on the push stream.
  const list = page.locator('section', {
    has: page.getByRole('heading', { name: 'Stasiun terpasang' }),
  });
  await expect(list.getByRole('cell', { name: 'Meja 1', exact: true })).toBeVisible();
  await expect(list.getByRole('cell', { name: 'Ruang konsultasi' })).toBeVisible();
  await expect(list.getByRole('cell', { name: '127.0.0.1' }).first()).toBeVisible();
  await expect(hub.getByText(`Mode hub: melayani stasiun di 127.0.0.2:${port}.`)).toBeVisible();
  await pairing.getByRole('button', { name: 'Buat kode pemasangan' }).click();
  await expectAccessible(page, 'Hub & stasiun');
  await shoot(page, 'stations-admin');

  await list.getByRole('button', { name: 'Ubah nama: Meja 1' }).click();
  await list.getByLabel('Nama baru untuk Meja 1').fill('Meja konsultasi 1');
  await list.getByRole('button', { name: 'Simpan nama' }).click();
  await expect(list.getByRole('cell', { name: 'Meja konsultasi 1', exact: true })).toBeVisible();

  await list.getByRole('button', { name: 'Cabut: Layar survei 1' }).click();
  await expect(list.getByText('Cabut sambungan stasiun "Layar survei 1"?')).toBeVisible();
  await expectAccessible(page, 'Hub & stasiun, konfirmasi cabut');
  await shoot(page, 'stations-admin-revoke');
  await list.getByRole('button', { name: 'Ya, cabut' }).click();
  const revokedRow = list.getByRole('row', { name: /Layar survei 1/ });
  await expect(revokedRow.getByRole('cell', { name: 'Dicabut' })).toBeVisible();
  await expect(revokedRow.getByRole('button')).toHaveCount(0);
});
