import { afterEach, describe, expect, it } from 'vitest';
import { currentNotice } from '../../../shared/domain/privacy-notice';
import type { CheckInInput } from '../../../shared/domain/visit';
import { AuditLog } from '../../../electron/core/audit';
import { Corrections } from '../../../electron/core/reception/corrections';
import { escalateCase } from '../../helpers/escalate';
import { cleanup, startWithAdmin, type TestCore } from '../../helpers/temp-core';

let t: TestCore | undefined;
afterEach(() => cleanup(t));

const BUDI: CheckInInput = {
  fullName: 'Budi Santoso',
  phone: '0812-3456-7890',
  email: 'budi@contoh.id',
  institution: 'CV Maju Jaya',
  visitorType: 'penyedia_badan_usaha',
  lpse: 'LPSE Kota Bandung',
  purpose: 'Lupa kata sandi SPSE',
  noticeDelivery: 'read_out' as const,
  noticeVersion: currentNotice().version,
};

const correction = (visitId: number, changes: Record<string, string> = {}) => ({
  visitId,
  fullName: BUDI.fullName,
  phone: BUDI.phone!,
  email: BUDI.email!,
  institution: BUDI.institution!,
  visitorType: BUDI.visitorType!,
  lpse: BUDI.lpse!,
  ...changes,
});

function registerCsv(file: { base64: string }): string {
  return Buffer.from(file.base64, 'base64').toString('utf8');
}

type Audit = {
  action: string;
  entity: string;
  entity_id: string;
  actor_id: number;
  detail: string;
};
const audits = (core: TestCore, action: string) =>
  core.core.db
    .prepare('SELECT action, entity, entity_id, actor_id, detail FROM audit WHERE action = ?')
    .all(action) as Audit[];

describe('correcting a check-in', () => {
  it('audits the change with before and after, and the register shows the new phone', async () => {
    const core = (t = await startWithAdmin());
    const { visitId, visitorId } = await core.must('visit.checkIn', BUDI);
    const fixed = await core.must(
      'visit.correct',
      correction(visitId, { phone: '0813 9999 0001' }),
    );
    expect(fixed).toMatchObject({ visitId, phone: '+6281399990001', fullName: 'Budi Santoso' });

    const csv = registerCsv(await core.must('register.export', { format: 'csv' }));
    expect(csv).toContain('0813-9999-0001');
    expect(csv).not.toContain('0812-3456-7890');

    const [entry] = audits(core, 'visit.correct');
    expect(entry).toMatchObject({ entity: 'visit', entity_id: String(visitId), actor_id: 1 });
    expect(JSON.parse(entry!.detail)).toEqual({
      changes: { phone: { from: '+6281234567890', to: '+6281399990001' } },
    });
    // The visitor's details were this check-in's: they follow, and search finds the new number.
    const visitor = core.core.db.prepare('SELECT phone FROM visitor WHERE id = ?').get(visitorId);
    expect(visitor).toEqual({ phone: '+6281399990001' });
    expect(await core.must('visitor.search', { query: '0813 9999' })).toHaveLength(1);
    expect(await core.must('visitor.search', { query: '0812 3456' })).toHaveLength(0);
  });

  it('refuses an invalid phone with the check-in message, and saves nothing', async () => {
    const core = (t = await startWithAdmin());
    const { visitId } = await core.must('visit.checkIn', BUDI);
    const atCheckIn = await core.call('visit.checkIn', { ...BUDI, phone: '12345' });
    const atCorrection = await core.call('visit.correct', correction(visitId, { phone: '12345' }));
    expect(atCheckIn.ok || atCheckIn.error.fields).toEqual({ phone: 'validation.phoneInvalid' });
    expect(atCorrection.ok || atCorrection.error.fields).toEqual(
      atCheckIn.ok || atCheckIn.error.fields,
    );
    expect(atCorrection.ok || atCorrection.error.message).toBe(
      atCheckIn.ok || atCheckIn.error.message,
    );
    expect(audits(core, 'visit.correct')).toEqual([]);
  });

  it('refuses to make one visitor the same name and phone as another, as check-in does', async () => {
    const core = (t = await startWithAdmin());
    await core.must('visit.checkIn', { ...BUDI, fullName: 'Siti Aminah', phone: '081311112222' });
    const { visitId, visitorId } = await core.must('visit.checkIn', BUDI);
    const twin = correction(visitId, { fullName: 'siti  AMINAH', phone: '+62 813-1111-2222' });
    const atCorrection = await core.call('visit.correct', twin);
    expect(atCorrection.ok || atCorrection.error.fields).toEqual({
      phone: 'validation.duplicateVisitor',
    });
    // The same at check-in, when a returning visitor is changed into the other one.
    const atCheckIn = await core.call('visit.checkIn', {
      ...BUDI,
      returningVisitorId: visitorId,
      fullName: 'Siti Aminah',
      phone: '081311112222',
    });
    expect(atCheckIn.ok || atCheckIn.error).toEqual(atCorrection.ok || atCorrection.error);
    // A shared office phone with another name is fine.
    const shared = await core.call('visit.correct', correction(visitId, { phone: '081311112222' }));
    expect(shared.ok).toBe(true);
  });

  it("carries the correction to the visit's cases, and leaves earlier visits as recorded", async () => {
    const core = (t = await startWithAdmin());
    const first = await core.must('visit.checkIn', { ...BUDI, phone: '081555000111' });
    await core.must('visit.checkOut', { visitId: first.visitId });
    const { caseId } = await escalateCase(core, {
      fullName: 'Budi Santosa',
      phone: '081555000222',
    });
    const { visit_id } = core.core.db
      .prepare('SELECT visit_id FROM problem_case WHERE id = ?')
      .get(caseId) as { visit_id: number };
    await core.must('visit.correct', {
      ...correction(visit_id),
      phone: '081555000222',
      email: 'budi@contoh.id',
    });
    const reporter = core.core.db
      .prepare('SELECT reporter_name FROM problem_case WHERE id = ?')
      .get(caseId);
    expect(reporter).toEqual({ reporter_name: 'Budi Santoso' });
    const [caseAudit, ...others] = audits(core, 'case.correct');
    expect(others).toEqual([]);
    expect(JSON.parse(caseAudit!.detail).changes).toMatchObject({
      reporter_name: { from: 'Budi Santosa', to: 'Budi Santoso' },
      reporter_institution: { from: null, to: 'CV Maju Jaya' },
    });
    const earlier = core.core.db.prepare('SELECT phone FROM visit WHERE id = ?');
    expect(earlier.get(first.visitId)).toEqual({ phone: '+6281555000111' });
  });

  it('corrects a person everywhere (visits and cases), each record audited before and after', async () => {
    const core = (t = await startWithAdmin());
    await escalateCase(core, { fullName: BUDI.fullName, phone: BUDI.phone! });
    const { id: visitorId } = core.core.db.prepare('SELECT id FROM visitor').get() as {
      id: number;
    };
    await core.must('visit.checkIn', { ...BUDI, returningVisitorId: visitorId });
    // The UU PDP requests screen calls this directly (issue 14): no contract method of its own.
    const corrections = new Corrections(
      core.core.db,
      new AuditLog(core.core.db, core.clock.now),
      core.clock.now,
    );
    const done = corrections.correctVisitor(
      1,
      visitorId,
      { email: 'budi.s@contoh.id' },
      { request: 'uu-pdp-correction' },
    );
    expect(done).toEqual({ visits: 2, cases: 1 });
    const emails = core.core.db
      .prepare('SELECT DISTINCT email FROM visit WHERE visitor_id = ?')
      .all(visitorId);
    expect(emails).toEqual([{ email: 'budi.s@contoh.id' }]);
    expect(core.core.db.prepare('SELECT reporter_email FROM problem_case').all()).toEqual([
      { reporter_email: 'budi.s@contoh.id' },
    ]);
    expect(audits(core, 'visit.correct')).toHaveLength(2);
    expect(audits(core, 'case.correct')).toHaveLength(1);
    expect(JSON.parse(audits(core, 'visitor.correct')[0]!.detail)).toEqual({
      changes: { email: { from: 'budi@contoh.id', to: 'budi.s@contoh.id' } },
      request: 'uu-pdp-correction',
    });
  });
});

