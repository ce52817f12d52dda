import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { PDFDocument } from 'pdf-lib';
import { afterEach, describe, expect, it } from 'vitest';
import { currentNotice } from '../../shared/domain/privacy-notice';
import { SKM_ELEMENTS, type SkmElement } from '../../shared/domain/skm';
import type { SurveySubmission } from '../../shared/domain/survey';
import { AuditLog } from '../../electron/core/audit';
import { SessionStore } from '../../electron/core/auth/sessions';
import { SurveyService } from '../../electron/core/survey/survey-service';
import { cleanup, startWithAdmin, tempDir, type TestCore } from '../helpers/temp-core';

let t: TestCore;
afterEach(() => cleanup(t));

const code = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'OK' : r.error?.code);
const all = (score: 1 | 2 | 3 | 4) =>
  Object.fromEntries(SKM_ELEMENTS.map((e) => [e, score])) as SurveySubmission['answers'];

function display(token: string) {
  return (method: string, input: unknown = {}) =>
    t.core.dispatch(method, input, { window: 'survey', sessionToken: token });
}

/** A visitor checked in, served by the logged-in officer, with a case of this category, handed the survey. */
async function servedVisit(category = 'akun_login', receptionToken?: string): Promise<number> {
  const officerToken = t.token;
  if (receptionToken) t.token = receptionToken;
  const { visitId } = await t.must('visit.checkIn', {
    fullName: 'Budi Santoso',
    phone: '081234567890',
    purpose: 'Konsultasi',
    noticeVersion: currentNotice().version,
    noticeDelivery: 'read_out' as const,
  });
  t.token = officerToken;
  await t.must('queue.callNext', {});
  await t.must('queue.start', { visitId });
  const c = await t.must('case.create', { visitId });
  await t.must('case.saveDraft', {
    caseId: c.caseId,
    form: { category: category as 'akun_login' },
  });
  await t.must('queue.surveyReady', { visitId });
  return visitId;
}

