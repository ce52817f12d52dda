import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { SKM_ELEMENTS } from '../../../shared/domain/skm';
import type { SurveySubmission } from '../../../shared/domain/survey';
import { escalateCase } from '../../helpers/escalate';
import { ADMIN, cleanup, startWithAdmin, type TestCore } from '../../helpers/temp-core';
import { checkIn, filesContaining, pngWithText } from './support';

let t: TestCore | undefined;
afterEach(async () => {
  await cleanup(t);
  t = undefined;
});

function core(): TestCore {
  if (!t) throw new Error('no core');
  return t;
}
const all = <T>(sql: string, ...params: unknown[]): T[] =>
  core()
    .core.db.prepare(sql)
    .all(...params) as T[];
const one = <T>(sql: string, ...params: unknown[]): T => all<T>(sql, ...params)[0]!;

async function login(): Promise<void> {
  const c = core();
  c.token = (await c.must('auth.login', { username: ADMIN.username, pin: ADMIN.pin })).sessionToken;
}

const JOKO = { name: 'Joko Susilo', phone: '081244445555', email: 'joko.susilo@contoh.id' };
const WATI_OLD_PURPOSE = 'Tanya jadwal pelatihan pengadaan';

/** Served on the spot: a case with a note and a document, solved, and a survey answered. */
async function jokoServedAndSurveyed(
  displayToken: string,
): Promise<{ caseId: number; file: string }> {
  const c = core();
  const { visitId } = await c.must('visit.checkIn', checkIn(JOKO.name, JOKO.phone, JOKO.email));
  await c.must('queue.callNext', {});
  await c.must('queue.start', { visitId });
  const { caseId } = await c.must('case.create', { visitId });
  await c.must('case.saveDraft', {
    caseId,
    form: {
      application: 'spse',
      category: 'akun_login',
      spseUserId: 'jokosusilo77',
      description: `Akun ${JOKO.name} terkunci`,
    },
  });
  await c.must('case.addNote', { caseId, text: `Dihubungi di ${JOKO.phone}` });
  const uploadId = await c.core.stageUpload(c.token, pngWithText(`${JOKO.name} ${JOKO.email}`, 7));
  const view = await c.must('case.attachUpload', {
    caseId,
    uploadId,
    originalName: `NIB ${JOKO.name}.png`,
    kind: 'other',
    source: 'file',
  });
  await c.must('case.solve', { caseId, solution: `Kata sandi ${JOKO.name} diatur ulang` });
  await c.must('queue.surveyReady', { visitId });
  const display = (method: string, input: unknown = {}) =>
    c.core.dispatch(method, input, { window: 'survey', sessionToken: displayToken });
  const current = (await display('survey.current')) as {
    ok: true;
    value: { pending: { ticket: string }[] };
  };
  const ticket = current.value.pending[0]!.ticket;
  await display('survey.start', { ticket });
  const answers = Object.fromEntries(
    SKM_ELEMENTS.map((e) => [e, 4]),
  ) as SurveySubmission['answers'];
  const submitted = await display('survey.submit', { ticket, answers });
  expect(submitted.ok).toBe(true);
  await c.must('queue.end', { visitId });
  const sha256 = view.attachments[0]!.sha256;
  return { caseId, file: `${c.dataDir}/attachments/${sha256.slice(0, 2)}/${sha256}` };
}

/** What the desk reports: counts by day, status, type, category; none of it personal. */
function serviceFigures() {
  return {
    visits: all(
      `SELECT service_day, status, visitor_type, left_unserved, auto_closed, count(*) AS n
         FROM visit GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`,
    ),
    cases: all(
      `SELECT status, application, category, ticket_type, reporter_type, count(*) AS n
         FROM problem_case GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`,
    ),
    tallies: all('SELECT * FROM survey_tally ORDER BY service_day, officer_id, category'),
    answers: all('SELECT count(*) AS n FROM survey_response'),
  };
}

