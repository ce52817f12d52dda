/**
 * Backup of a big database and many documents (issue 14): the time of a first (full) backup and
 * of the next night's (nothing new, every document still read back and checked) against `cp` of
 * the same files plus `sync` (the floor, measured in the same run on the same disk); and the
 * latency of check-ins made every 25 ms (BENCH_CHECKIN_MS) while a backup runs, against the same
 * check-ins with no backup running. A check-in's latency is counted from when it was due, so a
 * host thread held up by the backup shows in it, and so does a queue of check-ins behind one
 * slow fsync: at 25 ms apart (40 a second, far more than a desk's few a minute) one 1 s fsync
 * makes the next 40 check-ins late; BENCH_CHECKIN_MS=1000 is still many desks' rate at once.
 *
 * Run: npx tsx bench/backup.ts [visitors=100000] [documents=400] [documentKiB=1024]
 * The issue's size (1,000,000 visitors, 10 GB of documents) takes far longer than a run here.
 */
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { createCore } from '../electron/core/core';
import { deriveKey, newKdf } from '../electron/core/backup/backup-key';
import { runBackup } from '../electron/core/backup/backup-runner';
import { currentNotice } from '../shared/domain/privacy-notice';
import { openDatabase } from '../electron/core/db/open-database';
import { ensureRealisticDb } from './realistic-db';

const visitors = Number(process.argv[2] ?? 100_000);
const documents = Number(process.argv[3] ?? 400);
const documentBytes = Number(process.argv[4] ?? 1024) * 1024;
const checkInEveryMs = Number(process.env.BENCH_CHECKIN_MS ?? 25);

const root = join(tmpdir(), `loket-bench-backup-${process.pid}`);
const dataDir = join(root, 'data');
mkdirSync(join(dataDir, 'attachments'), { recursive: true });

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

