import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { attachmentPath } from '../../../electron/core/attachments/attachment-store';
import { AuditLog } from '../../../electron/core/audit';
import type { Db } from '../../../electron/core/db/open-database';
import { wipeFreedPagesOffThread } from '../../../electron/core/privacy/freed-pages';
import { Housekeeping } from '../../../electron/core/privacy/housekeeping';
import {
  HousekeepingWorkerFailed,
  OffThreadHousekeeping,
  WORKER_SIZES,
} from '../../../electron/core/privacy/housekeeping-off-thread';
import { ReleasedFiles } from '../../../electron/core/privacy/released-files';
import { RetentionJob } from '../../../electron/core/privacy/retention';
import { RetentionSettingsStore } from '../../../electron/core/privacy/retention-settings';
import { ADMIN, cleanup, startWithAdmin, type TestCore } from '../../helpers/temp-core';
import { checkIn, filesContaining, pngWithText } from './support';

const cores: TestCore[] = [];
afterEach(async () => {
  for (const t of cores.splice(0)) await cleanup(t);
});

async function login(t: TestCore): Promise<void> {
  t.token = (await t.must('auth.login', { username: ADMIN.username, pin: ADMIN.pin })).sessionToken;
}

const JOKO = { name: 'Joko Susilo', phone: '081244445555', email: 'joko.susilo@contoh.id' };

/**
 * Two years of a small desk: Joko served with a case, a note and a document; five visitors
 * checked in and left open; Wati back half a year later. Then the clock is past retention.
 */
async function desk(): Promise<{ t: TestCore; file: string }> {
  const t = await startWithAdmin();
  cores.push(t);
  const { visitId } = await t.must('visit.checkIn', checkIn(JOKO.name, JOKO.phone, JOKO.email));
  await t.must('queue.callNext', {});
  await t.must('queue.start', { visitId });
  const { caseId } = await t.must('case.create', { visitId });
  await t.must('case.saveDraft', {
    caseId,
    form: { application: 'spse', category: 'akun_login', description: `Akun ${JOKO.name}` },
  });
  await t.must('case.addNote', { caseId, text: `Dihubungi di ${JOKO.phone}` });
  const uploadId = await t.core.stageUpload(t.token, pngWithText(`${JOKO.name} ${JOKO.email}`, 3));
  const view = await t.must('case.attachUpload', {
    caseId,
    uploadId,
    originalName: `NIB ${JOKO.name}.png`,
    kind: 'other',
    source: 'file',
  });
  await t.must('case.solve', { caseId, solution: `Kata sandi ${JOKO.name} diatur ulang` });
  await t.must('queue.end', { visitId });
  for (let i = 0; i < 5; i++)
    await t.must('visit.checkIn', checkIn(`Tamu Lama ${i}`, `08130000000${i}`, ''));
  const wati = await t.must('visit.checkIn', checkIn('Wati Lestari', '085788889999', ''));
  t.clock.current = new Date('2027-06-01T02:00:00Z');
  await login(t);
  await t.must('visit.checkIn', {
    ...checkIn('Wati Lestari', '', ''),
    returningVisitorId: wati.visitorId,
  });
  t.clock.current = new Date('2028-11-25T02:00:00Z');
  const sha256 = view.attachments[0]!.sha256;
  return { t, file: attachmentPath(join(t.dataDir, 'attachments'), sha256) };
}

/** The same job as the core's, at the worker's batch sizes; `offThread` says where it runs. */
function housekeepingOf(
  t: TestCore,
  offThread: boolean | (() => boolean),
  file = t.core.db.name,
  pauseMs = 0,
  notBefore?: () => Promise<unknown> | null,
) {
  const { db } = t.core;
  const now = t.clock.now;
  const audit = new AuditLog(db, now);
  const attachmentsDir = join(t.dataDir, 'attachments');
  const files = new ReleasedFiles(db, (sha) => attachmentPath(attachmentsDir, sha), now);
  const retention = new RetentionJob(db, audit, now, new RetentionSettingsStore(db, audit), files);
  const inThread = new Housekeeping(t.core.visits, retention, WORKER_SIZES);
  return new OffThreadHousekeeping(inThread, {
    file,
    attachmentsDir,
    now,
    offThread: typeof offThread === 'function' ? offThread : () => offThread,
    afterWipe: () => wipeFreedPagesOffThread(db),
    pauseMs,
    notBefore,
  });
}

