import { statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { checkpointInBackground } from '../../electron/core/db/checkpoint';
import { AuditLog } from '../../electron/core/audit';
import { Housekeeping } from '../../electron/core/privacy/housekeeping';
import { RETENTION_EXPIRED_SQL, RetentionJob } from '../../electron/core/privacy/retention';
import { AUTO_CLOSE_SQL } from '../../electron/core/reception/visits';
import { currentNotice } from '../../shared/domain/privacy-notice';
import { ADMIN, cleanup, startWithAdmin, type TestCore } from '../helpers/temp-core';

let t: TestCore | undefined;
afterEach(() => {
  if (t) cleanup(t);
  t = undefined;
});

let serial = 0;
const visitor = (fullName: string) => ({
  fullName,
  phone: `0812${String(10_000_000 + serial++).slice(-8)}`,
  email: '',
  institution: 'CV Maju',
  visitorType: 'penyedia_badan_usaha' as const,
  purpose: 'Konsultasi',
  noticeVersion: currentNotice().version,
  noticeDelivery: 'read_out' as const,
});

function count(sql: string): number {
  if (!t) throw new Error('no core');
  return (t.core.db.prepare(sql).get() as { n: number }).n;
}

/** Housekeeping over the test core with small batches, recording each batch's size. */
function smallBatches(sizes: { stale: number; retention: number }) {
  if (!t) throw new Error('no core');
  const { db, visits } = t.core;
  const retention = new RetentionJob(db, new AuditLog(db, t.clock.now), t.clock.now);
  const seen = { stale: [] as number[], retention: [] as number[] };
  const job = new Housekeeping(
    {
      closeStaleBatch: (limit) => {
        const n = visits.closeStaleBatch(limit);
        seen.stale.push(n);
        return n;
      },
    },
    {
      runBatch: (limit) => {
        const n = retention.runBatch(limit);
        seen.retention.push(n);
        return n;
      },
    },
    sizes,
  );
  return { job, seen };
}

async function login(): Promise<void> {
  if (!t) throw new Error('no core');
  t.token = (await t.must('auth.login', { username: ADMIN.username, pin: ADMIN.pin })).sessionToken;
}

describe('housekeeping in short transactions', () => {
  it('closes stale visits in bounded batches, yielding between them, and closes them all', async () => {
    t = await startWithAdmin();
    for (let i = 0; i < 5; i++) await t.must('visit.checkIn', visitor(`Tamu ${i}`));
    t.clock.current = new Date('2026-11-25T01:00:00Z');
    const { job, seen } = smallBatches({ stale: 2, retention: 2 });
    // A callback queued now runs between two batches if the job yields to the event loop.
    const openBetween: number[] = [];
    let finished = false;
    const probe = () => {
      if (finished) return;
      openBetween.push(count("SELECT count(*) AS n FROM visit WHERE status <> 'done'"));
      setImmediate(probe);
    };
    setImmediate(probe);
    const result = await job.runInBackground();
    finished = true;
    expect(seen.stale).toEqual([2, 2, 1]);
    expect(result.closedVisits).toBe(5);
    expect(openBetween.some((n) => n > 0 && n < 5)).toBe(true);
    expect(count("SELECT count(*) AS n FROM visit WHERE status <> 'done'")).toBe(0);
    expect(
      count('SELECT count(*) AS n FROM visit WHERE auto_closed = 1 AND left_unserved = 1'),
    ).toBe(5);
    expect(count("SELECT count(*) AS n FROM audit WHERE action = 'visit.autoClose'")).toBe(5);
    expect(count("SELECT count(*) AS n FROM visit_event WHERE kind = 'auto_closed'")).toBe(5);
  });

  it('anonymises visitors past retention in bounded batches and keeps the recent ones', async () => {
    t = await startWithAdmin();
    for (let i = 0; i < 5; i++) await t.must('visit.checkIn', visitor(`Lama ${i}`));
    t.clock.current = new Date('2027-06-01T02:00:00Z');
    await login();
    await t.must('visit.checkIn', visitor('Baru'));
    t.clock.current = new Date('2028-11-25T02:00:00Z');
    const { job, seen } = smallBatches({ stale: 10, retention: 2 });
    const result = await job.runInBackground();
    expect(seen.retention).toEqual([2, 2, 1]);
    expect(result.anonymisedVisitors).toBe(5);
    expect(count('SELECT count(*) AS n FROM visitor WHERE anonymised_at IS NOT NULL')).toBe(5);
    expect(
      t.core.db.prepare('SELECT full_name FROM visitor WHERE anonymised_at IS NULL').all(),
    ).toEqual([{ full_name: 'Baru' }]);
    expect(count("SELECT count(*) AS n FROM visit WHERE full_name = '(dianonimkan)'")).toBe(5);
    // One audit entry per batch, together counting every visitor.
    const entries = t.core.db
      .prepare<[], { detail: string }>(
        "SELECT detail FROM audit WHERE action = 'retention.anonymise' ORDER BY id",
      )
      .all()
      .map((r) => JSON.parse(r.detail) as { count: number });
    expect(entries.map((e) => e.count)).toEqual([2, 2, 1]);
    // Nothing is left to do: the next run reads nothing.
    expect((await job.runInBackground()).anonymisedVisitors).toBe(0);
  });

  it('does at start, all at once, what the background run does in batches', async () => {
    t = await startWithAdmin();
    for (let i = 0; i < 3; i++) await t.must('visit.checkIn', visitor(`Lama ${i}`));
    t.clock.current = new Date('2028-11-25T02:00:00Z');
    const { job } = smallBatches({ stale: 2, retention: 2 });
    expect(job.runNow()).toEqual({ closedVisits: 3, anonymisedVisitors: 3, purged: 0, batches: 4 });
    expect(count('SELECT count(*) AS n FROM visitor WHERE anonymised_at IS NULL')).toBe(0);
  });

  it('joins a run already under way instead of starting a second one', async () => {
    t = await startWithAdmin();
    const { job } = smallBatches({ stale: 2, retention: 2 });
    const first = job.runInBackground();
    expect(job.runInBackground()).toBe(first);
    await first;
  });

  it('starts no batch once stopped', async () => {
    t = await startWithAdmin();
    for (let i = 0; i < 3; i++) await t.must('visit.checkIn', visitor(`Tamu ${i}`));
    t.clock.current = new Date('2026-11-25T01:00:00Z');
    const { job, seen } = smallBatches({ stale: 1, retention: 1 });
    const run = job.runInBackground();
    await job.stop();
    await run;
    expect(seen.stale).toEqual([]);
  });

  it('finds stale visits through the index of open visits, never the visit history', () => {
    return startWithAdmin().then((core) => {
      t = core;
      const plan = core.core.db
        .prepare(`EXPLAIN QUERY PLAN ${AUTO_CLOSE_SQL}`)
        .all('2026-11-25T00:00:00Z', '2026-11-25', 10) as { detail: string }[];
      const details = plan.map((p) => p.detail).join('\n');
      expect(details).toMatch(/USING (COVERING )?INDEX visit_open/);
      expect(details).not.toMatch(/SCAN visit(?! USING)/);
    });
  });

  it('finds visitors past retention through the index of last visit days', () => {
    return startWithAdmin().then((core) => {
      t = core;
      const plan = core.core.db
        .prepare(`EXPLAIN QUERY PLAN ${RETENTION_EXPIRED_SQL}`)
        .all('2024-11-25', 50) as { detail: string }[];
      expect(plan.map((p) => p.detail)).toEqual([
        'SEARCH visitor_recency USING COVERING INDEX visitor_recency_last_day (last_day<?)',
      ]);
    });
  });
});

describe('wiping freed pages after a background run', () => {
  it('copies the log into the file and truncates it in a worker thread', async () => {
    t = await startWithAdmin();
    for (let i = 0; i < 3; i++) await t.must('visit.checkIn', visitor(`Lama ${i}`));
    const file = t.core.db.name;
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(0);
    expect(await checkpointInBackground(file)).toBe('truncated');
    expect(statSync(`${file}-wal`).size).toBe(0);
    // And after a background run that wiped personal data, through the same worker.
    await t.must('visit.checkIn', visitor('Lama 3'));
    t.clock.current = new Date('2028-11-25T02:00:00Z');
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(0);
    const result = await t.core.housekeepingInBackground();
    expect(result.anonymisedVisitors).toBe(4);
    expect(statSync(`${file}-wal`).size).toBe(0);
  });

  it('lets the desk write while a reader keeps the log from being truncated', async () => {
    t = await startWithAdmin();
    await t.must('visit.checkIn', visitor('Lama 0'));
    const file = t.core.db.name;
    // A search under way on another connection: the log cannot be truncated while it reads.
    const reader = new Database(file, { readonly: true });
    reader.exec('BEGIN');
    reader.prepare('SELECT count(*) FROM visitor').get();
    const writer = new Database(file);
    writer.pragma('busy_timeout = 0');
    const checkpoint = checkpointInBackground(file);
    let settled = false;
    void checkpoint.finally(() => (settled = true));
    // Writes tried meanwhile without waiting: once the TRUNCATE has held the lock, do later
    // ones get in? It used to hold it, waiting for the reader, until its busy timeout.
    let heldBack = false;
    let inAfterHeld = 0;
    while (!settled) {
      try {
        writer.exec(
          "BEGIN IMMEDIATE; INSERT INTO app_setting (key, value) VALUES ('probe', '1') ON CONFLICT (key) DO UPDATE SET value = excluded.value; COMMIT",
        );
        if (heldBack) inAfterHeld++;
      } catch {
        heldBack = true;
      }
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    reader.exec('COMMIT');
    reader.close();
    writer.close();
    expect(await checkpoint).toBe('busy');
    // Refused at most for a moment, then let in again.
    expect(!heldBack || inAfterHeld > 20).toBe(true);
  });
});