try {
  const source = ensureRealisticDb(visitors);
  copyFileSync(source, join(dataDir, 'loket.sqlite'));
  // Five years of visitors, kept whole: with the default two years the core's start would first
  // purge three years of them (minutes at 1M), and the backup would hold what is left.
  const setup = openDatabase(join(dataDir, 'loket.sqlite'));
  const setting = setup.prepare(
    'INSERT INTO app_setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  for (const key of ['guest_book_years', 'cases_years', 'documents_years'])
    setting.run(`retention.${key}`, '30');
  setup.close();
  const notice = currentNotice({ guestBookYears: 30, casesYears: 30, documentsYears: 30 }).version;
  const core = createCore({ dataDir, logError: (e) => console.error(e) });
  const db = core.db;
  const staffId = (db.prepare('SELECT id FROM staff LIMIT 1').get() as { id: number }).id;
  const visitId = (db.prepare('SELECT max(id) AS id FROM visit').get() as { id: number }).id;
  const now = new Date().toISOString();
  const caseId = Number(
    db
      .prepare(
        `INSERT INTO problem_case (case_code, visit_id, officer_id, reporter_name, reporter_phone,
           created_at, updated_at) VALUES ('BENCH-1', ?, ?, 'Bench', '081200000000', ?, ?)`,
      )
      .run(visitId, staffId, now, now).lastInsertRowid,
  );
  const attach = db.prepare(
    `INSERT INTO attachment (case_id, sha256, original_name, mime, size, source, kind, added_at,
       added_by) VALUES (?, ?, ?, 'application/pdf', ?, 'file', 'other', ?, ?)`,
  );
  // Random bytes: documents do not compress, and neither does what Loket writes of them.
  db.transaction(() => {
    for (let i = 0; i < documents; i++) {
      const bytes = randomBytes(documentBytes);
      const sha = createHash('sha256').update(bytes).digest('hex');
      mkdirSync(join(dataDir, 'attachments', sha.slice(0, 2)), { recursive: true });
      writeFileSync(join(dataDir, 'attachments', sha.slice(0, 2), sha), bytes);
      attach.run(caseId, sha, `dokumen-${i}.pdf`, documentBytes, now, staffId);
    }
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  const dbBytes =
    (db.prepare('PRAGMA page_count').get() as { page_count: number }).page_count * 4096;
  console.log(
    `${visitors.toLocaleString('en')} visitors (${(dbBytes / 1024 ** 2).toFixed(0)} MiB database), ` +
      `${documents} documents of ${documentBytes / 1024} KiB (${((documents * documentBytes) / 1024 ** 2).toFixed(0)} MiB)`,
  );

  // The floor: cp of the live files (as if it were safe), then sync, onto the same disk.
  const cpTarget = join(root, 'cp');
  mkdirSync(cpTarget);
  let t = performance.now();
  execFileSync('cp', ['-r', join(dataDir, 'loket.sqlite'), join(dataDir, 'attachments'), cpTarget]);
  execFileSync('sync');
  const cpMs = performance.now() - t;
  rmSync(cpTarget, { recursive: true, force: true });

  const key = await deriveKey('kata-sandi-bench-cadangan', newKdf());
  // LOKET_BENCH_TARGET: another disk (a USB stick, /dev/shm) instead of the data folder's own.
  const target = join(process.env.LOKET_BENCH_TARGET ?? root, `usb-${process.pid}`);
  mkdirSync(target);
  let phases: string[] = [];
  let phaseStart = 0;
  /** Each phase's end (performance.now()), to split the check-ins made during each. */
  let phaseEnds: { phase: string; at: number }[] = [];
  const backup = () => {
    phases = [];
    phaseEnds = [];
    phaseStart = performance.now();
    return runBackup({
      db,
      dataDir,
      documentPath: (sha) => join(dataDir, 'attachments', sha.slice(0, 2), sha),
      folder: target,
      key,
      keep: { daily: 7, weekly: 4 },
      now: () => new Date(),
      trigger: 'manual',
      onPhase: (phase) => {
        const at = performance.now();
        phases.push(`${phase} ${seconds(at - phaseStart)}`);
        phaseEnds.push({ phase, at });
        phaseStart = at;
      },
    });
  };

  interface Sample {
    due: number;
    latency: number;
    /** Of that latency, the time inside checkIn itself (SQLite and its fsync). */
    inCall: number;
  }
  /**
   * Check-ins due every checkInEveryMs while `during` runs; latency from when each was due. The host
   * thread's event-loop delay is measured beside them: a check-in that waited with a free event
   * loop waited for the disk (its fsync) or the write lock, not for the thread.
   */
  async function checkInsWhile(during: Promise<unknown>): Promise<Sample[]> {
    const samples: Sample[] = [];
    let done = false;
    void during.finally(() => (done = true));
    let i = 0;
    const start = performance.now();
    while (!done) {
      const due = start + i * checkInEveryMs;
      const wait = due - performance.now();
      // Behind schedule, the next one still waits for its own turn of the event loop, as a
      // request would: run back to back, a backlog of check-ins held the thread for seconds (the
      // 14.4 s event-loop delay once measured here) and starved the backup's own work on it.
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      else await new Promise((r) => setImmediate(r));
      const called = performance.now();
      core.visits.checkIn(staffId, {
        fullName: `Pengunjung Bench ${i}`,
        phone: `0813${String(i).padStart(8, '0')}`,
        purpose: 'Bench cadangan',
        noticeDelivery: 'read_out' as const,
        noticeVersion: notice,
      });
      const end = performance.now();
      samples.push({ due, latency: end - due, inCall: end - called });
      i++;
    }
    await during;
    return samples;
  }

  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  const loopLine = (name: string) => {
    const ms = (ns: number) => (ns / 1e6).toFixed(1);
    const line = `event-loop delay ${name}: p50 ${ms(loopDelay.percentile(50))} ms, p95 ${ms(loopDelay.percentile(95))} ms, max ${ms(loopDelay.max)} ms`;
    loopDelay.reset();
    return line;
  };
  /** p95 of the check-ins due in each phase of the backup that just ran. */
  const byPhase = (samples: Sample[]) => {
    let from = 0;
    return phaseEnds
      .map(({ phase, at }) => {
        const inPhase = samples.filter((s) => s.due >= from && s.due < at);
        from = at;
        if (inPhase.length === 0) return `${phase} -`;
        const l = inPhase.map((s) => s.latency);
        const c = inPhase.map((s) => s.inCall);
        return `${phase} n=${l.length} p95 ${percentile(l, 95).toFixed(0)} (in call ${percentile(c, 95).toFixed(0)}) ms`;
      })
      .join(', ');
  };
  loopDelay.enable();
  const idle = await checkInsWhile(new Promise((r) => setTimeout(r, 10_000)));
  const idleLoop = loopLine('with no backup');
  t = performance.now();
  const full = backup();
  const whileFull = await checkInsWhile(full);
  const fullMs = performance.now() - t;
  const fullPhases = phases.join(', ');
  const fullByPhase = byPhase(whileFull);
  const fullLoop = loopLine('during the full backup');
  t = performance.now();
  const next = backup();
  const whileNext = await checkInsWhile(next);
  const nextMs = performance.now() - t;
  const nextPhases = phases.join(', ');
  const nextByPhase = byPhase(whileNext);
  const nextLoop = loopLine('during the next backup');
  loopDelay.disable();
  const copied = (await next).summary.documentsCopied;

  console.log(`cp -r + sync: ${seconds(cpMs)}; a check-in due every ${checkInEveryMs} ms`);
  console.log(`first backup (full): ${seconds(fullMs)} = ${(fullMs / cpMs).toFixed(2)}x cp`);
  console.log(`  phases: ${fullPhases}`);
  console.log(`  check-ins by phase: ${fullByPhase}`);
  console.log(
    `next backup (${copied} documents copied, all ${documents} read back and checked): ${seconds(nextMs)} = ${(nextMs / cpMs).toFixed(2)}x cp`,
  );
  console.log(`  phases: ${nextPhases}`);
  console.log(`  check-ins by phase: ${nextByPhase}`);
  const line = (name: string, samples: Sample[]) => {
    const l = samples.map((s) => s.latency);
    const c = samples.map((s) => s.inCall);
    console.log(
      `check-in latency ${name}: n=${l.length} p50 ${percentile(l, 50).toFixed(1)} ms, p95 ${percentile(l, 95).toFixed(1)} ms, max ${Math.max(...l).toFixed(1)} ms; in the call p95 ${percentile(c, 95).toFixed(1)} ms`,
    );
  };
  line('with no backup', idle);
  line('during the full backup', whileFull);
  line('during the next backup', whileNext);
  console.log(idleLoop);
  console.log(fullLoop);
  console.log(nextLoop);
  core.close();
} finally {
  rmSync(root, { recursive: true, force: true });
  if (process.env.LOKET_BENCH_TARGET)
    rmSync(join(process.env.LOKET_BENCH_TARGET, `usb-${process.pid}`), {
      recursive: true,
      force: true,
    });
}
