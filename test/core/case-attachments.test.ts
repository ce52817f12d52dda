import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/core';
import { currentNotice } from '../../shared/domain/privacy-notice';
import { ADMIN, cleanup, startTestCore, type TestCore } from '../helpers/temp-core';
import { objectStreamBomb, pdfOfPages, png } from '../helpers/document-files';

let t: TestCore;
afterEach(() => cleanup(t));

const code = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'OK' : r.error?.code);

async function pdf(text: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage([200, 200]).drawText(text, { x: 10, y: 100, size: 10 });
  return doc.save();
}

/** An officer with a draft case, on a core with small caps so the limits are quick to reach. */
async function draftCase(maxCaseBytes = 50 * 1024 * 1024): Promise<number> {
  t = startTestCore();
  t.close();
  t.core = createCore({ dataDir: t.dataDir, now: t.clock.now, logError: () => {}, maxCaseBytes });
  await t.must('setup.createFirstAdmin', ADMIN);
  t.token = (await t.must('auth.login', { username: ADMIN.username, pin: ADMIN.pin })).sessionToken;
  const { visitId } = await t.must('visit.checkIn', {
    fullName: 'Budi',
    phone: '081234567890',
    visitorType: 'penyedia_badan_usaha',
    purpose: 'x',
    noticeVersion: currentNotice().version,
    noticeDelivery: 'read_out' as const,
  });
  await t.must('queue.callNext', {});
  await t.must('queue.start', { visitId });
  const c = await t.must('case.create', { visitId });
  await t.must('case.saveDraft', {
    caseId: c.caseId,
    form: { spseRole: 'penyedia_badan_usaha', category: 'registrasi_verifikasi' },
  });
  return c.caseId;
}

async function attach(
  caseId: number,
  bytes: Uint8Array,
  originalName = 'NIB.pdf',
  kind: 'business_licence' | 'screenshot' | 'other' = 'business_licence',
) {
  const uploadId = await t.core.stageUpload(t.token, bytes);
  return t.call('case.attachUpload', { caseId, uploadId, originalName, kind, source: 'file' });
}

const storedFiles = () =>
  readdirSync(join(t.dataDir, 'attachments'), { recursive: true, withFileTypes: true }).filter(
    (e) => e.isFile() && !e.parentPath.endsWith('incoming'),
  );
const staged = () => readdirSync(join(t.dataDir, 'uploads'));