/** Every table housekeeping writes, whole. */
function written(db: Db) {
  const tables = [
    'visitor',
    'visit',
    'visit_event',
    'problem_case',
    'case_note',
    'note_redaction',
    'attachment',
    'released_file',
    'audit',
  ];
  const rows = Object.fromEntries(
    tables.map((table) => [table, db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all()]),
  );
  // Case numbers carry the desk's own random mark.
  return JSON.parse(JSON.stringify(rows).replace(/KS-[0-9A-Z]{4}-/g, 'KS-desk-')) as unknown;
}

const count = (db: Db, sql: string) => (db.prepare(sql).get() as { n: number }).n;

describe('housekeeping in a worker thread', () => {
  it('writes on its own connection the rows the serving thread writes, and removes the files', async () => {
    const here = await desk();
    const there = await desk();
    const inThread = await housekeepingOf(here.t, false).runInBackground();
    const inWorker = await housekeepingOf(there.t, true).runInBackground();
    expect({ ...inWorker, longestTransactionMs: 0 }).toEqual({
      ...inThread,
      longestTransactionMs: 0,
    });
    expect(inWorker).toMatchObject({ closedVisits: 7, anonymisedVisitors: 6, purged: 3 });
    expect(written(there.t.core.db)).toEqual(written(here.t.core.db));
    // Through the search index's triggers too (the SQL functions the worker registers).
    expect(
      count(
        there.t.core.db,
        "SELECT count(*) AS n FROM visitor_search WHERE visitor_search MATCH 'joko'",
      ),
    ).toBe(0);
    expect(existsSync(there.file)).toBe(false);
    expect(filesContaining(there.t.dataDir, [JOKO.name, JOKO.phone, JOKO.email])).toEqual([]);
  });

  it('starts its batches only once the start-up check has read the file', async () => {
    const gated = await desk();
    const ungated = await desk();
    let checked: (ok: boolean) => void = () => {};
    const check = new Promise<boolean>((resolve) => (checked = resolve));
    const open = "SELECT count(*) AS n FROM visit WHERE status = 'waiting'";
    const run = housekeepingOf(
      gated.t,
      true,
      gated.t.core.db.name,
      0,
      () => check,
    ).runInBackground();
    // The same run with nothing to wait for, started after it, has ended: the gated one has not begun.
    expect(await housekeepingOf(ungated.t, true).runInBackground()).toMatchObject({
      closedVisits: 7,
    });
    expect(count(gated.t.core.db, open)).toBe(7);
    checked(true);
    expect(await run).toMatchObject({ closedVisits: 7, anonymisedVisitors: 6 });
    expect(count(gated.t.core.db, open)).toBe(0);
  });

  it('is what the core runs in the background, and the core closes after it', async () => {
    const { t, file } = await desk();
    const result = await t.core.housekeepingInBackground();
    expect(result).toMatchObject({ closedVisits: 7, anonymisedVisitors: 6, purged: 3 });
    expect(existsSync(file)).toBe(false);
    await t.stop();
    expect(t.core.db.open).toBe(false);
  });

  it('reports a batch that failed, keeps what was committed before it, and the next run finishes', async () => {
    const { t } = await desk();
    const { db } = t.core;
    // The third visitor's anonymisation fails: its transaction is rolled back whole.
    db.exec(`CREATE TRIGGER refuse_tamu_2 BEFORE UPDATE OF anonymised_at ON visitor
      WHEN OLD.full_name = 'Tamu Lama 2' BEGIN SELECT RAISE(ABORT, 'the disk said no'); END`);
    const job = housekeepingOf(t, true);
    const failed = await job.runInBackground().catch((err: unknown) => err);
    expect(failed).toBeInstanceOf(HousekeepingWorkerFailed);
    expect((failed as Error).message).toBe('the disk said no');
    const anonymised = count(
      db,
      'SELECT count(*) AS n FROM visitor WHERE anonymised_at IS NOT NULL',
    );
    expect(anonymised).toBeGreaterThan(0);
    expect(anonymised).toBeLessThan(6);
    // Each visitor anonymised is on record, and nobody else.
    expect(count(db, "SELECT count(*) AS n FROM audit WHERE action = 'retention.anonymise'")).toBe(
      anonymised,
    );
    db.exec('DROP TRIGGER refuse_tamu_2');
    const next = await job.runInBackground();
    expect(next.anonymisedVisitors).toBe(6 - anonymised);
    expect(count(db, 'SELECT count(*) AS n FROM visitor WHERE anonymised_at IS NULL')).toBe(1);
  });

  it('reports a worker that could not open the database, and writes nothing', async () => {
    const { t } = await desk();
    const job = housekeepingOf(t, true, join(t.dataDir, 'missing.sqlite'));
    await expect(job.runInBackground()).rejects.toBeInstanceOf(HousekeepingWorkerFailed);
    expect(
      count(t.core.db, 'SELECT count(*) AS n FROM visitor WHERE anonymised_at IS NOT NULL'),
    ).toBe(0);
  });

  it('starts no batch once stopped, and a killed run loses nothing committed', async () => {
    const { t } = await desk();
    const { db } = t.core;
    // Long pauses between batches: the test stops it in one.
    const job = housekeepingOf(t, true, undefined, 300);
    const run = job.runInBackground();
    // Stopped as soon as the first batch is in: the one under way ends, no other starts.
    while (count(db, "SELECT count(*) AS n FROM audit WHERE action = 'visit.autoClose'") === 0)
      await new Promise((resolve) => setTimeout(resolve, 1));
    await job.stop();
    const stopped = await run;
    expect(stopped.anonymisedVisitors).toBeLessThan(6);
    expect(count(db, 'SELECT count(*) AS n FROM visitor WHERE anonymised_at IS NOT NULL')).toBe(
      stopped.anonymisedVisitors,
    );
    // Killed mid-run (the app closing): what it had not committed is rolled back.
    const killed = housekeepingOf(t, true);
    const cut = killed.runInBackground();
    killed.kill();
    await cut;
    expect((db.pragma('quick_check') as { quick_check: string }[])[0]?.quick_check).toBe('ok');
    const anonymised = count(
      db,
      'SELECT count(*) AS n FROM visitor WHERE anonymised_at IS NOT NULL',
    );
    expect(count(db, "SELECT count(*) AS n FROM audit WHERE action = 'retention.anonymise'")).toBe(
      anonymised,
    );
    const rest = await housekeepingOf(t, true).runInBackground();
    expect(anonymised + rest.anonymisedVisitors).toBe(6);
  });

  it('stops writing when the file is found damaged during the run', async () => {
    const { t } = await desk();
    const { db } = t.core;
    let damaged = false;
    const run = housekeepingOf(t, () => !damaged, undefined, 300).runInBackground();
    while (count(db, "SELECT count(*) AS n FROM audit WHERE action = 'visit.autoClose'") === 0)
      await new Promise((resolve) => setTimeout(resolve, 1));
    damaged = true;
    const result = await run;
    expect(result.anonymisedVisitors).toBeLessThan(6);
    expect(count(db, 'SELECT count(*) AS n FROM visitor WHERE anonymised_at IS NOT NULL')).toBe(
      result.anonymisedVisitors,
    );
  });
});
