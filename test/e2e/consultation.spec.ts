import type { Page } from '@playwright/test';
import { expect, expectAccessible, screenshot, test } from './loket-fixture';
import { deflateSync } from 'node:zlib';
import { PDFDocument } from 'pdf-lib';
import { NOTICE_READ_OUT, fillNewVisitor, openScreen, setupAndLogin } from './support/steps';

async function onePagePdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage([595, 842]).drawText('NIB 1234567890123 - CV Maju Jaya', { x: 50, y: 780, size: 14 });
  return Buffer.from(await doc.save());
}

/** A real 8x8 red PNG, made here so that no binary fixture is committed. */
function tinyPng(): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(8 + data.length + 4);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(8, 0);
  ihdr.writeUInt32BE(8, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  const pixel = [200, 30, 30];
  const row = Buffer.from([0, ...Array.from({ length: 8 }, () => pixel).flat()]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(Array.from({ length: 8 }, () => row)))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

async function checkIn(page: Page, v: Parameters<typeof fillNewVisitor>[1]): Promise<void> {
  await fillNewVisitor(page, v);
  await page.getByLabel(NOTICE_READ_OUT).check();
  await page.getByRole('button', { name: 'Daftarkan dan beri nomor antrean' }).click();
  await expect(
    page.getByText(new RegExp(`Nomor antrean K-\\d+ untuk ${v.fullName}`)),
  ).toBeVisible();
}

test('an officer calls the next visitor, fills the form, writes notes, escalates one problem and solves another', async ({
  page,
  loket,
}) => {
  test.setTimeout(120_000); // two problems, notes, documents, the desk scanner and axe at each step
  await setupAndLogin(page, loket.launchUrl);
  await checkIn(page, {
    fullName: 'Budi Santoso',
    phone: '0812-3456-7890',
    institution: 'CV Maju Jaya',
    visitorType: 'Penyedia — badan usaha',
    lpse: 'LPSE Kota Bandung',
    purpose: 'Ganti email perusahaan di SIKaP',
  });
  await checkIn(page, {
    fullName: 'Dewi Lestari',
    phone: '0857-1111-2222',
    purpose: 'Paket tidak muncul',
  });

  await openScreen(page, 'Konsultasi');
  await expect(page.getByRole('heading', { name: 'Antrean' })).toBeVisible();
  await expectAccessible(page, 'consultation (queue)');

  await page.getByRole('button', { name: 'Panggil antrean berikutnya' }).click();
  await expect(page.getByText('Memanggil K-001 — Budi Santoso')).toBeVisible();
  const mine = page.locator('[data-queue="K-001"]');
  await mine.getByRole('button', { name: 'Hadir — mulai konsultasi' }).click();
  await expect(
    page.getByRole('heading', { name: 'Permasalahan K-001 — Budi Santoso' }),
  ).toBeVisible();

  // First problem: a company's registration, which needs the business licence (a badan usaha's, SE Deputi LKPP 2/2020).
  await page.getByRole('button', { name: 'Tambah permasalahan' }).click();
  const first = page.locator('article.case-card').first();
  await expect(first.locator('.case-code')).toHaveText(/^KS-[0-9A-F]{4}-\d{6}-001$/);
  await expect(first.getByLabel('Peran di SPSE')).toHaveValue('penyedia_badan_usaha');
  await first.getByLabel('Aplikasi').selectOption({ label: 'SIKaP' });
  await first
    .getByLabel('Kategori permasalahan')
    .selectOption({ label: 'Pendaftaran dan verifikasi penyedia' });
  await first
    .getByLabel('Uraian permasalahan')
    .fill('Pendaftaran perusahaan belum diverifikasi LPSE.');
  await expect(first.getByText(/Tersimpan otomatis \d{2}\.\d{2}/)).toBeVisible();
  await expect(first.getByText('Pindaian/salinan izin usaha (mis. NIB): belum ada')).toBeVisible();

  await first
    .getByLabel('Catatan baru')
    .fill('Pengunjung membawa akta perubahan, belum membawa NIB.');
  await first.getByRole('button', { name: 'Simpan catatan' }).click();
  await expect(
    first.getByText('Pengunjung membawa akta perubahan, belum membawa NIB.'),
  ).toBeVisible();
  await first.getByRole('button', { name: 'Koreksi' }).click();
  await first.getByLabel('Catatan baru').fill('Koreksi: akta perubahan dikirim menyusul.');
  await first.getByRole('button', { name: 'Simpan catatan' }).click();
  await expect(first.getByText(/koreksi atas catatan/)).toBeVisible();

  // Escalation without the required document needs a reason.
  await first.getByRole('button', { name: 'Teruskan ke helpdesk' }).click();
  await expect(
    first.getByText(
      'Dokumen pendukung wajib belum lengkap. Lampirkan dokumennya atau tuliskan alasannya.',
    ),
  ).toBeVisible();
  await expectAccessible(page, 'consultation (case with errors)');
  await screenshot(page, '10-consultation-case');
  // A renamed executable is refused by its content, whatever its name.
  const fileInput = first.locator('input[type="file"]');
  await fileInput.setInputFiles({
    name: 'NIB.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('MZ\x90\x00 not a pdf at all'),
  });
  await expect(
    first.getByText(
      'NIB.pdf: Jenis berkas tidak diizinkan. Hanya PDF, PNG, JPEG, TIFF, atau WebP.',
    ),
  ).toBeVisible();
  // The business licence scan turns the checklist green.
  await fileInput.setInputFiles({
    name: 'NIB CV Maju Jaya.pdf',
    mimeType: 'application/pdf',
    buffer: await onePagePdf(),
  });
  await expect(first.getByText('1 berkas dilampirkan.')).toBeVisible();
  await expect(first.getByText('Pindaian/salinan izin usaha (mis. NIB): ada')).toBeVisible();
  await expect(first.getByText('PDF · 1 hlm')).toBeVisible();
  // The first page of the PDF is drawn as its thumbnail.
  await expect(first.getByRole('img', { name: 'Pratinjau NIB CV Maju Jaya.pdf' })).toBeVisible();
  await expect(first.getByLabel('Jenis dokumen')).toHaveValue('business_licence');
  await fileInput.setInputFiles({
    name: 'layar error.png',
    mimeType: 'image/png',
    buffer: tinyPng(),
  });
  await expect(first.getByRole('img', { name: 'Pratinjau layar error.png' })).toBeVisible();
  await expectAccessible(page, 'consultation (documents)');
  await screenshot(page, '12-consultation-documents');
  // With the required document present, no reason is needed.
  await first.getByRole('button', { name: 'Teruskan ke helpdesk' }).click();
  await expect(
    first.getByText('Diteruskan ke helpdesk — menunggu pengiriman').first(),
  ).toBeVisible();
  // The escalated form is a record, shown as text rather than as disabled controls.
  await expect(first.getByLabel('Uraian permasalahan')).toHaveCount(0);
  await expect(first.locator('.case-record')).toContainText(
    'Pendaftaran perusahaan belum diverifikasi LPSE.',
  );

  // Second problem, solved on the spot.
  await page.getByRole('button', { name: 'Tambah permasalahan' }).click();
  const second = page.locator('article.case-card').nth(1);
  await expect(second.locator('.case-code')).toHaveText(/-002$/);
  await second.getByLabel('Aplikasi').selectOption({ label: 'SPSE' });
  await second.getByLabel('Kategori permasalahan').selectOption({ label: 'Akun dan login' });
  await second.getByLabel('Uraian permasalahan').fill('Lupa kata sandi akun penyedia.');
  await expect(second.getByText(/Tersimpan otomatis/)).toBeVisible();
  // A screenshot of the problem, scanned at the desk.
  await second.getByText('Pindai dokumen').click();
  await second.getByRole('button', { name: 'Cari pemindai' }).click();
  await expect(second.getByRole('combobox', { name: /^Pemindai/ })).toHaveValue('test:0');
  // The device's own modes, not a fixed list: SANE's test backend has no line-art mode.
  await expect(second.getByLabel('Mode warna').locator('option')).toHaveText([
    'Abu-abu',
    'Berwarna',
  ]);
  await expect(second.getByLabel('Mode warna')).toHaveValue('Gray');
  await second.getByRole('button', { name: 'Pindai', exact: true }).click();
  await expect(second.getByText('1 halaman telah dipindai.')).toBeVisible();
  await second.getByRole('button', { name: 'Lampirkan hasil pindaian' }).click();
  await expect(second.getByText(/dipindai/)).toBeVisible();
  await expectAccessible(page, 'consultation (scanner)');
  await second
    .getByLabel('Solusi yang diberikan')
    .fill('Dibantu reset kata sandi melalui menu Lupa Password.');
  await second.getByRole('button', { name: 'Tandai selesai di tempat' }).click();
  await expect(second.locator('.outcome')).toContainText('Selesai di tempat');

  await page.getByRole('button', { name: 'Tampilkan survei kepuasan kepada pengunjung' }).click();
  await expect(page.getByText('Survei kepuasan siap diisi pengunjung.')).toBeVisible();
  await expectAccessible(page, 'consultation (cases closed)');
  await screenshot(page, '11-consultation-done');
  await page.getByRole('button', { name: 'Akhiri konsultasi' }).click();
  await expect(page.getByText('Panggil pengunjung, lalu mulai konsultasi')).toBeVisible();

  // The next visitor is not here: no-show, then back in the queue.
  await page.getByRole('button', { name: 'Panggil antrean berikutnya' }).click();
  await page.locator('[data-queue="K-002"]').getByRole('button', { name: 'Tidak hadir' }).click();
  await expect(page.getByRole('heading', { name: 'Tidak hadir hari ini' })).toBeVisible();
  await page.getByRole('button', { name: 'Kembalikan ke antrean' }).click();
  await expect(page.getByRole('list', { name: 'Antrean' })).toContainText('Dewi Lestari');

  // The escalated case waits in the send queue (no helpdesk is configured here), in plain words.
  await openScreen(page, 'Tindak lanjut');
  await expect(
    page.getByRole('heading', { name: 'Kasus yang diteruskan ke helpdesk' }),
  ).toBeVisible();
  // No helpdesk is set up in this run: the officer is told so, not "waiting to be sent".
  await expect(page.locator('tr[data-case-code]')).toContainText(
    'Belum dapat dikirim: helpdesk belum diatur oleh administrator.',
  );
  await expect(page.getByRole('heading', { name: 'Antrean pengiriman ke helpdesk' })).toBeVisible();
  await expect(page.getByText(/menunggu · 0 percobaan/)).toBeVisible();
  await expectAccessible(page, 'follow-up');
  await screenshot(page, '13-follow-up');

  // Reception sees the states.
  await openScreen(page, 'Resepsionis');
  await expect(page.locator('tr[data-queue="K-001"]')).toContainText('Selesai');
  await expect(page.locator('tr[data-queue="K-002"]')).toContainText('Menunggu');
});

test('a draft survives a reload and is resumed', async ({ page, loket }) => {
  await setupAndLogin(page, loket.launchUrl);
  await checkIn(page, { fullName: 'Agus Salim', phone: '0813-2222-3333', purpose: 'Konsultasi' });
  await openScreen(page, 'Konsultasi');
  await page.getByRole('button', { name: 'Panggil antrean berikutnya' }).click();
  await page.getByRole('button', { name: 'Hadir — mulai konsultasi' }).click();
  await page.getByRole('button', { name: 'Tambah permasalahan' }).click();
  const card = page.locator('article.case-card');
  const code = await card.locator('.case-code').textContent();
  await card.getByLabel('Uraian permasalahan').fill('Jadwal tender bergeser sendiri.');
  await expect(card.getByText(/Tersimpan otomatis/)).toBeVisible();

  await page.reload();
  await openScreen(page, 'Konsultasi');
  await page.getByRole('button', { name: `Lanjutkan ${code}` }).click();
  await expect(page.locator('article.case-card').getByLabel('Uraian permasalahan')).toHaveValue(
    'Jadwal tender bergeser sendiri.',
  );
});