describe('supporting documents on a case', () => {
  it('attaches a document by its content, ticks the checklist, and stores the same file once', async () => {
    const caseId = await draftCase();
    const bytes = await pdf('NIB 1234567890123');
    const r = await attach(caseId, bytes);
    expect(r.ok && r.value.missingDocuments).toEqual([]);
    expect(r.ok && r.value.attachments[0]).toMatchObject({
      originalName: 'NIB.pdf',
      mime: 'application/pdf',
      size: bytes.length,
      kind: 'business_licence',
    });
    const again = await attach(caseId, bytes, 'NIB lagi.pdf');
    expect(again.ok && again.value.attachments).toHaveLength(1);
    expect(storedFiles()).toHaveLength(1);
    expect(staged()).toEqual([]);
    const preview = await t.must('attachment.preview', {
      caseId,
      attachmentId: r.ok ? r.value.attachments[0]!.id : 0,
    });
    expect(preview).toEqual({
      kind: 'pdf',
      pages: 1,
      base64: Buffer.from(bytes).toString('base64'),
    });
  });

  it.each([
    [
      'a renamed executable',
      Buffer.from('MZ\x90\x00\x03\x00\x00\x00 this is not a pdf'),
      'NIB.pdf',
      'ATTACHMENT_TYPE_NOT_ALLOWED',
    ],
    ['an empty file', new Uint8Array(), 'NIB.pdf', 'ATTACHMENT_EMPTY'],
    ['a path in the name', null, '../../x.pdf', 'ATTACHMENT_NAME_INVALID'],
    ['control characters in the name', null, 'x\u0007.pdf', 'ATTACHMENT_NAME_INVALID'],
    ['a 300-character name', null, `${'a'.repeat(300)}.pdf`, 'ATTACHMENT_NAME_INVALID'],
  ])(
    'refuses %s, storing nothing and leaving the case as it was',
    async (_label, bytes, name, expected) => {
      const caseId = await draftCase();
      const r = await attach(caseId, bytes ?? (await pdf('ok')), name);
      expect(code(r)).toBe(expected);
      expect(storedFiles()).toEqual([]);
      expect(staged()).toEqual([]);
      const c = await t.must('case.get', { caseId });
      expect(c.attachments).toEqual([]);
      expect(c.form.category).toBe('registrasi_verifikasi');
    },
  );

  it('refuses an oversized upload before it reaches the store', async () => {
    const caseId = await draftCase();
    await expect(
      t.core.stageUpload(t.token, new Uint8Array(10 * 1024 * 1024 + 1)),
    ).rejects.toMatchObject({ code: 'ATTACHMENT_TOO_LARGE' });
    expect(staged()).toEqual([]);
    expect((await t.must('case.get', { caseId })).attachments).toEqual([]);
  });

  it('caps the total per case', async () => {
    const caseId = await draftCase(1500);
    expect(code(await attach(caseId, await pdf('satu')))).toBe('OK');
    expect(code(await attach(caseId, await pdf('dua, sedikit lebih panjang')))).toBe(
      'ATTACHMENT_CASE_TOO_LARGE',
    );
  });

  it('takes exactly 50 MB per case by default, refuses the next byte, and counts a file on the case once', async () => {
    const caseId = await draftCase(undefined);
    const tenMb = 10 * 1024 * 1024;
    const files = [1, 2, 3, 4, 5].map((seed) => png(8, 8, { padTo: tenMb, seed }));
    for (const [i, file] of files.entries()) {
      expect(file.length).toBe(tenMb);
      expect(
        code(await attach(caseId, file, `layar-${i + 1}.png`, 'screenshot')),
        `file ${i + 1}`,
      ).toBe('OK');
    }
    expect(code(await attach(caseId, png(2, 2, { seed: 6 }), 'satu lagi.png', 'screenshot'))).toBe(
      'ATTACHMENT_CASE_TOO_LARGE',
    );
    // The same bytes again are the attachment already there, not 10 MB more.
    expect(code(await attach(caseId, files[0]!, 'layar-1 lagi.png', 'screenshot'))).toBe('OK');
    const c = await t.must('case.get', { caseId });
    expect(c.attachments.reduce((sum, a) => sum + a.size, 0)).toBe(50 * 1024 * 1024);
    expect(staged()).toEqual([]);
  }, 60_000);

  it('counts the pages of a PDF once, when it is attached, and the preview reads that count', async () => {
    const caseId = await draftCase();
    const view = await attach(caseId, await pdfOfPages(4), 'permohonan.pdf', 'other');
    const attachment = view.ok ? view.value.attachments[0]! : null;
    expect(attachment).toMatchObject({ pageCount: 4 });
    const attachmentId = attachment!.id;
    // Changed behind the core's back: a preview that parsed the PDF again would say 4.
    t.core.db.prepare('UPDATE attachment SET page_count = 9 WHERE id = ?').run(attachmentId);
    expect(await t.must('attachment.preview', { caseId, attachmentId })).toMatchObject({
      kind: 'pdf',
      pages: 9,
    });
    // A file attached before counts were kept is counted once, in the worker, and the count kept.
    t.core.db.prepare('UPDATE attachment SET page_count = NULL WHERE id = ?').run(attachmentId);
    expect(await t.must('attachment.preview', { caseId, attachmentId })).toMatchObject({
      pages: 4,
    });
    expect((await t.must('case.get', { caseId })).attachments[0]!.pageCount).toBe(4);
  });

  it('does not hand a PDF from before the check, which fails it now, to the viewer', async () => {
    const caseId = await draftCase();
    const view = await attach(caseId, await pdfOfPages(1), 'lama.pdf', 'other');
    const attachment = view.ok ? view.value.attachments[0]! : null;
    // As an attachment stored before this version: a bomb on disk, and no page count.
    const bomb = objectStreamBomb(1024);
    const { writeFileSync } = await import('node:fs');
    const { createHash } = await import('node:crypto');
    const sha256 = createHash('sha256').update(bomb).digest('hex');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(t.dataDir, 'attachments', sha256.slice(0, 2)), { recursive: true });
    writeFileSync(join(t.dataDir, 'attachments', sha256.slice(0, 2), sha256), bomb);
    t.core.db
      .prepare('UPDATE attachment SET sha256 = ?, size = ?, page_count = NULL WHERE id = ?')
      .run(sha256, bomb.length, attachment!.id);
    expect(await t.must('attachment.preview', { caseId, attachmentId: attachment!.id })).toEqual({
      kind: 'pdf',
      pages: 0,
      base64: '',
    });
  }, 30_000);

  it('refuses a PDF whose object stream inflates to 1 GB, quickly, storing nothing', async () => {
    const caseId = await draftCase();
    const started = Date.now();
    const r = await attach(caseId, objectStreamBomb(1024), 'NIB.pdf');
    expect(r.ok ? 'OK' : r.error).toMatchObject({
      code: 'ATTACHMENT_PDF_TOO_COMPLEX',
      message: expect.stringContaining('PDF ini terlalu rumit untuk diperiksa'),
    });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(storedFiles()).toEqual([]);
    expect(staged()).toEqual([]);
    expect((await t.must('case.get', { caseId })).attachments).toEqual([]);
  }, 30_000);

  it('lets only an officer upload', async () => {
    await draftCase();
    await expect(t.core.stageUpload('forged', new Uint8Array([1]))).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
    await t.must('staff.create', {
      fullName: 'Rina',
      username: 'rina',
      pin: '975310',
      roles: ['receptionist'],
    });
    const rina = (await t.must('auth.login', { username: 'rina', pin: '975310' })).sessionToken;
    await expect(t.core.stageUpload(rina, new Uint8Array([1]))).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('changes a kind or removes a document only while the case is a draft', async () => {
    const caseId = await draftCase();
    const r = await attach(caseId, await pdf('NIB'));
    const attachmentId = r.ok ? r.value.attachments[0]!.id : 0;
    const changed = await t.must('case.changeAttachment', {
      caseId,
      attachmentId,
      change: { kind: 'other' },
    });
    expect(changed.missingDocuments).toEqual(['business_licence']);
    const removed = await t.must('case.changeAttachment', {
      caseId,
      attachmentId,
      change: { remove: true },
    });
    expect(removed.attachments).toEqual([]);
    await t.must('case.saveDraft', {
      caseId,
      form: { application: 'spse', category: 'akun_login', description: 'x' },
    });
    await attach(caseId, await pdf('lagi'));
    await t.must('case.solve', { caseId, solution: 'Selesai' });
    expect(code(await attach(caseId, await pdf('terlambat')))).toBe('CASE_CLOSED');
  });
});

describe('scan to folder, through the API', () => {
  it('offers a file the office scanner dropped, and attaches it once', async () => {
    const { mkdtempSync, writeFileSync: write } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const folder = mkdtempSync(join(tmpdir(), 'loket-scan-folder-'));
    await draftCase();
    t.close();
    t.core = createCore({
      dataDir: t.dataDir,
      now: t.clock.now,
      logError: () => {},
      scanFolder: folder,
      scanFolderStableMs: 200,
    });
    await t.core.ready();
    t.token = (
      await t.must('auth.login', { username: ADMIN.username, pin: ADMIN.pin })
    ).sessionToken;
    write(join(folder, 'scan_0001.pdf'), await pdf('dari pemindai kantor'));
    let offers: { id: string; name: string }[] = [];
    for (let i = 0; i < 50 && offers.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 100));
      offers = await t.must('folder.offers', {});
    }
    expect(offers.map((o) => o.name)).toEqual(['scan_0001.pdf']);
    const view = await t.must('folder.attach', {
      offerId: offers[0]!.id,
      caseId: 1,
      kind: 'business_licence',
    });
    expect(view.attachments[0]).toMatchObject({
      originalName: 'scan_0001.pdf',
      source: 'folder',
      kind: 'business_licence',
    });
    expect(await t.must('folder.offers', {})).toEqual([]);
    expect(
      code(await t.call('folder.attach', { offerId: offers[0]!.id, caseId: 1, kind: 'other' })),
    ).toBe('NOT_FOUND');
  });
});
