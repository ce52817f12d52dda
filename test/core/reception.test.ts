import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { currentContactConsent, currentNotice } from '../../shared/domain/privacy-notice';
import type { CheckInInput } from '../../shared/domain/visit';
import { cleanup, startWithAdmin, TestClock, type TestCore } from '../helpers/temp-core';

let t: TestCore;
afterEach(() => cleanup(t));

const BUDI: CheckInInput = {
  fullName: 'Budi Santoso',
  phone: '0812-3456-7890',
  email: 'Budi.Santoso@Example.co.id',
  institution: 'CV Maju Jaya',
  visitorType: 'penyedia_badan_usaha',
  lpse: 'LPSE Kota Bandung',
  purpose: 'Lupa kata sandi SPSE',
  noticeVersion: currentNotice().version,
  noticeDelivery: 'read_out' as const,
};

const count = (table: 'visitor' | 'visit' | 'audit') =>
  (t.core.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('check-in', () => {
  it('records the visitor, the visit with its notice version, and an audit entry by the receptionist', async () => {
    t = await startWithAdmin();
    const r = await t.must('visit.checkIn', BUDI);
    expect(r).toMatchObject({ queueLabel: 'K-001', serviceDay: '2026-11-24' });
    const visitor = t.core.db.prepare('SELECT * FROM visitor WHERE id = ?').get(r.visitorId);
    expect(visitor).toMatchObject({ phone: '+6281234567890', email: 'budi.santoso@example.co.id' });
    const visit = t.core.db.prepare('SELECT * FROM visit WHERE id = ?').get(r.visitId);
    expect(visit).toMatchObject({
      notice_version: currentNotice().version,
      notice_delivery: 'read_out',
      notice_at: '2026-11-24T02:00:00.000Z',
      contact_consent_version: null,
      contact_consent_at: null,
      status: 'waiting',
      checked_in_by: 1,
    });
    const audit = t.core.db
      .prepare("SELECT actor_id FROM audit WHERE action = 'visit.checkIn'")
      .all();
    expect(audit).toEqual([{ actor_id: 1 }]);
  });

  it('needs only name, phone, purpose and how the notice was given: no consent', async () => {
    t = await startWithAdmin();
    const r = await t.call('visit.checkIn', {
      fullName: 'Dewi',
      phone: '+62 21 2993 5577',
      purpose: 'Konsultasi',
      noticeVersion: currentNotice().version,
      noticeDelivery: 'read_out' as const,
    });
    expect(r.ok).toBe(true);
  });

  it.each([
    ['no name', { fullName: '   ' }, 'fullName', 'validation.required'],
    ['a bad phone', { phone: '12345' }, 'phone', 'validation.phoneInvalid'],
    ['a foreign phone', { phone: '+1 415 555 0100' }, 'phone', 'validation.phoneInvalid'],
    ['no phone for a new visitor', { phone: '' }, 'phone', 'validation.required'],
    ['a bad email', { email: 'budi@' }, 'email', 'validation.emailInvalid'],
    ['no purpose', { purpose: '' }, 'purpose', 'validation.required'],
    [
      'no way the notice was given',
      { noticeDelivery: undefined },
      'noticeDelivery',
      'validation.noticeDelivery',
    ],
    [
      'an unknown way of giving the notice',
      { noticeDelivery: 'whispered' },
      'noticeDelivery',
      'validation.noticeDelivery',
    ],
    ['an unknown visitor type', { visitorType: 'hacker' }, 'visitorType', 'validation.invalid'],
    [
      'a 100,000-character purpose',
      { purpose: 'x'.repeat(100_000) },
      'purpose',
      'validation.tooLong:500',
    ],
    ['control characters', { fullName: 'Budi\u0007' }, 'fullName', 'validation.controlChars'],
    ['a number for a name', { fullName: 42 }, 'fullName', 'validation.required'],
  ])('refuses %s with a field code and writes nothing', async (_label, change, field, key) => {
    t = await startWithAdmin();
    const auditBefore = count('audit');
    const r = await t.callRaw('visit.checkIn', { ...BUDI, ...change });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('VALIDATION');
    expect(r.error.fields?.[field]).toBe(key);
    expect(r.error.message).toMatch(/Ada isian yang belum benar/);
    expect([count('visitor'), count('visit'), count('audit')]).toEqual([0, 0, auditBefore]);
  });

  it('accepts names in any script and emoji within the limit', async () => {
    t = await startWithAdmin();
    const name = 'Nyoman Ñáñez 山田 عبد الله 👩🏽‍💻';
    const r = await t.must('visit.checkIn', { ...BUDI, fullName: name });
    const row = t.core.db.prepare('SELECT full_name FROM visitor WHERE id = ?').get(r.visitorId);
    expect(row).toEqual({ full_name: name });
  });

  it('refuses a check-in under an outdated notice and writes nothing', async () => {
    t = await startWithAdmin();
    const r = await t.call('visit.checkIn', { ...BUDI, noticeVersion: '2020-01-v0' });
    expect(r.ok ? null : r.error.code).toBe('NOTICE_OUTDATED');
    expect(count('visit')).toBe(0);
  });

  it('stores the notice version, its delivery and time with every visit, and the optional consent only when given', async () => {
    t = await startWithAdmin();
    const first = await t.must('visit.checkIn', { ...BUDI, noticeDelivery: 'printed' });
    t.clock.advance(60_000);
    const second = await t.must('visit.checkIn', {
      ...BUDI,
      returningVisitorId: first.visitorId,
      noticeDelivery: 'visitor_screen',
      contactConsent: true,
    });
    const rows = t.core.db
      .prepare(
        `SELECT notice_version, notice_delivery, notice_at, contact_consent_version, contact_consent_at
           FROM visit WHERE id IN (?, ?) ORDER BY id`,
      )
      .all(first.visitId, second.visitId);
    expect(rows).toEqual([
      {
        notice_version: currentNotice().version,
        notice_delivery: 'printed',
        notice_at: '2026-11-24T02:00:00.000Z',
        contact_consent_version: null,
        contact_consent_at: null,
      },
      {
        notice_version: currentNotice().version,
        notice_delivery: 'visitor_screen',
        notice_at: '2026-11-24T02:01:00.000Z',
        contact_consent_version: currentContactConsent().version,
        contact_consent_at: '2026-11-24T02:01:00.000Z',
      },
    ]);
  });

  it('leaves no row behind when the visit cannot be written after the visitor was', async () => {
    t = await startWithAdmin();
    // Sabotage the visit insert only, so the failure happens mid-transaction.
    t.core.db.exec(
      "CREATE TRIGGER sabotage BEFORE INSERT ON visit BEGIN SELECT RAISE(ABORT, 'disk full'); END",
    );
    const r = await t.call('visit.checkIn', BUDI);
    expect(r.ok ? null : r.error.code).toBe('INTERNAL');
    expect([count('visitor'), count('visit')]).toEqual([0, 0]);
  });
});

describe('queue numbers', () => {
  it('count up through the day and start again at K-001 after midnight WIB', async () => {
    t = await startWithAdmin();
    t.clock.current = new Date('2026-11-24T16:58:00Z'); // 23:58 WIB
    const labels = [];
    for (let i = 0; i < 3; i++) labels.push((await t.must('visit.checkIn', BUDI)).queueLabel);
    expect(labels).toEqual(['K-001', 'K-002', 'K-003']);
    t.clock.current = new Date('2026-11-24T17:00:00Z'); // 00:00 WIB the next day
    const next = await t.must('visit.checkIn', BUDI);
    expect(next).toMatchObject({ queueLabel: 'K-001', serviceDay: '2026-11-25' });
  });
});

describe('a check-in at midnight WIB', () => {
  /** A clock that moves on 200 ms each time it is read, as a busy host's clock does. */
  class MovingClock extends TestClock {
    override now = (): Date => {
      const at = new Date(this.current.getTime());
      this.advance(200);
      return at;
    };
  }

  it('takes its time and its service day from one reading of the clock', async () => {
    const clock = new MovingClock();
    t = await startWithAdmin({ clock });
    // Wherever in the check-in the clock passes 17:00 UTC (00:00 WIB), both come from one reading.
    for (let ms = -1500; ms <= 300; ms += 100) {
      clock.current = new Date(Date.parse('2026-11-24T17:00:00.000Z') + ms);
      const r = await t.must('visit.checkIn', BUDI);
      const wibDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(
        new Date(r.checkedInAt),
      );
      expect(r.serviceDay, `${ms} ms`).toBe(wibDay);
    }
  });
});

describe('returning visitors', () => {
  it('are found by a prefix of name, phone in any writing, or email, with contacts masked', async () => {
    t = await startWithAdmin();
    await t.must('visit.checkIn', BUDI);
    await t.must('visit.checkIn', {
      ...BUDI,
      fullName: 'Dewi Lestari',
      phone: '085712345678',
      email: 'dewi@pupr.go.id',
    });
    const names = async (query: string) =>
      (await t.must('visitor.search', { query })).map((s) => s.fullName);
    expect(await names('bud')).toEqual(['Budi Santoso']);
    expect(await names('budi sa')).toEqual(['Budi Santoso']);
    expect(await names('santo')).toEqual(['Budi Santoso']);
    expect(await names('0812')).toEqual(['Budi Santoso']);
    expect(await names('0812-34')).toEqual(['Budi Santoso']);
    expect(await names('+62 857')).toEqual(['Dewi Lestari']);
    expect(await names('62857')).toEqual(['Dewi Lestari']);
    expect(await names('dewi@pu')).toEqual(['Dewi Lestari']);
    expect(await names('budi.sa')).toEqual(['Budi Santoso']);
    expect(await names('b')).toEqual([]);
    expect(await names('zzz')).toEqual([]);
    const [budi] = await t.must('visitor.search', { query: 'budi' });
    expect(budi).toMatchObject({
      phoneMasked: '0812•••••890',
      emailMasked: 'b•••@e•••.id',
      institution: 'CV Maju Jaya',
      lastVisitDay: '2026-11-24',
    });
    expect(JSON.stringify(budi)).not.toContain('3456');
  });

  it.each([
    ['jafar', "Ja'far Shadiq"],
    ['ja’far', "Ja'far Shadiq"],
    ['kadeke', "Kadek'e Wirawan"],
    ['niluh', 'Ni Luh Putu Ayu'],
    ['luhputu', 'Ni Luh Putu Ayu'],
    ['ni luh', 'Ni Luh Putu Ayu'],
    ['sitinur', 'Siti-Nurhaliza'],
    ['siti nur', 'Siti-Nurhaliza'],
    ['renee', 'Renée Ñáñez'],
    ['nanez', 'Renée Ñáñez'],
    ['\uFF32\uFF45\uFF4E', 'Renée Ñáñez'], // full-width letters, as some keyboards type them
  ])(
    'find %j → %j whatever the spelling around apostrophes, hyphens, spaces and accents',
    async (query, name) => {
      t = await startWithAdmin();
      for (const fullName of [
        "Ja'far Shadiq",
        "Kadek'e Wirawan",
        'Ni Luh Putu Ayu',
        'Siti-Nurhaliza',
        'Renée Ñáñez',
        'Lukas Niman',
      ]) {
        await t.must('visit.checkIn', { ...BUDI, fullName });
      }
      const found = (await t.must('visitor.search', { query })).map((s) => s.fullName);
      expect(found).toEqual([name]);
    },
  );

  it('find a visitor by the last digits of the phone, still masked', async () => {
    t = await startWithAdmin();
    await t.must('visit.checkIn', BUDI); // 0812-3456-7890
    await t.must('visit.checkIn', { ...BUDI, fullName: 'Dewi', phone: '(021) 2993 5577' });
    const search = (query: string) => t.must('visitor.search', { query });
    expect((await search('7890')).map((s) => s.fullName)).toEqual(['Budi Santoso']);
    expect((await search('567890')).map((s) => s.fullName)).toEqual(['Budi Santoso']);
    expect((await search('5577')).map((s) => s.fullName)).toEqual(['Dewi']);
    expect((await search('0812')).map((s) => s.fullName)).toEqual(['Budi Santoso']);
    expect((await search('1234')).map((s) => s.fullName)).toEqual([]);
    const [budi] = await search('7890');
    expect(budi?.phoneMasked).toBe('0812•••••890');
    expect(JSON.stringify(budi)).not.toContain('3456');
  });

  it('treats search operators typed by a person as plain text', async () => {
    t = await startWithAdmin();
    await t.must('visit.checkIn', BUDI);
    for (const query of [
      '"',
      'bu"di',
      'AND',
      'NEAR(budi',
      'budi*',
      '^bud',
      'budi OR',
      '(((',
      '-budi',
      'phone:08',
    ]) {
      const r = await t.call('visitor.search', { query });
      expect(r.ok, query).toBe(true);
    }
  });

  it('update the visitor from a new check-in, keep history in the audit trail, and leave past visits as they were', async () => {
    t = await startWithAdmin();
    const first = await t.must('visit.checkIn', BUDI);
    const second = await t.must('visit.checkIn', {
      ...BUDI,
      returningVisitorId: first.visitorId,
      phone: '+62 813 1111 2222',
      email: '',
      institution: 'PT Sinar Abadi',
      purpose: 'Verifikasi perubahan data',
    });
    expect(second.visitorId).toBe(first.visitorId);
    expect(count('visitor')).toBe(1);
    const visitor = t.core.db.prepare('SELECT phone, email, institution FROM visitor').get();
    // An empty email keeps the one on file: it was only shown masked.
    expect(visitor).toEqual({
      phone: '+6281311112222',
      email: 'budi.santoso@example.co.id',
      institution: 'PT Sinar Abadi',
    });
    const audit = t.core.db
      .prepare<[], { detail: string }>("SELECT detail FROM audit WHERE action = 'visitor.update'")
      .all();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.detail)).toEqual({
      changes: {
        phone: { from: '+6281234567890', to: '+6281311112222' },
        institution: { from: 'CV Maju Jaya', to: 'PT Sinar Abadi' },
      },
    });
    const { visits } = await t.must('visit.listForDay', {});
    expect(visits.map((v) => v.institution)).toEqual(['CV Maju Jaya', 'PT Sinar Abadi']);
  });

  it('keep the phone on file when the receptionist leaves it empty', async () => {
    t = await startWithAdmin();
    const first = await t.must('visit.checkIn', BUDI);
    await t.must('visit.checkIn', { ...BUDI, returningVisitorId: first.visitorId, phone: '' });
    expect(t.core.db.prepare('SELECT phone FROM visitor').get()).toEqual({
      phone: '+6281234567890',
    });
    expect(
      t.core.db.prepare("SELECT count(*) AS n FROM audit WHERE action = 'visitor.update'").get(),
    ).toEqual({ n: 0 });
  });

  it('refuses an unknown returning visitor without writing', async () => {
    t = await startWithAdmin();
    const r = await t.call('visit.checkIn', { ...BUDI, returningVisitorId: 999 });
    expect(r.ok ? null : r.error.code).toBe('NOT_FOUND');
    expect(count('visit')).toBe(0);
  });
});

