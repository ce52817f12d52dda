import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { currentNotice } from '../../shared/domain/privacy-notice';
import type { CheckInInput } from '../../shared/domain/visit';
import { cleanup, startWithAdmin, type TestCore } from '../helpers/temp-core';

let t: TestCore;
afterEach(() => cleanup(t));

const visitor = (n: number, extra: Partial<CheckInInput> = {}): CheckInInput => ({
  fullName: `Pengunjung ${n}`,
  phone: `08123456${String(n).padStart(4, '0')}`,
  purpose: 'Konsultasi SPSE',
  noticeVersion: currentNotice().version,
  noticeDelivery: 'read_out' as const,
  ...extra,
});

const code = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'OK' : r.error?.code);

async function checkIn(count: number): Promise<number[]> {
  const ids = [];
  for (let i = 1; i <= count; i++) ids.push((await t.must('visit.checkIn', visitor(i))).visitId);
  return ids;
}

describe('calling visitors', () => {
  it('calls the oldest waiting visitor first and says when nobody waits', async () => {
    t = await startWithAdmin();
    const [a, b] = await checkIn(2);
    t.clock.advance(7 * 60_000);
    expect((await t.must('queue.callNext', {}))?.visitId).toBe(a);
    await t.must('queue.noShow', { visitId: a! });
    expect((await t.must('queue.callNext', {}))?.visitId).toBe(b);
    await t.must('queue.noShow', { visitId: b! });
    expect(await t.must('queue.callNext', {})).toBeNull();
    const overview = await t.must('queue.overview', {});
    expect(overview.waiting.map((v) => [v.queueLabel, v.status])).toEqual([
      ['K-001', 'no_show'],
      ['K-002', 'no_show'],
    ]);
    expect(overview.mine).toEqual([]);
  });

  it('stores every state change as a timed event, so waiting time is computed', async () => {
    t = await startWithAdmin();
    const [a] = await checkIn(1);
    t.clock.advance(12 * 60_000);
    await t.must('queue.callNext', {});
    t.clock.advance(60_000);
    await t.must('queue.start', { visitId: a! });
    t.clock.advance(20 * 60_000);
    await t.must('queue.end', { visitId: a! });
    const events = t.core.db
      .prepare<[number], { kind: string; at: string }>(
        'SELECT kind, at FROM visit_event WHERE visit_id = ? ORDER BY id',
      )
      .all(a!);
    expect(events.map((e) => e.kind)).toEqual(['checked_in', 'called', 'started', 'ended']);
    const minutes = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 60_000;
    expect(minutes(events[0]!.at, events[1]!.at)).toBe(12); // waiting
    expect(minutes(events[2]!.at, events[3]!.at)).toBe(20); // service
  });

  it('marks a called visitor as not present and returns them to the queue in their place', async () => {
    t = await startWithAdmin();
    const [a, b] = await checkIn(2);
    await t.must('queue.callNext', {});
    expect((await t.must('queue.noShow', { visitId: a! })).status).toBe('no_show');
    expect((await t.must('queue.overview', {})).waiting.map((v) => v.status)).toEqual([
      'no_show',
      'waiting',
    ]);
    expect((await t.must('queue.returnToQueue', { visitId: a! })).status).toBe('waiting');
    // Back in arrival order: K-001 is called again before K-002.
    expect((await t.must('queue.callNext', {}))?.visitId).toBe(a);
    expect(code(await t.call('queue.noShow', { visitId: a! }))).toBe('OK');
    expect((await t.must('queue.callNext', {}))?.visitId).toBe(b);
    expect(code(await t.call('queue.start', { visitId: a! }))).toBe('VISIT_STATE_CHANGED');
  });

  it('never gives the same visitor to two officers calling at the same moment', async () => {
    t = await startWithAdmin();
    await checkIn(60);
    await t.must('staff.create', {
      fullName: 'Agus',
      username: 'agus',
      pin: '112233',
      roles: ['officer'],
    });
    t.close();
    const worker = join(import.meta.dirname, 'fixtures', 'call-worker.ts');
    const run = (username: string, pin: string) =>
      new Promise<number[]>((resolve, reject) => {
        const child = spawn(
          process.execPath,
          ['--import', 'tsx', worker, t.dataDir, username, pin, t.clock.now().toISOString()],
          {
            stdio: ['ignore', 'pipe', 'inherit'],
          },
        );
        let out = '';
        child.stdout.on('data', (c: Buffer) => (out += c.toString()));
        child.on('exit', (exitCode) =>
          exitCode === 0
            ? resolve([...out.matchAll(/CALLED (\d+)/g)].map((m) => Number(m[1])))
            : reject(new Error(`worker exited ${exitCode}`)),
        );
      });
    const [first, second] = await Promise.all([run('siti', '135790'), run('agus', '112233')]);
    const all = [...first!, ...second!];
    expect(all).toHaveLength(60);
    expect(new Set(all).size).toBe(60);
  }, 60_000);
});

