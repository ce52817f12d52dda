import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { keyForSet } from '../../../electron/core/backup/backup-catalog';
import { checkBackup } from '../../../electron/core/backup/restore';
import { createFileLog } from '../../../electron/main/file-log';
import { afterEach, describe, expect, it } from 'vitest';
import { escalateCase } from '../../helpers/escalate';
import { cleanup, startWithAdmin, tempDir, type TestCore } from '../../helpers/temp-core';
import { checkIn, filesContaining, pngWithText } from './support';

let t: TestCore | undefined;
afterEach(async () => {
  await cleanup(t);
  t = undefined;
});

const PASSPHRASE = 'kata-sandi-cadangan-uji';
const RAHMAT = { name: 'Rahmat Hidayat', phone: '081311112222', email: 'rahmat.h@contoh.id' };
/** Every form the person's details may take in a file: as typed, stored, folded for search. */
const NEEDLES = [
  RAHMAT.name,
  'rahmat',
  'hidayat',
  RAHMAT.phone,
  '6281311112222',
  '81311112222',
  '0813-1111-2222',
  RAHMAT.email,
];

function core(): TestCore {
  if (!t) throw new Error('no core');
  return t;
}

const one = <T>(sql: string, ...params: unknown[]): T =>
  core()
    .core.db.prepare(sql)
    .get(...params) as T;

/** Rahmat's visit with an escalated case: a note, a document, a confirmation, a queued delivery. */
async function rahmatWithOpenCase() {
  const c = core();
  const document = pngWithText(`${RAHMAT.name} ${RAHMAT.email}`);
  const { caseId, caseCode } = await escalateCase(c, {
    fullName: RAHMAT.name,
    phone: RAHMAT.phone,
    email: RAHMAT.email,
    description: `Akun ${RAHMAT.name} terkunci; hubungi 0813-1111-2222`,
    documents: [{ name: `KTP ${RAHMAT.name}.png`, bytes: document }],
    beforeEscalating: (id) =>
      c.must('case.addNote', {
        caseId: id,
        text: `Pak ${RAHMAT.name} minta ditelepon ke 081311112222`,
      }),
  });
  // The officer's record of the phone call (the helpdesk's answer is not part of this test).
  c.core.db
    .prepare(
      `INSERT INTO confirmation (case_id, channel, confirmed_at, outcome, note, officer_id, recorded_at)
       VALUES (?, 'phone', ?, 'accepted', ?, 1, ?)`,
    )
    .run(caseId, c.clock.now().toISOString(), `${RAHMAT.name} puas`, c.clock.now().toISOString());
  const visitorId = one<{ id: number }>(
    'SELECT id FROM visitor WHERE full_name = ?',
    RAHMAT.name,
  ).id;
  const sha256 = one<{ sha256: string }>(
    'SELECT sha256 FROM attachment WHERE case_id = ?',
    caseId,
  ).sha256;
  return { caseId, caseCode, visitorId, file: filePath(sha256) };
}

function filePath(sha256: string): string {
  return `${core().dataDir}/attachments/${sha256.slice(0, 2)}/${sha256}`;
}