describe('the visitor-facing survey', () => {
  it('shows the visitor the notice with the retention periods the admin set', async () => {
    t = await startWithAdmin();
    const { displayToken } = await t.must('survey.openDisplay', {});
    const call = display(displayToken);
    await t.must('privacy.saveRetentionSettings', {
      guestBookYears: 1,
      casesYears: 5,
      documentsYears: 3,
    });
    const shown = await call('survey.privacyNotice');
    const given = await t.must('privacy.notice', {});
    expect(shown).toEqual({ ok: true, value: given });
    expect(given.version).not.toBe(currentNotice().version);
    // Without a display token the screen gets nothing.
    expect(code(await display('no-such-token')('survey.privacyNotice'))).toBe('UNAUTHENTICATED');
  });

  it('lets the visitor answer once, anonymously, and shows the officer only the status', async () => {
    t = await startWithAdmin();
    const { displayToken } = await t.must('survey.openDisplay', {});
    const call = display(displayToken);
    expect(await call('survey.current')).toEqual({
      ok: true,
      value: { state: 'idle', pending: [], idleSeconds: 60 },
    });
    const visitId = await servedVisit();
    expect((await t.must('survey.statusForVisit', { visitId })).status).toBe('ready');
    const current = await call('survey.current');
    const ticket = (current as { ok: true; value: { pending: Offered[] } }).value.pending[0]!
      .ticket;
    expect(ticket).toMatch(/^[\w-]{20,}$/);
    expect(JSON.stringify(current)).not.toContain('Budi');
    expect(code(await call('survey.start', { ticket }))).toBe('OK');
    expect((await t.must('survey.statusForVisit', { visitId })).status).toBe('in_progress');

    const answers = { ...all(4), waktu: 3 as const };
    delete answers.sarana; // a visitor may skip an element
    expect(
      code(await call('survey.submit', { ticket, answers, comment: 'Petugas sangat membantu.' })),
    ).toBe('OK');
    expect((await t.must('survey.statusForVisit', { visitId })).status).toBe('finished');
    expect(await call('survey.current')).toEqual({
      ok: true,
      value: { state: 'idle', pending: [], idleSeconds: 60 },
    });
    expect(code(await call('survey.submit', { ticket, answers }))).toBe('SURVEY_NOT_AVAILABLE');

    const columns = t.core.db
      .prepare("SELECT name FROM pragma_table_info('survey_response')")
      .all()
      .map((c) => (c as { name: string }).name);
    expect(columns).not.toContain('visit_id');
    expect(columns.some((c) => /time|_at$/.test(c))).toBe(false);
    const row = t.core.db.prepare('SELECT * FROM survey_response').get() as Record<string, unknown>;
    // The month only, and no officer: the day and the officer are in the tally alone.
    expect(columns).not.toContain('service_day');
    expect(columns).not.toContain('officer_id');
    expect(row).toMatchObject({
      service_month: '2026-11',
      category: 'akun_login',
      waktu: 3,
      sarana: null,
      comment: 'Petugas sangat membantu.',
    });
    expect(row.id).toBeGreaterThan(1000); // random, not the next rowid
    expect(t.core.db.prepare('SELECT * FROM visit_surveyed').all()).toEqual([
      { visit_id: visitId },
    ]);
  });

  it('refuses a second survey for the same visit even with a new ticket', async () => {
    t = await startWithAdmin();
    const { displayToken } = await t.must('survey.openDisplay', {});
    const call = display(displayToken);
    const visitId = await servedVisit();
    const { ticket } = (await offered(displayToken))[0]!;
    await call('survey.submit', { ticket, answers: all(3) });
    // The officer marks it ready again: the display stays idle, nothing new can be stored.
    await t.must('queue.surveyReady', { visitId });
    expect(await call('survey.current')).toEqual({
      ok: true,
      value: { state: 'idle', pending: [], idleSeconds: 60 },
    });
    expect(t.core.db.prepare('SELECT count(*) AS n FROM survey_response').get()).toEqual({ n: 1 });
  });

  it.each([
    ['an answer outside 1–4', { answers: { persyaratan: 5 } }],
    ['a tenth element', { answers: { ...all(3), kebersihan: 4 } }],
    ['a profile value out of its list', { answers: all(3), profile: { gender: 'X' } }],
    ['an unknown profile field', { answers: all(3), profile: { nik: '3174' } }],
  ])('refuses %s and stores nothing', async (_label, body) => {
    t = await startWithAdmin();
    const { displayToken } = await t.must('survey.openDisplay', {});
    const call = display(displayToken);
    await servedVisit();
    const { ticket } = (await offered(displayToken))[0]!;
    expect(code(await call('survey.submit', { ticket, ...body }))).toBe('VALIDATION');
    expect(t.core.db.prepare('SELECT count(*) AS n FROM survey_response').get()).toEqual({ n: 0 });
    expect(t.core.db.prepare('SELECT count(*) AS n FROM visit_surveyed').get()).toEqual({ n: 0 });
  });

  it('keeps the display inside the survey: every staff method is refused', async () => {
    t = await startWithAdmin();
    const { displayToken } = await t.must('survey.openDisplay', {});
    const call = display(displayToken);
    for (const method of [
      'staff.list',
      'visit.listForDay',
      'visitor.search',
      'case.get',
      'report.ikm',
      'survey.openDisplay',
    ]) {
      expect(code(await call(method, {})), method).toBe('WINDOW_NOT_ALLOWED');
    }
    // Even pretending to be the staff window, the display's session is not a staff session.
    const asStaff = await t.core.dispatch(
      'visit.listForDay',
      {},
      { window: 'staff', sessionToken: displayToken },
    );
    expect(code(asStaff)).toBe('FORBIDDEN');
    // And a staff session cannot submit answers from the survey window.
    expect(
      code(
        await t.core.dispatch('survey.current', {}, { window: 'survey', sessionToken: t.token }),
      ),
    ).toBe('FORBIDDEN');
  });

  it('alerts the officer when the visitor asks for help', async () => {
    t = await startWithAdmin();
    const { displayToken } = await t.must('survey.openDisplay', {});
    expect(code(await display(displayToken)('survey.callOfficer'))).toBe('OK');
    expect(await t.must('survey.alerts', {})).toEqual([{ at: '2026-11-24T02:00:00.000Z' }]);
    expect(await t.must('survey.alerts', {})).toEqual([]);
  });
});

