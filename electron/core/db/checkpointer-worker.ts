/**
 * Copies the desk's write-ahead log into the database file every few hundred milliseconds, on a
 * connection of its own in a worker thread (checkpointer.ts). PASSIVE: it takes no
 * lock a write of the desk waits for, and copies only what no reader still needs.
 * workerData: CheckpointerInput; the shared word's states are in checkpointer-protocol.ts.
 */
import { existsSync, statSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { checkpointerInput, CLOSED, CONTROL_STATE, READY, STARTING } from './checkpointer-protocol';

const input = checkpointerInput.parse(workerData);
const control = new Int32Array(input.control);
const logFile = `${input.file}-wal`;
const logBytes = () => (existsSync(logFile) ? statSync(logFile).size : 0);

/**
 * PASSIVE, and a log file grown past the limit cut back while it is short to cut. SQLite reuses
 * its log file from the start and never shrinks it: during a housekeeping run at 1,000,000
 * visitors it grew to a few hundred MiB, and the TRUNCATE after the run (privacy/freed-pages.ts)
 * held the write lock for the 40-80 ms the file system took to free it, while a search's
 * read-log entry waited (bench/housekeeping-stall.ts; freeing takes about 0.3 ms per MiB here).
 * Only once everything is copied, so that TRUNCATE has nothing left to copy under that lock; it
 * waits for nobody (busy_timeout 0): with a reader in the log it gives up, and the next tick
 * tries again.
 */
function checkpoint(db: Database.Database): void {
  const [r] = db.pragma('wal_checkpoint(PASSIVE)') as WalCheckpointRow[];
  if (r?.busy === 0 && r.log === r.checkpointed && logBytes() > input.shrinkAboveBytes)
    db.pragma('wal_checkpoint(TRUNCATE)');
}
interface WalCheckpointRow {
  busy: number;
  log: number;
  checkpointed: number;
}

let db: Database.Database | null = null;
try {
  db = new Database(input.file, {
    fileMustExist: true,
    ...(input.nativeBinding ? { nativeBinding: input.nativeBinding } : {}),
  });
  // FULL: the log is synced before it is copied and the file after, as the desk's own
  // checkpoint did at the desk's FULL.
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 0');
  // Not if the desk asked it to stop while the file was being opened.
  if (Atomics.compareExchange(control, CONTROL_STATE, STARTING, READY) === STARTING) {
    parentPort?.postMessage('ready');
    // Sleeps on the shared word, so that a stop wakes it at once.
    while (Atomics.load(control, CONTROL_STATE) === READY) {
      if (Atomics.wait(control, CONTROL_STATE, READY, input.everyMs) === 'timed-out')
        checkpoint(db);
    }
  }
} finally {
  db?.close();
  Atomics.store(control, CONTROL_STATE, CLOSED);
  Atomics.notify(control, CONTROL_STATE);
}
