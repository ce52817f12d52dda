import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SKM_ELEMENTS } from '../../shared/domain/skm';
import type { SurveySubmission } from '../../shared/domain/survey';
import { currentNotice } from '../../shared/domain/privacy-notice';
import type { PersonRecord } from '../../shared/domain/privacy-request';
import { escalateCase } from '../helpers/escalate';
import { cleanup, startWithAdmin, type TestCore } from '../helpers/temp-core';

let t: TestCore;
afterEach(() => cleanup(t));

const HOUR = 3_600_000;
const code = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'OK' : r.error?.code);
const decode = (b64: string) => Buffer.from(b64, 'base64').toString('utf8');
const outbox = () =>
  t.core.db
    .prepare(
      "SELECT case_id, state, json_extract(last_error, '$.kind') AS kind FROM outbox ORDER BY id",
    )
    .all() as { case_id: number; state: string; kind: string | null }[];

async function budiWithSurvey(): Promise<{ visitorId: number; caseId: number; caseCode: string }> {
  const { displayToken } = await t.must('survey.openDisplay', {});
  const { caseId, caseCode } = await escalateCase(t, {
    fullName: 'Budi Santoso',
    beforeEscalating: (id) =>
      t.must('case.addNote', { caseId: id, text: 'Akun terkunci setelah 5 kali salah sandi' }),
  });
  const { visitId } = t.core.db
    .prepare('SELECT visit_id AS visitId FROM problem_case WHERE id = ?')
    .get(caseId) as { visitId: number };
  await t.must('queue.surveyReady', { visitId });
  const survey = (m: string, input: unknown = {}) =>
    t.core.dispatch(m, input, { window: 'survey', sessionToken: displayToken });
  const current = (await survey('survey.current')) as {
    ok: true;
    value: { pending: { ticket: string }[] };
  };
  const ticket = current.value.pending[0]!.ticket;
  const answers = Object.fromEntries(
    SKM_ELEMENTS.map((e) => [e, 4]),
  ) as SurveySubmission['answers'];
  expect(
    code(await survey('survey.submit', { ticket, answers, comment: 'KOMENTAR-SURVEI-RAHASIA' })),
  ).toBe('OK');
  const { visitorId } = t.core.db
    .prepare('SELECT visitor_id AS visitorId FROM visit WHERE id = ?')
    .get(visitId) as { visitorId: number };
  return { visitorId, caseId, caseCode };
}

/** A visitor checked in again (as returning), served, and their new case escalated. */
async function returningCaseEscalated(visitorId: number): Promise<number> {
  const { visitId } = await t.must('visit.checkIn', {
    returningVisitorId: visitorId,
    fullName: 'Budi Santoso',
    purpose: 'Kembali',
    noticeVersion: currentNotice().version,
    noticeDelivery: 'printed',
  });
  await t.must('queue.callNext', {});
  await t.must('queue.start', { visitId });
  const c = await t.must('case.create', { visitId });
  await t.must('case.saveDraft', {
    caseId: c.caseId,
    form: { application: 'spse', category: 'akun_login', description: 'Masih terkunci' },
  });
  await t.must('case.escalate', { caseId: c.caseId, missingDocumentsReason: 'Tidak ada' });
  return c.caseId;
}