describe('cancelling a check-in made by mistake', () => {
  it('marks it cancelled, keeps it, and leaves it out of the queue and the counts', async () => {
    const core = (t = await startWithAdmin());
    const wrong = await core.must('visit.checkIn', BUDI);
    const right = await core.must('visit.checkIn', { ...BUDI, fullName: 'Dewi Lestari' });
    const cancelled = await core.must('visit.cancel', {
      visitId: wrong.visitId,
      reason: 'Terdaftar dua kali',
    });
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: 'Terdaftar dua kali' });

    // Never deleted: the guest book still has it, marked.
    const { visits } = await core.must('visit.listForDay', {});
    expect(visits.map((v) => [v.queueLabel, v.status])).toEqual([
      ['K-001', 'cancelled'],
      ['K-002', 'waiting'],
    ]);
    const csv = registerCsv(await core.must('register.export', { format: 'csv' }));
    expect(csv).toMatch(/K-001.*Dibatalkan.*Pendaftaran dibatalkan: Terdaftar dua kali/);

    // The queue calls the next real visitor.
    const called = await core.must('queue.callNext', {});
    expect(called).toMatchObject({ visitId: right.visitId });
    await core.must('queue.start', { visitId: right.visitId });
    // The IKM's population counts the one served visit, never the cancelled one.
    const day = '2026-11-24';
    const ikm = await core.must('report.ikm', { from: day, to: day });
    expect(ikm.population).toBe(1);

    const audit = audits(core, 'visit.cancel');
    expect(JSON.parse(audit[0]!.detail)).toEqual({
      reason: 'Terdaftar dua kali',
      changes: { status: { from: 'waiting', to: 'cancelled' } },
    });
    expect((await core.call('visit.cancel', { visitId: wrong.visitId, reason: 'x' })).ok).toBe(
      false,
    );
  });

  it('is refused once the visitor was called', async () => {
    const core = (t = await startWithAdmin());
    const { visitId } = await core.must('visit.checkIn', BUDI);
    await core.must('queue.callNext', {});
    const r = await core.call('visit.cancel', { visitId, reason: 'Keliru' });
    expect(r.ok || r.error.code).toBe('VISIT_NOT_CANCELLABLE');
    expect((await core.must('records.visit', { visitId })).cancellable).toBe(false);
  });

  it('is for reception and supervisors only', async () => {
    const core = (t = await startWithAdmin());
    const { visitId } = await core.must('visit.checkIn', BUDI);
    await core.must('staff.create', {
      fullName: 'Rina Officer',
      username: 'rina',
      pin: '975310',
      roles: ['officer'],
    });
    const { sessionToken } = await core.must('auth.login', { username: 'rina', pin: '975310' });
    const r = await core.callRaw('visit.cancel', { visitId, reason: 'Keliru' }, sessionToken);
    expect(r.ok || r.error.code).toBe('FORBIDDEN');
    const c = await core.callRaw('visit.correct', correction(visitId), sessionToken);
    expect(c.ok || c.error.code).toBe('FORBIDDEN');
  });
});
