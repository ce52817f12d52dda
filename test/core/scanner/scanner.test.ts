import { PDFDocument } from 'pdf-lib';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../../electron/core/core';
import { SaneScanner } from '../../../electron/core/scanner/sane-scanner';
import { currentNotice } from '../../../shared/domain/privacy-notice';
import { feederOf, saneTestEnv } from '../../helpers/sane';
import { ADMIN, cleanup, startTestCore, type TestCore } from '../../helpers/temp-core';

let t: TestCore | undefined;
afterEach(() => {
  cleanup(t);
  t = undefined;
});

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const small = { device: 'test:0', mode: 'Gray' as const, resolution: 75 };

async function officerWithCase(
  extraArgsForPage?: (page: number) => string[],
  sessionLimits: { maxSessionBytes?: number; maxSessionPages?: number } = {},
): Promise<{ t: TestCore; caseId: number }> {
  const core = startTestCore();
  core.close();
  core.core = createCore({
    dataDir: core.dataDir,
    now: core.clock.now,
    logError: () => {},
    scanner: {
      env: saneTestEnv(),
      stallMs: 3000,
      ...(extraArgsForPage && { extraArgsForPage }),
      ...sessionLimits,
    },
  });
  t = core;
  await core.must('setup.createFirstAdmin', ADMIN);
  core.token = (
    await core.must('auth.login', { username: ADMIN.username, pin: ADMIN.pin })
  ).sessionToken;
  const { visitId } = await core.must('visit.checkIn', {
    fullName: 'Budi',
    phone: '081234567890',
    visitorType: 'penyedia_badan_usaha',
    purpose: 'x',
    noticeVersion: currentNotice().version,
    noticeDelivery: 'read_out' as const,
  });
  await core.must('queue.callNext', {});
  await core.must('queue.start', { visitId });
  const c = await core.must('case.create', { visitId });
  return { t: core, caseId: c.caseId };
}