async function inConsultation(extra: Partial<CheckInInput> = {}): Promise<number> {
  const { visitId } = await t.must('visit.checkIn', visitor(1, extra));
  await t.must('queue.callNext', {});
  await t.must('queue.start', { visitId });
  return visitId;
}

describe('the Form Permohonan Permasalahan', () => {
  it('mints a case ID and snapshots the reporter from the guest book', async () => {
    t = await startWithAdmin();
    const visitId = await inConsultation({
      institution: 'CV Maju Jaya',
      visitorType: 'penyedia_badan_usaha',
      lpse: 'LPSE Kota Bandung',
    });
    const c = await t.must('case.create', { visitId });
    expect(c.caseCode).toMatch(/^KS-[0-9A-F]{4}-261124-001$/);
    expect(c.reporter).toEqual({
      name: 'Pengunjung 1',
      phone: '+6281234560001',
      email: null,
      institution: 'CV Maju Jaya',
      type: 'penyedia_badan_usaha',
      lpse: 'LPSE Kota Bandung',
    });
    expect(c.form).toMatchObject({
      spseRole: 'penyedia_badan_usaha',
      lpse: 'LPSE Kota Bandung',
      category: '',
      ticketType: 'permasalahan',
    });
    const second = await t.must('case.create', { visitId });
    expect(second.caseCode).toMatch(/-002$/);
    expect((await t.must('case.forVisit', { visitId })).map((x) => x.caseId)).toEqual([
      c.caseId,
      second.caseId,
    ]);
  });

  it('opens a case only for a visitor in consultation', async () => {
    t = await startWithAdmin();
    const { visitId } = await t.must('visit.checkIn', visitor(1));
    expect(code(await t.call('case.create', { visitId }))).toBe('VISIT_STATE_CHANGED');
  });

  it('saves the draft as the officer types, and it can be resumed', async () => {
    t = await startWithAdmin();
    const c = await t.must('case.create', { visitId: await inConsultation() });
    await t.must('case.saveDraft', {
      caseId: c.caseId,
      form: { application: 'spse', description: 'Tidak bisa log' },
    });
    await t.must('case.saveDraft', {
      caseId: c.caseId,
      form: { application: 'spse', description: 'Tidak bisa login' },
    });
    const drafts = await t.must('case.drafts', {});
    expect(drafts.map((d) => [d.caseCode, d.form.description])).toEqual([
      [c.caseCode, 'Tidak bisa login'],
    ]);
    const bad = await t.call('case.saveDraft', {
      caseId: c.caseId,
      form: { packageCode: 'abc/../1', description: 'x'.repeat(5001) },
    });
    expect(bad.ok ? null : bad.error.fields).toEqual({
      'form.packageCode': 'validation.packageCode',
      'form.description': 'validation.tooLong:5000',
    });
    expect((await t.must('case.get', { caseId: c.caseId })).form.description).toBe(
      'Tidak bisa login',
    );
  });

  it('keeps notes append-only: a correction is a new note that refers to the old one', async () => {
    t = await startWithAdmin();
    const c = await t.must('case.create', { visitId: await inConsultation() });
    const one = await t.must('case.addNote', {
      caseId: c.caseId,
      text: 'User ID terkunci sejak kemarin.',
    });
    const noteId = one.notes[0]!.id;
    const two = await t.must('case.addNote', {
      caseId: c.caseId,
      text: 'Koreksi: terkunci sejak tadi pagi.',
      correctsNoteId: noteId,
    });
    expect(two.notes.map((n) => [n.text, n.correctsNoteId, n.authorName])).toEqual([
      ['User ID terkunci sejak kemarin.', null, 'Siti Rahayu'],
      ['Koreksi: terkunci sejak tadi pagi.', noteId, 'Siti Rahayu'],
    ]);
    expect(() => t.core.db.prepare("UPDATE case_note SET text = 'x'").run()).toThrow(/append-only/);
    const other = await t.must('case.create', { visitId: c.visitId });
    expect(
      code(
        await t.call('case.addNote', { caseId: other.caseId, text: 'x', correctsNoteId: noteId }),
      ),
    ).toBe('NOT_FOUND');
  });

  it('solves a complete case on the spot and then refuses changes', async () => {
    t = await startWithAdmin();
    const c = await t.must('case.create', { visitId: await inConsultation() });
    const incomplete = await t.call('case.solve', {
      caseId: c.caseId,
      solution: 'Reset kata sandi.',
    });
    expect(incomplete.ok ? null : incomplete.error).toMatchObject({
      code: 'CASE_INCOMPLETE',
      // The description starts from the visit's purpose, so only the choices are missing.
      fields: { application: 'validation.required', category: 'validation.required' },
    });
    await t.must('case.saveDraft', {
      caseId: c.caseId,
      form: { application: 'spse', category: 'akun_login', description: 'Lupa kata sandi' },
    });
    const solved = await t.must('case.solve', {
      caseId: c.caseId,
      solution: 'Reset kata sandi lewat menu Lupa Password.',
    });
    expect(solved).toMatchObject({ status: 'solved', closedAt: '2026-11-24T02:00:00.000Z' });
    expect(code(await t.call('case.saveDraft', { caseId: c.caseId, form: {} }))).toBe(
      'CASE_CLOSED',
    );
    expect(t.core.db.prepare('SELECT count(*) AS n FROM outbox').get()).toEqual({ n: 0 });
  });

  it('asks for the documents of the SPSE role on the form, not of the type reception recorded', async () => {
    t = await startWithAdmin();
    // Reception wrote "PPK"; the officer learns the visitor came for her own company.
    const c = await t.must('case.create', {
      visitId: await inConsultation({ visitorType: 'ppk' }),
    });
    const form = { application: 'sikap' as const, category: 'registrasi_verifikasi' as const };
    const asCompany = await t.must('case.saveDraft', {
      caseId: c.caseId,
      form: { ...form, spseRole: 'penyedia_badan_usaha' },
    });
    expect(asCompany.requiredDocuments).toEqual(['business_licence']);
    // A perorangan shows only the owner's KTP and NPWP (SE Deputi LKPP 2/2020): no licence.
    const asPerson = await t.must('case.saveDraft', {
      caseId: c.caseId,
      form: { ...form, spseRole: 'penyedia_perorangan' },
    });
    expect(asPerson.requiredDocuments).toEqual([]);
  });

  it('keeps the kode error and tipe tiket of the form, and the LPSE asal beside the LPSE tempat permasalahan', async () => {
    t = await startWithAdmin();
    const c = await t.must('case.create', {
      visitId: await inConsultation({ visitorType: 'pokja', lpse: 'kab dompu' }),
    });
    const saved = await t.must('case.saveDraft', {
      caseId: c.caseId,
      form: {
        spseRole: 'pokja',
        lpse: 'LPSE Provinsi Gorontalo',
        ticketType: 'usulan',
        errorCode: 'ERR-TND-0042',
        application: 'spse',
        category: 'proses_tender',
        packageCode: '10012345',
        description: 'Usul perubahan tampilan jadwal',
      },
    });
    expect(saved.reporter.lpse).toBe('Kabupaten Dompu');
    expect(saved.form).toMatchObject({
      lpse: 'Provinsi Gorontalo',
      ticketType: 'usulan',
      errorCode: 'ERR-TND-0042',
    });
  });

  it('shows an older visitor type on the form it began with, and starts a new form without it', async () => {
    t = await startWithAdmin();
    const visitId = await inConsultation({ visitorType: 'pokja' });
    // A visit checked in by an older Loket, before penyedia was split.
    t.core.db.prepare("UPDATE visit SET visitor_type = 'penyedia' WHERE id = ?").run(visitId);
    const c = await t.must('case.create', { visitId });
    expect(c.reporter.type).toBe('penyedia');
    expect(c.form.spseRole).toBe('');
    const legacyDraft = await t.must('case.saveDraft', {
      caseId: c.caseId,
      form: { spseRole: 'penyedia', category: 'registrasi_verifikasi' },
    });
    expect(legacyDraft.requiredDocuments).toEqual(['business_licence']);
    const refused = await t.call('visit.checkIn', {
      fullName: 'Baru',
      phone: '081299990000',
      visitorType: 'penyedia' as never,
      purpose: 'x',
      noticeVersion: currentNotice().version,
      noticeDelivery: 'read_out' as const,
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('asks for the tender code where the category needs one', async () => {
    t = await startWithAdmin();
    const c = await t.must('case.create', { visitId: await inConsultation() });
    await t.must('case.saveDraft', {
      caseId: c.caseId,
      form: { application: 'spse', category: 'proses_tender', description: 'Jadwal' },
    });
    const r = await t.call('case.solve', { caseId: c.caseId, solution: 'x' });
    expect(r.ok ? null : r.error.fields).toEqual({ packageCode: 'validation.packageCodeRequired' });
  });

  it('escalates only with the required documents or a reason, writing the outbox entry with the case', async () => {
    t = await startWithAdmin();
    const c = await t.must('case.create', {
      visitId: await inConsultation({ visitorType: 'penyedia_badan_usaha' }),
    });
    const saved = await t.must('case.saveDraft', {
      caseId: c.caseId,
      form: {
        spseRole: 'penyedia_badan_usaha',
        application: 'sikap',
        category: 'perubahan_data_penyedia',
        description: 'Ganti email perusahaan',
      },
    });
    expect(saved.requiredDocuments).toEqual(['business_licence', 'change_request_letter']);
    expect(saved.missingDocuments).toEqual(['business_licence', 'change_request_letter']);
    const refused = await t.call('case.escalate', { caseId: c.caseId });
    expect(refused.ok ? null : refused.error).toMatchObject({
      code: 'DOCUMENTS_MISSING',
      fields: { missingDocumentsReason: 'validation.required' },
    });
    expect(t.core.db.prepare('SELECT count(*) AS n FROM outbox').get()).toEqual({ n: 0 });
    const escalated = await t.must('case.escalate', {
      caseId: c.caseId,
      missingDocumentsReason: 'Pengunjung akan mengirim scan NIB lewat email.',
    });
    expect(escalated.status).toBe('escalated');
    expect(t.core.db.prepare('SELECT idempotency_key, state FROM outbox').all()).toEqual([
      { idempotency_key: c.caseCode, state: 'queued' },
    ]);
    expect(
      code(await t.call('case.escalate', { caseId: c.caseId, missingDocumentsReason: 'x' })),
    ).toBe('CASE_CLOSED');
  });

  it('records that the visit is ready for its survey', async () => {
    t = await startWithAdmin();
    const visitId = await inConsultation();
    const v = await t.must('queue.surveyReady', { visitId });
    expect(v.surveyReadyAt).toBe('2026-11-24T02:00:00.000Z');
  });
});

describe('migration 2', () => {
  it('gives the installation a station code and keeps attachments unique per case', async () => {
    t = await startWithAdmin();
    const station = t.core.db
      .prepare("SELECT value FROM app_setting WHERE key = 'station_code'")
      .get() as { value: string };
    expect(station.value).toMatch(/^[0-9A-F]{4}$/);
    const c = await t.must('case.create', { visitId: await inConsultation() });
    const insert = t.core.db.prepare(
      `INSERT INTO attachment (case_id, sha256, original_name, mime, size, source, kind, added_at, added_by)
       VALUES (?, ?, 'a.pdf', 'application/pdf', 10, 'file', 'other', 'now', 1)`,
    );
    insert.run(c.caseId, 'a'.repeat(64));
    expect(() => insert.run(c.caseId, 'a'.repeat(64))).toThrow(/UNIQUE/);
    expect(() => insert.run(c.caseId, 'short')).toThrow(/CHECK/);
    expect(() =>
      t.core.db
        .prepare("INSERT INTO visit_event (visit_id, at, kind) VALUES (?, 'now', 'teleported')")
        .run(c.visitId),
    ).toThrow(/CHECK/);
  });
});

describe('the case ID on exports', () => {
  it('appears in the daily register next to the visit', async () => {
    t = await startWithAdmin();
    const visitId = await inConsultation();
    const a = await t.must('case.create', { visitId });
    const b = await t.must('case.create', { visitId });
    const file = await t.must('register.export', { format: 'csv' });
    const [header, row] = Buffer.from(file.base64, 'base64')
      .toString('utf8')
      .slice(1)
      .split('\r\n');
    expect(header).toMatch(/,Nomor kasus$/);
    expect(row).toMatch(new RegExp(`,${a.caseCode} ${b.caseCode}$`));
  });
});

describe('repeated calls are harmless', () => {
  it('gives an officer who already has a called visitor that visitor back, not a second one', async () => {
    t = await startWithAdmin();
    const [a, b] = await checkIn(2);
    const first = await t.must('queue.callNext', {});
    expect(first?.visitId).toBe(a);
    expect((await t.must('queue.callNext', {}))?.visitId).toBe(a);
    const overview = await t.must('queue.overview', {});
    expect(overview.mine.map((v) => v.visitId)).toEqual([a]);
    expect(overview.waiting.map((v) => v.visitId)).toEqual([b]);
    expect(
      t.core.db.prepare("SELECT count(*) AS n FROM visit_event WHERE kind = 'called'").get(),
    ).toEqual({ n: 1 });
    // Once the visitor has come in, the next one may be called.
    await t.must('queue.start', { visitId: a! });
    expect((await t.must('queue.callNext', {}))?.visitId).toBe(b);
  });

  it('saves a note sent twice with the same key once', async () => {
    t = await startWithAdmin();
    const c = await t.must('case.create', { visitId: await inConsultation() });
    const clientKey = '3f0c9a4e-8d1b-4c6e-9a0f-2b7d5e1c4a90';
    const once = await t.must('case.addNote', { caseId: c.caseId, text: 'Sekali', clientKey });
    const twice = await t.must('case.addNote', { caseId: c.caseId, text: 'Sekali', clientKey });
    expect(twice.notes).toEqual(once.notes);
    expect(twice.notes).toHaveLength(1);
    const other = await t.must('case.addNote', {
      caseId: c.caseId,
      text: 'Sekali',
      clientKey: '9b1e4c2a-7f3d-4e8a-b6c5-0d9f8e7a6b54',
    });
    expect(other.notes).toHaveLength(2);
    const elsewhere = await t.must('case.create', { visitId: c.visitId });
    expect(
      code(await t.call('case.addNote', { caseId: elsewhere.caseId, text: 'x', clientKey })),
    ).toBe('VALIDATION');
  });
});

describe('closing with what the form shows', () => {
  it('solves with the form values sent along, so the last keystrokes before the click are kept', async () => {
    t = await startWithAdmin();
    const c = await t.must('case.create', { visitId: await inConsultation() });
    await t.must('case.saveDraft', {
      caseId: c.caseId,
      form: { application: 'spse', category: 'akun_login', description: 'Lupa kata' },
    });
    const solved = await t.must('case.solve', {
      caseId: c.caseId,
      solution: 'Reset kata sandi.',
      form: { application: 'spse', category: 'akun_login', description: 'Lupa kata sandi akun' },
    });
    expect(solved.form.description).toBe('Lupa kata sandi akun');
  });

  it('escalates with the form values sent along, and the helpdesk gets the full description', async () => {
    t = await startWithAdmin();
    const c = await t.must('case.create', { visitId: await inConsultation() });
    const form = {
      application: 'spse' as const,
      category: 'akun_login' as const,
      description: 'User ID terkunci setelah tiga kali salah kata sandi',
    };
    await t.must('case.saveDraft', {
      caseId: c.caseId,
      form: { ...form, description: 'User ID terkunci' },
    });
    const escalated = await t.must('case.escalate', { caseId: c.caseId, form });
    expect(escalated.status).toBe('escalated');
    expect(
      t.core.db.prepare('SELECT description FROM problem_case WHERE id = ?').get(c.caseId),
    ).toEqual({ description: form.description });
  });

  it('checks completeness against the values sent along, not the stored draft', async () => {
    t = await startWithAdmin();
    const c = await t.must('case.create', { visitId: await inConsultation() });
    const r = await t.call('case.solve', {
      caseId: c.caseId,
      solution: 'x',
      form: { application: 'spse', category: 'akun_login', description: 'Lupa kata sandi' },
    });
    expect(code(r)).toBe('OK');
  });
});

describe("the visit's purpose", () => {
  it('is shown in the queue and on the case, and starts the first case of the visit', async () => {
    t = await startWithAdmin();
    const { visitId } = await t.must(
      'visit.checkIn',
      visitor(1, { purpose: 'Lupa kata sandi akun penyedia' }),
    );
    expect((await t.must('queue.overview', {})).waiting[0]?.purpose).toBe(
      'Lupa kata sandi akun penyedia',
    );
    await t.must('queue.callNext', {});
    await t.must('queue.start', { visitId });
    const first = await t.must('case.create', { visitId });
    expect(first.visitPurpose).toBe('Lupa kata sandi akun penyedia');
    expect(first.form.description).toBe('Lupa kata sandi akun penyedia');
    const second = await t.must('case.create', { visitId });
    expect(second.visitPurpose).toBe('Lupa kata sandi akun penyedia');
    expect(second.form.description).toBe('');
  });
});

describe('polling the lists', () => {
  it('writes nothing, and still shows yesterday’s open visits as closed before housekeeping ran', async () => {
    t = await startWithAdmin();
    const [a] = await checkIn(2);
    await t.must('queue.callNext', {});
    const yesterday = (await t.must('queue.overview', {})).day;
    t.clock.advance(24 * 3600_000);
    const changes = () =>
      (t.core.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
    const before = changes();
    const overview = await t.must('queue.overview', {});
    const list = await t.must('visit.listForDay', { day: yesterday });
    await t.must('visit.listForDay', {});
    expect(changes()).toBe(before);
    expect(overview.mine).toEqual([]);
    expect(overview.waiting).toEqual([]);
    // Called or waiting, neither was served: the list reads them as housekeeping will close them.
    expect(list.visits.map((v) => [v.visitId === a, v.status, v.autoClosed])).toEqual([
      [true, 'left_unserved', true],
      [false, 'left_unserved', true],
    ]);
    t.core.housekeeping();
    expect((await t.must('visit.listForDay', { day: yesterday })).visits).toMatchObject([
      { status: 'left_unserved', autoClosed: true },
      { status: 'left_unserved', autoClosed: true },
    ]);
  });
});

describe('migration 9', () => {
  it('keeps a note key unique, and leaves notes without a key free', async () => {
    t = await startWithAdmin();
    const c = await t.must('case.create', { visitId: await inConsultation() });
    const insert = t.core.db.prepare(
      `INSERT INTO case_note (case_id, author_id, at, text, client_key) VALUES (?, 1, 'now', 'x', ?)`,
    );
    insert.run(c.caseId, null);
    insert.run(c.caseId, null);
    insert.run(c.caseId, 'k1');
    expect(() => insert.run(c.caseId, 'k1')).toThrow(/UNIQUE/);
    const plan = t.core.db
      .prepare('EXPLAIN QUERY PLAN SELECT case_id FROM case_note WHERE client_key = ?')
      .all('k1') as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(
      /USING (COVERING )?INDEX case_note_client_key/,
    );
  });

  it("finds an officer's visitors of the day through an index on every poll", async () => {
    t = await startWithAdmin();
    const plan = t.core.db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT id FROM visit WHERE officer_id = 1 AND service_day = '2026-11-24'
           AND status IN ('called', 'in_consultation')`,
      )
      .all() as { detail: string }[];
    // By the day's index (or the open-visit one): never a scan of every visit ever made.
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/^SEARCH visit USING INDEX/);
  });
});