describe('the IKM report', () => {
  /** A deterministic stream of answers, so the expected figures are computed here by hand. */
  function* answerStream(seed: number): Generator<Record<SkmElement, 1 | 2 | 3 | 4 | undefined>> {
    let x = seed;
    for (;;) {
      const row = {} as Record<SkmElement, 1 | 2 | 3 | 4 | undefined>;
      for (const e of SKM_ELEMENTS) {
        x = (x * 1103515245 + 12345) % 2147483648;
        const r = x % 10;
        row[e] = r === 0 ? undefined : ((1 + (r % 4)) as 1 | 2 | 3 | 4);
      }
      yield row;
    }
  }

  it('matches figures computed independently from the stored answers, overall and by month and officer', async () => {
    t = await startWithAdmin();
    await t.must('staff.create', {
      fullName: 'Agus Officer',
      username: 'agus',
      pin: '112233',
      roles: ['officer'],
    });
    const siti = t.token;
    const agus = (await t.must('auth.login', { username: 'agus', pin: '112233' })).sessionToken;
    const stream = answerStream(7);
    const submitted: {
      month: string;
      officer: string;
      answers: Record<string, number | undefined>;
    }[] = [];
    const days = ['2026-10-30T03:00:00Z', '2026-11-02T03:00:00Z', '2026-11-24T03:00:00Z'];
    for (const day of days) {
      t.clock.current = new Date(day);
      for (let i = 0; i < 4; i++) {
        for (const [name, token] of [
          ['siti', siti],
          ['agus', agus],
        ] as const) {
          t.token = token;
          const { displayToken } = await t.must('survey.openDisplay', {});
          await servedVisit(i % 2 === 0 ? 'akun_login' : 'proses_tender', siti);
          const { ticket } = (await offered(displayToken))[0]!;
          const answers = stream.next().value as Record<SkmElement, 1 | 2 | 3 | 4 | undefined>;
          const clean = Object.fromEntries(
            Object.entries(answers).filter(([, v]) => v !== undefined),
          );
          expect(
            code(await display(displayToken)('survey.submit', { ticket, answers: clean })),
          ).toBe('OK');
          submitted.push({ month: day.slice(0, 7), officer: name, answers: clean });
        }
      }
    }
    t.token = siti;
    const expected = (rows: typeof submitted) => {
      const nrrs = SKM_ELEMENTS.map((e) => {
        const given = rows.map((r) => r.answers[e]).filter((v): v is number => v !== undefined);
        return given.length === 0 ? null : given.reduce((a, b) => a + b, 0) / given.length;
      }).filter((v): v is number => v !== null);
      return Math.round((nrrs.reduce((a, b) => a + b, 0) / nrrs.length) * 25 * 100) / 100;
    };
    const report = await t.must('report.ikm', { from: '2026-10-01', to: '2026-11-30' });
    expect(report.overall.respondents).toBe(24);
    expect(report.overall.ikm).toBe(expected(submitted));
    expect(report.population).toBe(24);
    expect(report.minimumSample).toBe(23);
    expect(report.byMonth.map((m) => [m.month, m.result.ikm])).toEqual([
      ['2026-10', expected(submitted.filter((s) => s.month === '2026-10'))],
      ['2026-11', expected(submitted.filter((s) => s.month === '2026-11'))],
    ]);
    const agusRow = report.byOfficer.find((o) => o.name === 'Agus Officer');
    expect(agusRow?.result.ikm).toBe(expected(submitted.filter((s) => s.officer === 'agus')));
    expect(report.byCategory.map((c) => c.category)).toEqual(['akun_login', 'proses_tender']);
    const nrrs = report.overall.elements.map((e) => e.nrr ?? 0);
    expect(
      report.weakestFirst.map((e) => report.overall.elements.find((x) => x.element === e)?.nrr),
    ).toEqual([...nrrs].sort((a, b) => a - b));
    // A narrower period sees only its own answers.
    const november = await t.must('report.ikm', { from: '2026-11-01', to: '2026-11-30' });
    expect(november.overall.respondents).toBe(16);

    const pdf = await t.must('report.ikmExport', {
      from: '2026-10-01',
      to: '2026-11-30',
      format: 'pdf',
    });
    const pdfBytes = Buffer.from(pdf.base64, 'base64');
    expect((await PDFDocument.load(pdfBytes)).getPageCount()).toBeGreaterThanOrEqual(1);
    const file = join(tempDir(), 'ikm.pdf');
    writeFileSync(file, pdfBytes);
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
    expect(text).toContain('Laporan Indeks Kepuasan Masyarakat (IKM)');
    expect(text).toContain(`Nilai IKM ${report.overall.ikm!.toFixed(2).replace('.', ',')}`);
    expect(text).toContain('Agus Officer');

    const xlsx = await t.must('report.ikmExport', {
      from: '2026-10-01',
      to: '2026-11-30',
      format: 'xlsx',
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Uint8Array.from(Buffer.from(xlsx.base64, 'base64')).buffer);
    expect(workbook.getWorksheet('Jawaban')?.rowCount).toBe(25);
    const summary = workbook.getWorksheet('Ringkasan');
    const ikmRow = summary?.getRows(1, summary.rowCount)?.find((r) => r.getCell(1).value === 'IKM');
    expect(ikmRow?.getCell(2).value).toBe(report.overall.ikm);
  }, 60_000);

  it('shows no officer, category or month with fewer than 5 respondents, on screen or in the PDF', async () => {
    t = await startWithAdmin();
    await t.must('staff.create', {
      fullName: 'Agus Officer',
      username: 'agus',
      pin: '112233',
      roles: ['officer'],
    });
    const siti = t.token;
    const agus = (await t.must('auth.login', { username: 'agus', pin: '112233' })).sessionToken;
    // Siti: 5 answers on 24 November; Agus: 4 the same day, 1 of them the only "proses_tender".
    for (const [token, n] of [
      [siti, 5],
      [agus, 4],
    ] as const) {
      for (let i = 0; i < n; i++) {
        t.token = token;
        const { displayToken } = await t.must('survey.openDisplay', {});
        await servedVisit(token === agus && i === 0 ? 'proses_tender' : 'akun_login', siti);
        const { ticket } = (await offered(displayToken))[0]!;
        expect(
          code(await display(displayToken)('survey.submit', { ticket, answers: all(3) })),
        ).toBe('OK');
      }
    }
    t.token = siti;
    const report = await t.must('report.ikm', { from: '2026-11-01', to: '2026-11-30' });
    expect(report.overall.respondents).toBe(9);
    expect(report.byOfficer.map((o) => [o.name, o.result.respondents])).toEqual([
      ['Siti Rahayu', 5],
    ]);
    expect(report.byCategory.map((c) => [c.category, c.result.respondents])).toEqual([
      ['akun_login', 8],
    ]);
    expect(report.hiddenGroups).toEqual({ byOfficer: 1, byCategory: 1, byMonth: 0 });
    // The tallies keep the small groups' figures: nothing is lost, only not shown.
    expect(
      t.core.db
        .prepare('SELECT sum(respondents) AS n FROM survey_tally WHERE officer_id = 2')
        .get(),
    ).toEqual({ n: 4 });

    const pdf = await t.must('report.ikmExport', {
      from: '2026-11-01',
      to: '2026-11-30',
      format: 'pdf',
    });
    const file = join(tempDir(), 'ikm-small.pdf');
    writeFileSync(file, Buffer.from(pdf.base64, 'base64'));
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
    expect(text).toContain('Siti Rahayu');
    expect(text).not.toContain('Agus Officer');
  }, 60_000);

  it('withholds the figures of a whole period with fewer than 5 respondents, on screen and in the PDF', async () => {
    t = await startWithAdmin();
    const { displayToken } = await t.must('survey.openDisplay', {});
    // Three visitors answer on one day: a report of that day alone would show their answers.
    for (const score of [1, 2, 4] as const) {
      await servedVisit('akun_login');
      const { ticket } = (await offered(displayToken))[0]!;
      expect(
        code(await display(displayToken)('survey.submit', { ticket, answers: all(score) })),
      ).toBe('OK');
    }
    const report = await t.must('report.ikm', { from: '2026-11-24', to: '2026-11-24' });
    expect(report.overallWithheld).toBe(true);
    expect(report.overall.respondents).toBe(3);
    expect(report.overall.ikm).toBeNull();
    expect(report.overall.index).toBeNull();
    expect(report.overall.elements.every((e) => e.nrr === null && e.answered === 0)).toBe(true);
    expect(report.weakestFirst).toEqual([]);

    const pdf = await t.must('report.ikmExport', {
      from: '2026-11-24',
      to: '2026-11-24',
      format: 'pdf',
    });
    const file = join(tempDir(), 'ikm-withheld.pdf');
    writeFileSync(file, Buffer.from(pdf.base64, 'base64'));
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
    expect(text).toContain('Kurang dari 5 responden');
    // The mean of 1, 2 and 4 (2,3333) and its IKM (58,33) appear nowhere.
    expect(text).not.toContain('2,3333');
    expect(text).not.toContain('58,33');
  }, 60_000);

  it('refuses a period that ends before it starts', async () => {
    t = await startWithAdmin();
    const r = await t.call('report.ikm', { from: '2026-11-30', to: '2026-11-01' });
    expect(r.ok ? null : r.error.fields).toEqual({ to: 'validation.periodOrder' });
  });
});

interface Offered {
  ticket: string;
  queueLabel: string;
}
/** What the display offers, oldest first. */
async function offered(token: string): Promise<Offered[]> {
  const r = (await display(token)('survey.current')) as { ok: true; value: { pending: Offered[] } };
  return r.value.pending;
}

/** Serves a visitor and ends the visit, so the officer can call the next one. */
async function servedAndEnded(category: string): Promise<number> {
  const visitId = await servedVisit(category);
  await t.must('queue.end', { visitId });
  return visitId;
}

const status = async (visitId: number) =>
  (await t.must('survey.statusForVisit', { visitId })).status;

describe('two surveys pending at one screen', () => {
  it('offers the oldest hand-over first and files each answer under its own visit', async () => {
    t = await startWithAdmin();
    const { displayToken } = await t.must('survey.openDisplay', {});
    const k001 = await servedAndEnded('akun_login');
    t.clock.advance(5 * 60_000);
    const k002 = await servedAndEnded('proses_tender');

    const first = await offered(displayToken);
    expect(first.map((o) => o.queueLabel)).toEqual(['K-001', 'K-002']);
    // K-001 taps "Mulai survei" and answers: the answer is K-001's, K-002 still waits.
    const call = display(displayToken);
    expect(code(await call('survey.start', { ticket: first[0]!.ticket }))).toBe('OK');
    expect(await status(k001)).toBe('in_progress');
    expect(await status(k002)).toBe('ready');
    expect(code(await call('survey.submit', { ticket: first[0]!.ticket, answers: all(4) }))).toBe(
      'OK',
    );
    expect(await status(k001)).toBe('finished');
    expect(await status(k002)).toBe('ready');

    const second = await offered(displayToken);
    expect(second.map((o) => o.queueLabel)).toEqual(['K-002']);
    expect(code(await call('survey.submit', { ticket: second[0]!.ticket, answers: all(1) }))).toBe(
      'OK',
    );
    expect(await status(k002)).toBe('finished');

    // Each answer is filed under its own visit's category (the tallies; the report shows no
    // group of fewer than 5 respondents).
    expect(
      t.core.db
        .prepare('SELECT category, persyaratan_sum FROM survey_tally ORDER BY category')
        .all(),
    ).toEqual([
      { category: 'akun_login', persyaratan_sum: 4 },
      { category: 'proses_tender', persyaratan_sum: 1 },
    ]);
    const report = await t.must('report.ikm', { from: '2026-11-24', to: '2026-11-24' });
    expect(report.byCategory).toEqual([]);
    expect(report.hiddenGroups.byCategory).toBe(2);
    // Still anonymous: the responses name no visit; only the separate marker does.
    expect(JSON.stringify(t.core.db.prepare('SELECT * FROM survey_response').all())).not.toMatch(
      /visit/,
    );
    expect(
      t.core.db.prepare('SELECT visit_id FROM visit_surveyed ORDER BY visit_id').all(),
    ).toEqual([{ visit_id: k001 }, { visit_id: k002 }]);
  });

  it('tells the officer how many surveys wait ahead of this one', async () => {
    t = await startWithAdmin();
    const k001 = await servedAndEnded('akun_login');
    const k002 = await servedAndEnded('akun_login');
    expect(await t.must('survey.statusForVisit', { visitId: k001 })).toEqual({
      status: 'ready',
      ahead: 0,
    });
    expect(await t.must('survey.statusForVisit', { visitId: k002 })).toEqual({
      status: 'ready',
      ahead: 1,
    });
  });
});

describe('an unanswered survey', () => {
  it('expires 30 minutes after the hand-over: not offered, shown as expired, its ticket refused', async () => {
    t = await startWithAdmin();
    const { displayToken } = await t.must('survey.openDisplay', {});
    const visitId = await servedAndEnded('akun_login');
    const [old] = await offered(displayToken);
    t.clock.advance(29 * 60_000);
    expect(await offered(displayToken)).toHaveLength(1);
    t.clock.advance(60_000);
    expect(await offered(displayToken)).toEqual([]);
    expect(await status(visitId)).toBe('expired');
    const call = display(displayToken);
    expect(code(await call('survey.start', { ticket: old!.ticket }))).toBe('SURVEY_NOT_AVAILABLE');
    expect(code(await call('survey.submit', { ticket: old!.ticket, answers: all(4) }))).toBe(
      'SURVEY_NOT_AVAILABLE',
    );
    expect(t.core.db.prepare('SELECT count(*) AS n FROM survey_response').get()).toEqual({ n: 0 });
  });

  it('expires at the end of the WIB service day even within 30 minutes', async () => {
    t = await startWithAdmin();
    t.clock.current = new Date('2026-11-24T16:50:00Z'); // 23:50 WIB
    const { displayToken } = await t.must('survey.openDisplay', {});
    const visitId = await servedAndEnded('akun_login');
    expect(await offered(displayToken)).toHaveLength(1);
    t.clock.current = new Date('2026-11-24T17:00:00Z'); // 00:00 WIB, the next service day
    expect(await offered(displayToken)).toEqual([]);
    expect(await status(visitId)).toBe('expired');
  });

  it('can still be sent when the visitor started it before it expired', async () => {
    t = await startWithAdmin();
    const { displayToken } = await t.must('survey.openDisplay', {});
    const visitId = await servedAndEnded('akun_login');
    const [o] = await offered(displayToken);
    t.clock.advance(29 * 60_000 + 30_000);
    const call = display(displayToken);
    expect(code(await call('survey.start', { ticket: o!.ticket }))).toBe('OK');
    t.clock.advance(2 * 60_000);
    expect(await status(visitId)).toBe('in_progress');
    expect(code(await call('survey.submit', { ticket: o!.ticket, answers: all(3) }))).toBe('OK');
    expect(await status(visitId)).toBe('finished');
  });

  it('is offered again when the officer hands an expired survey over again', async () => {
    t = await startWithAdmin();
    const { displayToken } = await t.must('survey.openDisplay', {});
    const visitId = await servedAndEnded('akun_login');
    t.clock.advance(31 * 60_000);
    expect(await status(visitId)).toBe('expired');
    await t.must('queue.surveyReady', { visitId });
    expect(await status(visitId)).toBe('ready');
    const [o] = await offered(displayToken);
    expect(o?.queueLabel).toBe('K-001');
  });
});

describe('the tickets the host holds for survey screens', () => {
  it('are freed once their surveys expire, so the map never grows with the day', async () => {
    t = await startWithAdmin();
    const now = t.clock.now;
    const service = new SurveyService(
      t.core.db,
      new AuditLog(t.core.db, now),
      new SessionStore({ idleMs: 3600_000, maxMs: 12 * 3600_000, endAtServiceDayEnd: false }, now),
      now,
    );
    await servedAndEnded('akun_login');
    service.current(1);
    expect(service.heldTickets).toBe(1);
    t.clock.advance(31 * 60_000);
    service.current(1);
    expect(service.heldTickets).toBe(0);

    for (let i = 0; i < 3; i++) await servedAndEnded('akun_login');
    service.current(1);
    service.current(1); // polling again issues no new tickets
    expect(service.heldTickets).toBe(3);
    t.clock.advance(31 * 60_000);
    // Any call sweeps: the officer's status poll frees them even with no screen polling.
    expect(service.statusForVisit(1)).toEqual({ status: 'expired' });
    expect(service.heldTickets).toBe(0);
  });
});

describe('the IKM spreadsheet', () => {
  it('writes the respondent profile with the labels the visitor saw, not internal codes', async () => {
    t = await startWithAdmin();
    const { displayToken } = await t.must('survey.openDisplay', {});
    await servedAndEnded('akun_login');
    const [o] = await offered(displayToken);
    const profile = { gender: 'L', ageGroup: '30_39', education: 's1', occupation: 'swasta' };
    expect(
      code(
        await display(displayToken)('survey.submit', {
          ticket: o!.ticket,
          answers: all(4),
          profile,
        }),
      ),
    ).toBe('OK');
    const xlsx = await t.must('report.ikmExport', {
      from: '2026-11-24',
      to: '2026-11-24',
      format: 'xlsx',
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Uint8Array.from(Buffer.from(xlsx.base64, 'base64')).buffer);
    const sheet = workbook.getWorksheet('Jawaban');
    const header = (sheet?.getRow(1).values as unknown[]).slice(1);
    const row = (sheet?.getRow(2).values as unknown[]).slice(1);
    const cell = (name: string) => row[header.indexOf(name)];
    expect(cell('Jenis kelamin')).toBe('Laki-laki');
    expect(cell('Usia')).toBe('30–39 tahun');
    expect(cell('Pendidikan')).toBe('D4/S1');
    expect(cell('Pekerjaan')).toBe('Pegawai swasta');
    // Nothing that lines an answer up with a visit: no day, officer or category.
    expect(header).not.toContain('Kategori');
    expect(header).not.toContain('Petugas');
    expect(header).not.toContain('Tanggal layanan');
    // The scores stay numbers on the standard's 1–4 scale, so a spreadsheet can average them.
    expect(row.filter((v) => v === 4)).toHaveLength(SKM_ELEMENTS.length);
    for (const internal of ['L', '30_39', 's1', 'swasta', 'akun_login'])
      expect(row).not.toContain(internal);
  });
});