describe('erasing a person (privacy.erasePerson)', () => {
  it('refuses while a case is open at the helpdesk, then erases with the reason on record, leaving no byte of them in the data folder or the log', async () => {
    // The desktop's file log, here inside the data folder so the one search covers it too.
    const dataDir = tempDir();
    const log = createFileLog({ dir: join(dataDir, 'logs') });
    t = await startWithAdmin({ dataDir, logError: log.error });
    const rahmat = await rahmatWithOpenCase();
    // Errors whose messages repeat what was typed or answered about him, as the core reports them.
    log.error(new Error(`ENOENT: no such file or directory, open '/scan/KTP ${RAHMAT.name}.png'`));
    log.error(
      new Error(
        `POST /tickets: 422 Reporter ${RAHMAT.name} <${RAHMAT.email}> tel. 0813-1111-2222 exists`,
      ),
    );
    log.error(`${RAHMAT.name} ${RAHMAT.phone}`);
    expect(existsSync(log.file)).toBe(true);
    // Another visitor's free text names him.
    await t.must('visit.checkIn', {
      ...checkIn('Sari Wulandari', '085722223333', 'sari@contoh.id'),
      purpose: `Mendampingi ${RAHMAT.name} (rekan kerja)`,
    });
    expect(filesContaining(t.dataDir, [RAHMAT.name, RAHMAT.email]).length).toBeGreaterThan(0);
    expect(existsSync(rahmat.file)).toBe(true);

    const refused = await t.call('privacy.erasePerson', {
      visitorId: rahmat.visitorId,
      reason: 'Permintaan penghapusan lewat surel',
    });
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error.code).toBe('ERASURE_CASE_OPEN');
    expect(!refused.ok && refused.error.fields).toEqual({
      overrideOpenCaseReason: 'validation.required',
    });
    expect(one('SELECT full_name FROM visitor WHERE id = ?', rahmat.visitorId)).toEqual({
      full_name: RAHMAT.name,
    });

    const summary = await t.must('privacy.erasePerson', {
      visitorId: rahmat.visitorId,
      reason: `Permintaan ${RAHMAT.name} lewat surel`,
      overrideOpenCaseReason: 'Tiket sudah ditutup manual di helpdesk',
    });
    expect(summary).toMatchObject({
      visitorId: rahmat.visitorId,
      alreadyErased: false,
      visits: 1,
      cases: 1,
      notesRedacted: 1,
      confirmations: 1,
      documents: 1,
      filesDeleted: 1,
      outboxWithdrawn: 1,
      openCasesOverridden: [rahmat.caseCode],
      freedPagesWiped: true,
    });
    expect(summary.mentionsRedacted).toBeGreaterThanOrEqual(1);

    // Nothing of him in any file of the data folder, with the database still open...
    expect(existsSync(rahmat.file)).toBe(false);
    expect(filesContaining(t.dataDir, NEEDLES)).toEqual([]);
    // ...the other visitor keeps her visit, without his name in it.
    expect(one("SELECT purpose FROM visit WHERE full_name = 'Sari Wulandari'")).toEqual({
      purpose: 'Mendampingi (dihapus) (rekan kerja)',
    });
    // The note is redacted on record, not silently changed.
    expect(
      one(
        `SELECT n.text, r.reason, r.actor_id, r.applied FROM case_note n
           JOIN note_redaction r ON r.note_id = n.id WHERE n.case_id = ?`,
        rahmat.caseId,
      ),
    ).toEqual({ text: '(dihapus)', reason: 'erasure', actor_id: 1, applied: 1 });
    // The erasure is audited with both reasons, his name taken out of them too.
    const entry = one<{ actor_id: number; detail: string }>(
      "SELECT actor_id, detail FROM audit WHERE action = 'privacy.erasePerson'",
    );
    expect(entry.actor_id).toBe(1);
    expect(JSON.parse(entry.detail)).toMatchObject({
      reason: 'Permintaan (dihapus) lewat surel',
      overrideOpenCaseReason: 'Tiket sudah ditutup manual di helpdesk',
      openCases: [rahmat.caseCode],
    });
    // Nothing more is sent to the helpdesk for his case, whichever path queues it.
    expect(one('SELECT count(*) AS n FROM outbox WHERE case_id = ?', rahmat.caseId)).toEqual({
      n: 0,
    });
    t.core.db
      .prepare(
        `INSERT INTO outbox (case_id, operation, idempotency_key, payload, next_attempt_at, created_at, updated_at)
         VALUES (?, 'add_note', 'later', '{"text":"x"}', '', '', '')`,
      )
      .run(rahmat.caseId);
    expect(one('SELECT count(*) AS n FROM outbox WHERE case_id = ?', rahmat.caseId)).toEqual({
      n: 0,
    });

    // Asked again: said so, nothing done twice.
    const again = await t.must('privacy.erasePerson', {
      visitorId: rahmat.visitorId,
      reason: 'Diulang',
    });
    expect(again).toMatchObject({ alreadyErased: true, visits: 0, erasedAt: summary.erasedAt });

    // A backup made after the erasure holds nothing of him: sealed, and once opened again.
    // Kept in the data folder here, so the last search covers the sealed files too.
    const backupDir = join(dataDir, 'backup-target');
    mkdirSync(backupDir);
    await t.must('backup.saveSettings', {
      folder: backupDir,
      passphrase: PASSPHRASE,
      dailyAt: '23:59',
      onClose: false,
      keepDaily: 7,
      keepWeekly: 4,
      staleHours: 36,
    });
    const { id } = await t.must('backup.runNow', {});
    const opened = join(dataDir, 'backup-opened');
    await checkBackup(backupDir, id, await keyForSet(backupDir, id, null, PASSPHRASE), opened);
    // Opened for real: the other visitor is there in plain text, he is not.
    expect(readdirSync(opened).length).toBeGreaterThan(0);
    expect(filesContaining(opened, ['Sari Wulandari']).length).toBeGreaterThan(0);
    expect(filesContaining(opened, NEEDLES)).toEqual([]);

    // ...and after the host shut down.
    await t.stop();
    expect(filesContaining(t.dataDir, NEEDLES)).toEqual([]);
  });

  it('erases a person without open cases at once, and keeps the statistics of their visit', async () => {
    t = await startWithAdmin();
    const { visitorId, visitId } = await t.must(
      'visit.checkIn',
      checkIn(RAHMAT.name, RAHMAT.phone, RAHMAT.email),
    );
    const before = one(
      'SELECT service_day, visitor_type, status, queue_no FROM visit WHERE id = ?',
      visitId,
    );
    const summary = await t.must('privacy.erasePerson', {
      visitorId,
      reason: 'Permintaan tertulis',
    });
    expect(summary).toMatchObject({ visits: 1, cases: 0, openCasesOverridden: [] });
    expect(
      one('SELECT service_day, visitor_type, status, queue_no FROM visit WHERE id = ?', visitId),
    ).toEqual(before);
    expect(await t.must('visitor.search', { query: 'rahmat' })).toEqual([]);
    expect(filesContaining(t.dataDir, NEEDLES)).toEqual([]);
  });

  it('says so when the person is not found, and wants a reason', async () => {
    t = await startWithAdmin();
    const missing = await t.call('privacy.erasePerson', { visitorId: 9999, reason: 'Permintaan' });
    expect(!missing.ok && missing.error.code).toBe('VISITOR_NOT_FOUND');
    expect(!missing.ok && missing.error.message).toMatch(/tidak ditemukan/);
    const noReason = await t.call('privacy.erasePerson', { visitorId: 1, reason: '  ' });
    expect(!noReason.ok && noReason.error.fields).toEqual({ reason: 'validation.required' });
  });
});