describe("today's list, check-out and the end of the day", () => {
  it('lists the day in queue order and checks a visitor out once', async () => {
    t = await startWithAdmin();
    const a = await t.must('visit.checkIn', BUDI);
    await t.must('visit.checkIn', { ...BUDI, fullName: 'Dewi' });
    t.clock.advance(25 * 60_000);
    const out = await t.must('visit.checkOut', { visitId: a.visitId });
    expect(out).toMatchObject({
      status: 'left_unserved', // nobody called Budi before he left
      checkedOutAt: '2026-11-24T02:25:00.000Z',
      autoClosed: false,
    });
    const again = await t.call('visit.checkOut', { visitId: a.visitId });
    expect(again.ok ? null : again.error.code).toBe('VISIT_ALREADY_CLOSED');
    const missing = await t.call('visit.checkOut', { visitId: 12345 });
    expect(missing.ok ? null : missing.error.code).toBe('NOT_FOUND');
    const { visits } = await t.must('visit.listForDay', {});
    expect(visits.map((v) => [v.queueLabel, v.fullName, v.status])).toEqual([
      ['K-001', 'Budi Santoso', 'left_unserved'],
      ['K-002', 'Dewi', 'waiting'],
    ]);
  });

  it('records a visitor checked out before anyone served them as "left unserved", apart from "done"', async () => {
    t = await startWithAdmin();
    const served = await t.must('visit.checkIn', BUDI);
    const left = await t.must('visit.checkIn', { ...BUDI, fullName: 'Dewi' });
    const called = await t.must('visit.checkIn', { ...BUDI, fullName: 'Agus' });
    await t.must('queue.callNext', {});
    await t.must('queue.start', { visitId: served.visitId });
    await t.must('visit.checkOut', { visitId: served.visitId });
    const leftRow = await t.must('visit.checkOut', { visitId: left.visitId });
    expect(leftRow.status).toBe('left_unserved');
    await t.must('queue.callNext', {}); // Agus is called, but leaves before he is served
    await t.must('visit.checkOut', { visitId: called.visitId });
    const { visits } = await t.must('visit.listForDay', {});
    expect(visits.map((v) => [v.queueLabel, v.status])).toEqual([
      ['K-001', 'done'],
      ['K-002', 'left_unserved'],
      ['K-003', 'left_unserved'],
    ]);
    const again = await t.call('visit.checkOut', { visitId: left.visitId });
    expect(again.ok ? null : again.error.code).toBe('VISIT_ALREADY_CLOSED');
    const audit = t.core.db
      .prepare<[], { entity_id: string; detail: string | null }>(
        "SELECT entity_id, detail FROM audit WHERE action = 'visit.checkOut' ORDER BY id",
      )
      .all()
      .map((a) => [a.entity_id, a.detail === null ? null : JSON.parse(a.detail)]);
    expect(audit).toEqual([
      [String(served.visitId), { outcome: 'served' }],
      [String(left.visitId), { outcome: 'left_unserved' }],
      [String(called.visitId), { outcome: 'left_unserved' }],
    ]);
  });

  it('counts visitors still waiting when the day is closed as left unserved', async () => {
    t = await startWithAdmin();
    const served = await t.must('visit.checkIn', BUDI);
    await t.must('visit.checkIn', { ...BUDI, fullName: 'Dewi' });
    await t.must('queue.callNext', {});
    await t.must('queue.start', { visitId: served.visitId });
    t.clock.current = new Date('2026-11-25T01:00:00Z');
    const { visits } = await t.must('visit.listForDay', { day: '2026-11-24' });
    expect(visits.map((v) => [v.fullName, v.status, v.autoClosed])).toEqual([
      ['Budi Santoso', 'done', true],
      ['Dewi', 'left_unserved', true],
    ]);
  });

  it('closes visits left open when the day ends and flags them', async () => {
    t = await startWithAdmin();
    await t.must('visit.checkIn', BUDI);
    t.clock.current = new Date('2026-11-25T01:00:00Z');
    const { day, visits } = await t.must('visit.listForDay', { day: '2026-11-24' });
    expect(day).toBe('2026-11-24');
    expect(visits[0]).toMatchObject({ status: 'left_unserved', autoClosed: true });
    // The list only reads; the minute's housekeeping closes the visit and records it.
    t.core.housekeeping();
    const audit = t.core.db
      .prepare("SELECT actor_id FROM audit WHERE action = 'visit.autoClose'")
      .all();
    expect(audit).toEqual([{ actor_id: null }]);
  });

  it('also closes them when the host starts on a later day', async () => {
    t = await startWithAdmin();
    await t.must('visit.checkIn', BUDI);
    t.close();
    t.clock.current = new Date('2026-11-26T01:00:00Z');
    const { createCore } = await import('../../electron/core/core');
    const reopened = createCore({ dataDir: t.dataDir, now: t.clock.now });
    expect(reopened.db.prepare('SELECT status, auto_closed FROM visit').get()).toEqual({
      status: 'done',
      auto_closed: 1,
    });
    t.core = reopened;
  });
});