describe('the desk scanner (SANE test backend)', () => {
  it('lists the virtual devices', async () => {
    const devices = await new SaneScanner({ env: saneTestEnv() }).listDevices();
    expect(devices.map((d) => d.name)).toContain('test:0');
    expect(devices[0]).toMatchObject({ vendor: 'Noname', model: 'frontend-tester' });
  });

  it('scans one page from the glass as a PNG, reporting progress', async () => {
    const progress: number[] = [];
    const page = await new SaneScanner({ env: saneTestEnv() }).scanPage({
      ...small,
      source: 'flatbed',
      onProgress: (p) => progress.push(p),
    });
    expect(page.ok).toBe(true);
    if (!page.ok) return;
    expect(page.png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect(page.png.readUInt32BE(16)).toBeGreaterThan(100); // width in pixels from IHDR
    expect(progress.at(-1)).toBe(100);
  });

  it('scans a feeder batch into one PDF attached to the case', async () => {
    const { t, caseId } = await officerWithCase(feederOf(10));
    const scan = await t.must('scanner.scan', { ...small, source: 'feeder' });
    expect(scan).toMatchObject({ pages: 10, fault: null });
    const view = await t.must('scanner.attach', {
      sessionId: scan.sessionId,
      caseId,
      kind: 'business_licence',
    });
    const attachment = view.attachments[0]!;
    expect(attachment).toMatchObject({
      mime: 'application/pdf',
      source: 'scanner',
      kind: 'business_licence',
    });
    const preview = await t.must('attachment.preview', { caseId, attachmentId: attachment.id });
    expect(preview).toMatchObject({ kind: 'pdf', pages: 10 });
  }, 60_000);

  it("offers the test backend's own modes and sources, and refuses a mode it lacks", async () => {
    const { t } = await officerWithCase();
    expect(await t.must('scanner.capabilities', { device: 'test:0' })).toEqual({
      modes: ['Gray', 'Color'],
      preferredMode: 'Gray',
      sources: ['flatbed', 'feeder'],
      resolutions: [75, 100, 150, 200, 300, 400, 600],
    });
    const lineart = await t.call('scanner.scan', { ...small, mode: 'Lineart', source: 'flatbed' });
    expect(lineart.ok ? null : lineart.error).toMatchObject({
      code: 'VALIDATION',
      fields: { mode: 'validation.invalid' },
    });
    const missing = await t.call('scanner.capabilities', { device: 'test:99' });
    expect(missing.ok ? null : missing.error.code).toBe('NOT_FOUND');
  }, 60_000);

  it("follows the first page's progress in a session opened before scanning", async () => {
    const { t } = await officerWithCase();
    const { sessionId } = await t.must('scanner.openSession', { resolution: 300 });
    expect(await t.must('scanner.progress', { sessionId })).toEqual({
      pages: 0,
      percent: null,
      busy: false,
    });
    const scanning = t.must('scanner.scan', {
      ...small,
      resolution: 300,
      source: 'flatbed',
      sessionId,
    });
    const seen: number[] = [];
    for (let i = 0; i < 600; i++) {
      const p = await t.must('scanner.progress', { sessionId });
      if (!p.busy && p.pages === 1) break;
      if (p.busy && p.percent !== null) seen.push(p.percent);
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(await scanning).toEqual({ sessionId, pages: 1, fault: null });
    expect(seen.length).toBeGreaterThan(0);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    // Another officer cannot peek into this session.
    const other = await t.callRaw('scanner.progress', { sessionId }, 'not-a-session');
    expect(other.ok).toBe(false);
  }, 60_000);

  it('keeps the pages scanned before a jam, and continues after it', async () => {
    let jam = true;
    const feeder = feederOf(6);
    const { t, caseId } = await officerWithCase((page) =>
      page === 4 && jam ? ['--read-return-value', 'SANE_STATUS_JAMMED'] : feeder(page),
    );
    const first = await t.must('scanner.scan', { ...small, source: 'feeder' });
    expect(first).toMatchObject({ pages: 3, fault: 'PAPER_JAM' });
    jam = false; // the officer clears the jam
    const resumed = await t.must('scanner.scan', {
      ...small,
      source: 'feeder',
      sessionId: first.sessionId,
    });
    expect(resumed).toMatchObject({ sessionId: first.sessionId, pages: 6, fault: null });
    const view = await t.must('scanner.attach', {
      sessionId: first.sessionId,
      caseId,
      kind: 'other',
    });
    expect(
      await t.must('attachment.preview', { caseId, attachmentId: view.attachments[0]!.id }),
    ).toMatchObject({ kind: 'pdf', pages: 6 });
  }, 60_000);

  it.each([
    ['SANE_STATUS_JAMMED', 'PAPER_JAM'],
    ['SANE_STATUS_NO_DOCS', 'FEEDER_EMPTY'],
    ['SANE_STATUS_DEVICE_BUSY', 'DEVICE_BUSY'],
    ['SANE_STATUS_COVER_OPEN', 'COVER_OPEN'],
    ['SANE_STATUS_IO_ERROR', 'IO_ERROR'],
    ['SANE_STATUS_ACCESS_DENIED', 'ACCESS_DENIED'],
  ])('reports %s as %s with nothing scanned', async (status, fault) => {
    const { t } = await officerWithCase(() => ['--read-return-value', status]);
    const r = await t.must('scanner.scan', { ...small, source: 'feeder' });
    expect(r).toMatchObject({ pages: 0, fault });
    expect(
      await t.call('scanner.attach', { sessionId: r.sessionId, caseId: 1, kind: 'other' }),
    ).toMatchObject({ ok: false, error: { code: 'ATTACHMENT_EMPTY' } });
  });

  it('says the scanner is not found for an unknown device or a missing scanimage', async () => {
    const env = saneTestEnv();
    expect(
      await new SaneScanner({ env }).scanPage({ ...small, device: 'nosuch:0', source: 'flatbed' }),
    ).toEqual({ ok: false, fault: 'SCANNER_NOT_FOUND' });
    expect(
      await new SaneScanner({ env, command: 'scanimage-not-installed' }).scanPage({
        ...small,
        source: 'flatbed',
      }),
    ).toEqual({ ok: false, fault: 'SCANNER_NOT_FOUND' });
    expect(
      await new SaneScanner({ env, command: 'scanimage-not-installed' }).listDevices(),
    ).toEqual([]);
  });

  it('cancels a scan in progress', async () => {
    const controller = new AbortController();
    const scanning = new SaneScanner({ env: saneTestEnv() }).scanPage({
      ...small,
      resolution: 600,
      source: 'flatbed',
      signal: controller.signal,
      extraArgs: ['--read-delay=yes', '--read-delay-duration', '200000'],
    });
    setTimeout(() => controller.abort(), 200);
    expect(await scanning).toEqual({ ok: false, fault: 'CANCELLED' });
  });
});

describe('a scan session', () => {
  it('assembles each page at the resolution it was scanned at, so every page keeps its paper size', async () => {
    const { t, caseId } = await officerWithCase();
    const first = await t.must('scanner.scan', { ...small, resolution: 75, source: 'flatbed' });
    const second = await t.must('scanner.scan', {
      ...small,
      resolution: 150,
      source: 'flatbed',
      sessionId: first.sessionId,
    });
    expect(second.pages).toBe(2);
    const view = await t.must('scanner.attach', {
      sessionId: first.sessionId,
      caseId,
      kind: 'other',
    });
    const preview = await t.must('attachment.preview', {
      caseId,
      attachmentId: view.attachments[0]!.id,
    });
    if (preview.kind !== 'pdf') throw new Error('expected a PDF');
    const doc = await PDFDocument.load(Buffer.from(preview.base64, 'base64'));
    const [a, b] = doc.getPages().map((p) => p.getSize());
    // The same sheet of the test backend's glass: the same size in points at 75 and 150 dpi.
    expect(b!.width).toBeCloseTo(a!.width, 0);
    expect(b!.height).toBeCloseTo(a!.height, 0);
  }, 60_000);

  it('is forgotten, pages and all, after 15 minutes without a call, and kept while it is used', async () => {
    const { t } = await officerWithCase();
    const kept = await t.must('scanner.scan', { ...small, source: 'flatbed' });
    const abandoned = await t.must('scanner.scan', { ...small, source: 'flatbed' });
    t.clock.advance(10 * 60_000);
    expect(await t.must('scanner.progress', { sessionId: kept.sessionId })).toMatchObject({
      pages: 1,
    });
    t.clock.advance(6 * 60_000); // 16 minutes since the abandoned one was last used
    expect(await t.must('scanner.progress', { sessionId: kept.sessionId })).toMatchObject({
      pages: 1,
    });
    const gone = await t.call('scanner.progress', { sessionId: abandoned.sessionId });
    expect(gone.ok ? null : gone.error.code).toBe('NOT_FOUND');
  }, 60_000);

  it('stops a batch when the session would exceed its byte cap, keeping the pages before it', async () => {
    const probe = await new SaneScanner({ env: saneTestEnv() }).scanPage({
      ...small,
      source: 'flatbed',
    });
    if (!probe.ok) throw new Error('the test backend did not scan');
    const { t } = await officerWithCase(feederOf(10), {
      maxSessionBytes: probe.png.length * 3 + 10,
    });
    const r = await t.must('scanner.scan', { ...small, source: 'feeder' });
    expect(r).toMatchObject({ pages: 3, fault: 'SESSION_FULL' });
  }, 60_000);

  it('stops a batch at the page cap', async () => {
    const { t } = await officerWithCase(feederOf(10), { maxSessionPages: 4 });
    const r = await t.must('scanner.scan', { ...small, source: 'feeder' });
    expect(r).toMatchObject({ pages: 4, fault: 'SESSION_FULL' });
    const again = await t.must('scanner.scan', {
      ...small,
      source: 'flatbed',
      sessionId: r.sessionId,
    });
    expect(again).toMatchObject({ pages: 4, fault: 'SESSION_FULL' });
  }, 60_000);

  it("names the scanned file by the core clock's WIB day and WIB time", async () => {
    const { t, caseId } = await officerWithCase();
    t.clock.current = new Date('2026-11-24T17:35:00Z'); // 00:35 on the 25th in Jakarta
    t.token = (
      await t.must('auth.login', { username: ADMIN.username, pin: ADMIN.pin })
    ).sessionToken;
    const scan = await t.must('scanner.scan', { ...small, source: 'flatbed' });
    const view = await t.must('scanner.attach', {
      sessionId: scan.sessionId,
      caseId,
      kind: 'other',
    });
    expect(view.attachments[0]!.originalName).toBe('pindaian-2026-11-25-0035.png');
  }, 60_000);
});

describe('fault messages when scanimage stops answering', () => {
  it('reads the fault from what scanimage said before it hung', async () => {
    const { faultOf } = await import('../../../electron/core/scanner/scanner-faults');
    expect(faultOf(null, 'scanimage: sane_read: Scanner cover is open')).toBe('COVER_OPEN');
    expect(faultOf(null, 'scanimage: sane_read: Error during device I/O')).toBe('IO_ERROR');
    expect(faultOf(null, 'scanimage: sane_read: Access to resource has been denied')).toBe(
      'ACCESS_DENIED',
    );
    expect(faultOf(null, 'scanimage: sane_read: Document feeder jammed')).toBe('PAPER_JAM');
    expect(faultOf(null, '')).toBe('SCANNER_FAILED');
  });
});