describe('requests from a visitor (UU 27/2022)', () => {
  it('shows a request answered after 3 x 24 hours as late, and one answered in time as answered', async () => {
    t = await startWithAdmin();
    const late = await t.must('privacy.registerRequest', {
      kind: 'access',
      requesterName: 'Budi Santoso',
      channel: 'in_person',
    });
    expect(late).toMatchObject({
      clock: 'open',
      receivedAt: '2026-11-24T02:00:00.000Z',
      dueAt: '2026-11-27T02:00:00.000Z',
    });
    const onTime = await t.must('privacy.registerRequest', {
      kind: 'correction',
      requesterName: 'Dewi',
      channel: 'email',
    });
    t.clock.advance(72 * HOUR); // exactly 3 x 24 hours: still on time
    const answered = await t.must('privacy.answerRequest', {
      requestId: onTime.id,
      outcome: 'not_found',
      answer: 'Tidak ada data atas nama Dewi.',
    });
    expect(answered.clock).toBe('answered');
    t.clock.advance(60_000);
    const open = await t.must('privacy.requests', { open: true });
    expect(open.map((r) => [r.id, r.clock])).toEqual([[late.id, 'open_late']]);
    const closed = await t.must('privacy.answerRequest', {
      requestId: late.id,
      outcome: 'not_found',
      answer: 'Data tidak ditemukan.',
    });
    expect(closed.clock).toBe('answered_late');
    // Stays late: the clock is the answer's time, not the moment of looking.
    const all = await t.must('privacy.requests', {});
    expect(all.find((r) => r.id === late.id)?.clock).toBe('answered_late');
    const audit = t.core.db
      .prepare("SELECT detail FROM audit WHERE action = 'privacy.answerRequest' ORDER BY id")
      .all() as { detail: string }[];
    expect(audit.map((a) => JSON.parse(a.detail) as { late: boolean })).toMatchObject([
      { late: false },
      { late: true },
    ]);
    expect(
      code(
        await t.call('privacy.answerRequest', {
          requestId: late.id,
          outcome: 'refused',
          answer: 'lagi',
        }),
      ),
    ).toBe('PRIVACY_REQUEST_ANSWERED');
  });

  it('refuses to mark a request fulfilled before the person is found, and says when nobody matches', async () => {
    t = await startWithAdmin();
    const r = await t.must('privacy.registerRequest', {
      kind: 'access',
      requesterName: 'Tidak Ada',
      channel: 'letter',
    });
    expect(await t.must('privacy.findPerson', { query: 'Tidak Ada' })).toEqual([]);
    expect(
      code(
        await t.call('privacy.answerRequest', {
          requestId: r.id,
          outcome: 'fulfilled',
          answer: 'x',
        }),
      ),
    ).toBe('PRIVACY_REQUEST_NEEDS_PERSON');
    expect(code(await t.call('privacy.person', { visitorId: 999 }))).toBe('NOT_FOUND');
  });

  it('exports everything held about the person as JSON, with visits and cases and no survey answers', async () => {
    t = await startWithAdmin();
    const { visitorId, caseCode } = await budiWithSurvey();
    const request = await t.must('privacy.registerRequest', {
      kind: 'access',
      requesterName: 'Budi Santoso',
      channel: 'in_person',
    });
    const [found] = await t.must('privacy.findPerson', { query: 'budi' });
    expect(found?.visitorId).toBe(visitorId);
    await t.must('privacy.linkPerson', { requestId: request.id, visitorId });
    const file = await t.must('privacy.exportPerson', {
      visitorId,
      format: 'json',
      requestId: request.id,
    });
    expect(file).toMatchObject({ mimeType: 'application/json' });
    const text = decode(file.base64);
    const record = JSON.parse(text) as PersonRecord;
    expect(record.visitor).toMatchObject({ fullName: 'Budi Santoso', phone: '+6281234567890' });
    expect(record.visits).toHaveLength(1);
    expect(record.visits[0]?.notice).toMatchObject({
      version: currentNotice().version,
      kind: 'notice',
      delivery: 'read_out',
    });
    expect(record.cases.map((c) => c.caseCode)).toEqual([caseCode]);
    expect(record.cases[0]?.notes.map((n) => n.text)).toEqual([
      'Akun terkunci setelah 5 kali salah sandi',
    ]);
    expect(record.cases[0]?.helpdesk).toMatchObject([{ operation: 'create_ticket' }]);
    expect(record.trail.map((a) => a.action)).toEqual(
      expect.arrayContaining(['visitor.create', 'visit.checkIn', 'case.escalate']),
    );
    expect(record.requests.map((r) => r.id)).toEqual([request.id]);
    // Survey answers are anonymous: neither the answers nor the comment are in the copy.
    expect(text).not.toContain('KOMENTAR-SURVEI-RAHASIA');
    expect(text).not.toMatch(/persyaratan|survey_response/);
    // Who took the copy is on the request's trail and in the read log.
    const served = t.core.db
      .prepare("SELECT action FROM audit WHERE entity = 'privacy_request' AND entity_id = ?")
      .all(String(request.id));
    expect(served).toEqual(
      expect.arrayContaining([
        { action: 'privacy.exportPerson' },
        { action: 'privacy.linkPerson' },
      ]),
    );
  });

  it('exports the same record as a PDF with a Unicode font', async () => {
    t = await startWithAdmin();
    const { visitorId } = await budiWithSurvey();
    await t.must('privacy.correctPerson', { visitorId, fields: { fullName: 'Bűdi Ñáñez 山田' } });
    const file = await t.must('privacy.exportPerson', { visitorId, format: 'pdf' });
    const pdf = Buffer.from(file.base64, 'base64');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const path = join(t.dataDir, 'copy.pdf');
    writeFileSync(path, pdf);
    const text = execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' });
    expect(text).toContain('Salinan Data Pribadi');
    expect(text).toContain('Bűdi Ñáñez');
    expect(text).not.toContain('KOMENTAR-SURVEI-RAHASIA');
  });

  it('corrects the person on past visits and case reporters, and keeps the values before', async () => {
    t = await startWithAdmin();
    const { visitorId, caseId } = await budiWithSurvey();
    const record = await t.must('privacy.correctPerson', {
      visitorId,
      fields: { fullName: 'Budi Santosa', phone: '0813-1111-2222', email: 'budi.s@contoh.id' },
    });
    expect(record.visitor).toMatchObject({ fullName: 'Budi Santosa', phone: '+6281311112222' });
    expect(record.visits[0]).toMatchObject({ fullName: 'Budi Santosa', email: 'budi.s@contoh.id' });
    const c = t.core.db
      .prepare('SELECT reporter_name, reporter_phone FROM problem_case WHERE id = ?')
      .get(caseId);
    expect(c).toEqual({ reporter_name: 'Budi Santosa', reporter_phone: '+6281311112222' });
    const audit = t.core.db
      .prepare("SELECT detail FROM audit WHERE action = 'privacy.correctPerson'")
      .get() as { detail: string };
    expect(JSON.parse(audit.detail)).toMatchObject({
      changes: { full_name: { from: 'Budi Santoso', to: 'Budi Santosa' } },
      visits: 1,
      cases: 1,
    });
    expect(
      code(await t.call('privacy.correctPerson', { visitorId, fields: { phone: '12' } })),
    ).toBe('VALIDATION');
  });

  it('sends nothing more to the helpdesk for a restricted person, and releases what it held when lifted', async () => {
    t = await startWithAdmin();
    // Queued, not yet delivered (no helpdesk is set up in this test).
    const first = await escalateCase(t, { fullName: 'Budi Santoso' });
    expect(outbox()).toEqual([{ case_id: first.caseId, state: 'queued', kind: null }]);
    const visitorId = (
      t.core.db.prepare("SELECT id FROM visitor WHERE full_name = 'Budi Santoso'").get() as {
        id: number;
      }
    ).id;
    const other = await escalateCase(t, { fullName: 'Dewi Lestari', phone: '081298765432' });
    await t.must('privacy.restrict', { visitorId, restricted: true });
    expect(outbox()).toEqual([
      { case_id: first.caseId, state: 'failed', kind: 'restricted' },
      { case_id: other.caseId, state: 'queued', kind: null },
    ]);

    // Budi returns: his new case is escalated locally, but nothing is queued for the helpdesk.
    const secondCase = await returningCaseEscalated(visitorId);
    expect(outbox().filter((r) => r.case_id === secondCase)).toEqual([
      { case_id: secondCase, state: 'failed', kind: 'restricted' },
    ]);
    // A retry cannot put it back in the queue either.
    const entry = t.core.db
      .prepare('SELECT id FROM outbox WHERE case_id = ?')
      .get(first.caseId) as { id: number };
    await t.call('outbox.retryNow', { outboxId: entry.id });
    expect(outbox()[0]).toEqual({ case_id: first.caseId, state: 'failed', kind: 'restricted' });
    const waiting = t.core.db
      .prepare("SELECT count(*) AS n FROM outbox WHERE state IN ('queued', 'sending')")
      .get() as { n: number };
    expect(waiting.n).toBe(1); // only Dewi's

    await t.must('privacy.restrict', { visitorId, restricted: false });
    expect(outbox()[0]).toEqual({ case_id: first.caseId, state: 'queued', kind: null });
    expect(
      t.core.db.prepare("SELECT action FROM audit WHERE action LIKE 'privacy.%' ORDER BY id").all(),
    ).toEqual([{ action: 'privacy.restrict' }, { action: 'privacy.liftRestriction' }]);
  });

  it('gives reception the current notice as a PDF to print, with every Pasal 21(1) section', async () => {
    t = await startWithAdmin();
    const file = await t.must('privacy.noticePdf', {});
    expect(file.fileName).toBe(`pemberitahuan-data-pribadi-${currentNotice().version}.pdf`);
    const path = join(t.dataDir, 'notice.pdf');
    writeFileSync(path, Buffer.from(file.base64, 'base64'));
    const text = execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const s of Object.values(currentNotice().sections)) expect(text).toContain(s.heading.id);
    expect(text).toContain('Pasal 20 ayat (2) huruf e');
    expect(text).toContain(currentNotice().version);
  });

  it('is for supervisors only', async () => {
    t = await startWithAdmin();
    await t.must('staff.create', {
      fullName: 'Rina',
      username: 'rina',
      pin: '246801',
      roles: ['receptionist'],
    });
    const { sessionToken } = await t.must('auth.login', { username: 'rina', pin: '246801' });
    t.token = sessionToken;
    expect(code(await t.call('privacy.requests', {}))).toBe('FORBIDDEN');
    expect(code(await t.call('privacy.person', { visitorId: 1 }))).toBe('FORBIDDEN');
  });
});