describe('retention at two years and a day (per visit, per case)', () => {
  it('leaves nothing of the old visits in the data folder, and the IKM and service figures unchanged', async () => {
    t = await startWithAdmin();
    const { displayToken } = await t.must('survey.openDisplay', {});
    // Still open at the helpdesk two years later: its case is kept, its guest-book line is not.
    const rudi = await escalateCase(t, {
      fullName: 'Rudi Hartono',
      phone: '081366667777',
      email: 'rudi@contoh.id',
    });
    const joko = await jokoServedAndSurveyed(displayToken);
    const wati = await t.must('visit.checkIn', {
      ...checkIn('Wati Lestari', '085788889999', 'wati@contoh.id'),
      purpose: WATI_OLD_PURPOSE,
    });
    // Wati comes back half a year later: her first visit ages on its own.
    t.clock.current = new Date('2027-06-01T02:00:00Z');
    await login();
    const again = await t.must('visit.checkIn', {
      ...checkIn('Wati Lestari', '', ''),
      returningVisitorId: wati.visitorId,
      purpose: 'Konsultasi lanjutan',
    });
    await t.must('visit.checkOut', { visitId: again.visitId });
    const period = { from: '2026-11-01', to: '2027-06-30' };
    const ikmBefore = await t.must('report.ikm', period);
    t.core.housekeeping();
    const figuresBefore = serviceFigures();
    expect(existsSync(joko.file)).toBe(true);

    t.clock.current = new Date('2028-11-25T02:00:00Z'); // 2026-11-24 + 2 years + 1 day
    t.core.housekeeping();
    await login();

    expect(serviceFigures()).toEqual(figuresBefore);
    expect(await t.must('report.ikm', period)).toEqual(ikmBefore);
    expect(existsSync(joko.file)).toBe(false);
    expect(
      filesContaining(t.dataDir, [
        JOKO.name,
        'susilo',
        JOKO.phone,
        '6281244445555',
        JOKO.email,
        'jokosusilo77',
        WATI_OLD_PURPOSE,
      ]),
    ).toEqual([]);
    // Counted per visit: Wati's recent visit and her guest-book entry stay.
    expect(
      all(
        'SELECT purpose, purged_at IS NOT NULL AS purged FROM visit WHERE visitor_id = ? ORDER BY id',
        wati.visitorId,
      ),
    ).toEqual([
      { purpose: '(dianonimkan)', purged: 1 },
      { purpose: 'Konsultasi lanjutan', purged: 0 },
    ]);
    expect(one('SELECT full_name FROM visitor WHERE id = ?', wati.visitorId)).toEqual({
      full_name: 'Wati Lestari',
    });
    // Joko's case: every personal field gone, the note redacted on record; categories stay.
    expect(
      one(
        `SELECT reporter_name, reporter_phone, spse_user_id, description, solution, category, status
           FROM problem_case WHERE id = ?`,
        joko.caseId,
      ),
    ).toEqual({
      reporter_name: '(dianonimkan)',
      reporter_phone: '',
      spse_user_id: null,
      description: null,
      solution: null,
      category: 'akun_login',
      status: 'solved',
    });
    expect(
      one(
        `SELECT n.text, r.reason, r.actor_id FROM case_note n JOIN note_redaction r ON r.note_id = n.id
          WHERE n.case_id = ?`,
        joko.caseId,
      ),
    ).toEqual({ text: '(dianonimkan)', reason: 'retention', actor_id: null });
    // Rudi's case is still open at the helpdesk: kept whole until it ends.
    expect(
      one('SELECT reporter_name, purged_at FROM problem_case WHERE id = ?', rudi.caseId),
    ).toEqual({ reporter_name: 'Rudi Hartono', purged_at: null });
    expect(
      one(
        `SELECT v.full_name, x.full_name AS visit_name FROM problem_case c
           JOIN visit x ON x.id = c.visit_id JOIN visitor v ON v.id = x.visitor_id WHERE c.id = ?`,
        rudi.caseId,
      ),
    ).toEqual({ full_name: '(dianonimkan)', visit_name: '(dianonimkan)' });
    // Each purge is on record, by purpose.
    expect(
      all<{ detail: string }>(
        "SELECT detail FROM audit WHERE action = 'retention.purge' ORDER BY id",
      ).map((r) => (JSON.parse(r.detail) as { purpose: string }).purpose),
    ).toEqual(['guestBook', 'cases', 'documents']);
  });

  it('keeps each purpose for its own period', async () => {
    t = await startWithAdmin();
    const { displayToken } = await t.must('survey.openDisplay', {});
    const joko = await jokoServedAndSurveyed(displayToken);
    expect(await t.must('privacy.retentionSettings', {})).toEqual({
      guestBookYears: 2,
      casesYears: 2,
      documentsYears: 2,
    });
    await t.must('privacy.saveRetentionSettings', {
      guestBookYears: 2,
      casesYears: 5,
      documentsYears: 3,
    });
    t.clock.current = new Date('2028-11-25T02:00:00Z');
    t.core.housekeeping();
    expect(one("SELECT purpose FROM visit WHERE full_name = '(dianonimkan)'")).toEqual({
      purpose: '(dianonimkan)',
    });
    expect(one('SELECT description FROM problem_case WHERE id = ?', joko.caseId)).toEqual({
      description: `Akun ${JOKO.name} terkunci`,
    });
    expect(existsSync(joko.file)).toBe(true);
    t.clock.current = new Date('2029-11-25T02:00:00Z'); // documents: 3 years and a day
    t.core.housekeeping();
    expect(existsSync(joko.file)).toBe(false);
    expect(one('SELECT description FROM problem_case WHERE id = ?', joko.caseId)).toEqual({
      description: `Akun ${JOKO.name} terkunci`,
    });
    await login();
    const bad = await t.call('privacy.saveRetentionSettings', {
      guestBookYears: 0,
      casesYears: 5,
      documentsYears: 3,
    });
    expect(!bad.ok && bad.error.fields).toEqual({ guestBookYears: 'validation.invalid' });
  });

  it('deletes the file of a removed document after a day, unless another case still has it', async () => {
    t = await startWithAdmin();
    const c = t;
    const shared = pngWithText('bersama', 12);
    await escalateCase(t, { documents: [{ name: 'bersama.png', bytes: shared }] });
    const { visitId } = await t.must(
      'visit.checkIn',
      checkIn('Dewi Anggraini', '085711112222', 'dewi@contoh.id'),
    );
    await t.must('queue.callNext', {});
    await t.must('queue.start', { visitId });
    const { caseId } = await t.must('case.create', { visitId });
    const attach = async (bytes: Buffer, name: string) => {
      const uploadId = await c.core.stageUpload(c.token, bytes);
      return c.must('case.attachUpload', {
        caseId,
        uploadId,
        originalName: name,
        kind: 'other',
        source: 'file',
      });
    };
    await attach(pngWithText('keliru', 11), 'keliru.png');
    const view = await attach(shared, 'bersama-juga.png');
    const pathOf = (sha256: string) => `${c.dataDir}/attachments/${sha256.slice(0, 2)}/${sha256}`;
    for (const a of view.attachments) {
      await t.must('case.changeAttachment', {
        caseId,
        attachmentId: a.id,
        change: { remove: true },
      });
    }
    const [wrong, again] = view.attachments.map((a) => pathOf(a.sha256)) as [string, string];
    t.core.housekeeping();
    expect(existsSync(wrong)).toBe(true);
    t.clock.advance(25 * 3600_000);
    t.core.housekeeping();
    expect(existsSync(wrong)).toBe(false);
    expect(existsSync(again)).toBe(true);
    expect(one('SELECT count(*) AS n FROM released_file')).toEqual({ n: 0 });
  });
});