describe('daily register export', () => {
  async function dayWithVisitors(): Promise<void> {
    t = await startWithAdmin();
    await t.must('visit.checkIn', BUDI);
    await t.must('visit.checkIn', {
      ...BUDI,
      fullName: '=HYPERLINK("http://evil.example","klik")',
      phone: '0857 1234 5678',
      email: '',
      institution: 'PT "Kutip", Tbk',
      purpose: 'baris satu\nbaris dua',
    });
  }

  it('writes CSV with a BOM, quoted fields, and formulas neutralised', async () => {
    await dayWithVisitors();
    const file = await t.must('register.export', { format: 'csv' });
    expect(file.fileName).toBe('buku-tamu-2026-11-24.csv');
    const text = Buffer.from(file.base64, 'base64').toString('utf8');
    expect(text.startsWith('\uFEFFNo. antrean,Jam datang (WIB),Nama,')).toBe(true);
    const lines = text.slice(1).split('\r\n');
    expect(lines[1]).toBe(
      `K-001,09.00,Budi Santoso,CV Maju Jaya,Penyedia — badan usaha,LPSE Kota Bandung,Lupa kata sandi SPSE,0812-3456-7890,budi.santoso@example.co.id,Menunggu,,,Tidak,${currentNotice().version},09.00,`,
    );
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""klik"")"`);
    expect(text).toContain('"PT ""Kutip"", Tbk"');
    expect(text).toContain('"baris satu\nbaris dua"');
    const audit = t.core.db
      .prepare("SELECT actor_id, entity_id, detail FROM audit WHERE action = 'register.export'")
      .all();
    expect(audit).toEqual([{ actor_id: 1, entity_id: '2026-11-24', detail: '{"format":"csv"}' }]);
  });

  it('gives the register an outcome column that tells a served visit from one that left unserved', async () => {
    t = await startWithAdmin();
    const served = await t.must('visit.checkIn', BUDI);
    const left = await t.must('visit.checkIn', { ...BUDI, fullName: 'Dewi' });
    await t.must('visit.checkIn', { ...BUDI, fullName: 'Agus' });
    await t.must('queue.callNext', {});
    await t.must('queue.start', { visitId: served.visitId });
    await t.must('queue.end', { visitId: served.visitId });
    await t.must('visit.checkOut', { visitId: left.visitId });
    const file = await t.must('register.export', { format: 'csv' });
    const lines = Buffer.from(file.base64, 'base64').toString('utf8').slice(1).split('\r\n');
    const header = lines[0]!.split(',');
    const at = (name: string) => header.indexOf(name);
    const cells = lines.slice(1, 4).map((l) => l.split(','));
    expect(at('Hasil kunjungan')).toBeGreaterThan(0);
    expect(cells.map((c) => [c[2], c[at('Status')], c[at('Hasil kunjungan')]])).toEqual([
      ['Budi Santoso', 'Selesai', 'Dilayani'],
      ['Dewi', 'Pulang sebelum dilayani', 'Pulang sebelum dilayani'],
      ['Agus', 'Menunggu', ''],
    ]);
    const xlsx = await t.must('register.export', { format: 'xlsx' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Uint8Array.from(Buffer.from(xlsx.base64, 'base64')).buffer);
    const row = workbook.getWorksheet('Buku tamu')?.getRow(3);
    expect(row?.getCell(at('Hasil kunjungan') + 1).value).toBe('Pulang sebelum dilayani');
  });

  it('writes an XLSX workbook with the same table', async () => {
    await dayWithVisitors();
    const file = await t.must('register.export', { format: 'xlsx', day: '2026-11-24' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Uint8Array.from(Buffer.from(file.base64, 'base64')).buffer);
    const sheet = workbook.getWorksheet('Buku tamu');
    expect(sheet?.rowCount).toBe(3);
    expect(sheet?.getRow(1).getCell(1).value).toBe('No. antrean');
    expect(sheet?.getRow(2).getCell(3).value).toBe('Budi Santoso');
    // In XLSX the text is a string cell, never a formula.
    expect(sheet?.getRow(3).getCell(3).value).toBe('=HYPERLINK("http://evil.example","klik")');
    expect(sheet?.getRow(3).getCell(8).value).toBe('0857-1234-5678');
  });

  it('speaks English when asked', async () => {
    await dayWithVisitors();
    const r = await t.core.dispatch(
      'register.export',
      { format: 'csv' },
      { window: 'staff', sessionToken: t.token, locale: 'en' },
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const text = Buffer.from((r.value as { base64: string }).base64, 'base64').toString('utf8');
    expect(text).toContain('Queue no.,Arrived (WIB),Name,');
    expect(text).toContain(',Waiting,');
  });
});
