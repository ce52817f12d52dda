/**
 * Housekeeping's batches (stale visits closed, retention's anonymising and purging) on a
 * connection of its own, in a worker thread: at 1,000,000 visitors each batch held the serving
 * thread 70-150 ms (bench/housekeeping-stall.ts). The same classes as on the serving thread,
 * so the rows written (audit entries included) are the same.
 * workerData: HousekeepingWorkerInput; posts HousekeepingWorkerMessage; listens for STOP_MESSAGE.
 */
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { attachmentPath } from '../attachments/attachment-store';
import { AuditLog } from '../audit';
import { announcingWrite } from '../db/background-writes';
import { limitLogSize, restartLogIfIdle } from '../db/log-size';
import { registerSqlFunctions } from '../db/sql-functions';
import { VisitService } from '../reception/visits';
import { housekeepingSteps } from './housekeeping';
import {
  housekeepingWorkerInput,
  type HousekeepingWorkerMessage,
  STOP_MESSAGE,
} from './housekeeping-protocol';
import { ReleasedFiles } from './released-files';
import { RetentionJob } from './retention';
import { RetentionSettingsStore } from './retention-settings';
import { removingAfterSync, syncLogOf } from './remove-after-sync';

const input = housekeepingWorkerInput.parse(workerData);
// At normal priority, unlike the backup's workers: its transactions hold the write lock, and a
// lowest-priority thread holding it waited for a core while a check-in waited for it (longest
// transaction 22-64 ms at the lowest priority, 23-25 ms at normal; bench/housekeeping-stall.ts).
let stopped = false;
parentPort?.on('message', (m: unknown) => {
  if (typeof m === 'object' && m !== null && 'type' in m && m.type === STOP_MESSAGE.type)
    stopped = true;
});
// The run keeps the thread alive, not the port: the thread ends when the run has.
parentPort?.unref();

const post = (m: HousekeepingWorkerMessage) => parentPort?.postMessage(m);

/** As open-database.ts sets up the desk's connection, without the migrations (done there). */
function open(): Database.Database {
  const db = new Database(input.file, {
    fileMustExist: true,
    ...(input.nativeBinding ? { nativeBinding: input.nativeBinding } : {}),
  });
  // Not synced at each commit, inside the write lock a check-in may be waiting for: the
  // checkpoint after each batch syncs the log, outside it (below), and so does a purge before
  // its files leave the disk (remove-after-sync.ts). A batch a power cut takes away is rolled
  // back whole, audit entry included, and done again by the next run.
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  limitLogSize(db);
  db.pragma('secure_delete = ON');
  // Copied back after each batch instead (below), outside the time a batch is measured by.
  db.pragma('wal_autocheckpoint = 0');
  // Anonymising one visitor rewrites a few hundred pages of the search indexes: in memory,
  // not spilled into the log before the commit and read back.
  db.pragma('cache_size = -32000');
  registerSqlFunctions(db);
  return db;
}

/**
 * A batch that met the write lock held past the busy timeout (a checkpoint waiting for readers)
 * was rolled back whole: it is tried again after a while, then the run gives up until the next.
 */
function retryingBusy(batch: () => number): number {
  for (let attempt = 1; ; attempt++) {
    try {
      return batch();
    } catch (err) {
      const busy =
        typeof err === 'object' && err !== null && 'code' in err && err.code === 'SQLITE_BUSY';
      if (!busy || attempt >= BUSY_ATTEMPTS) throw err;
      Atomics.wait(pause, 0, 0, BUSY_PAUSE_MS);
    }
  }
}
const BUSY_ATTEMPTS = 3;
const BUSY_PAUSE_MS = 1000;
const pause = new Int32Array(new SharedArrayBuffer(4));

async function run(): Promise<void> {
  const db = open();
  try {
    // The run's time, as a run on the serving thread under a clock that stands still (a test's).
    const at = Date.parse(input.now);
    const now = () => new Date(at);
    const audit = new AuditLog(db, now);
    const files = removingAfterSync(
      new ReleasedFiles(db, (sha256) => attachmentPath(input.attachmentsDir, sha256), now),
      syncLogOf(input.file),
    );
    const retention = new RetentionJob(
      db,
      audit,
      now,
      new RetentionSettingsStore(db, audit),
      files,
    );
    const steps = housekeepingSteps(new VisitService(db, audit, now), retention, input.sizes);
    for (const step of steps) {
      for (;;) {
        if (stopped) return;
        const b0 = performance.now();
        const count = retryingBusy(() => announcingWrite(input.writing, () => step.batch()));
        const ms = performance.now() - b0;
        post({ type: 'batch', kind: step.kind, count, ms });
        // Syncs the log, then copies it into the file: the batch is on disk, and the desk's next
        // commit never finds a thousand pages to copy (on the serving thread). PASSIVE: it
        // takes no lock a write of the desk would wait for. Then, with all of it copied, the log
        // may start over: without that it grew by every batch of the run.
        db.pragma('wal_checkpoint(PASSIVE)');
        restartLogIfIdle(db);
        if (count < step.size) break;
        // Twice as long as the batch held the lock: a write that waited that long looks again
        // (SQLite's busy handler backs off) while the lock is free, never behind a next batch.
        await sleep(input.pauseMs + 2 * ms);
      }
    }
  } finally {
    db.close();
  }
}

run().then(
  () => post({ type: 'done' }),
  (err: unknown) => {
    const code =
      typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'string'
        ? err.code
        : undefined;
    post({ type: 'failed', message: err instanceof Error ? err.message : String(err), code });
  },
);
