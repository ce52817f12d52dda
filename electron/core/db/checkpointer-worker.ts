/**
 * Copies the desk's write-ahead log into the database file every few hundred milliseconds, on a
 * connection of its own in a worker thread (checkpointer.ts). PASSIVE: it takes no
 * lock a write of the desk waits for, and copies only what no reader still needs.
 * workerData: CheckpointerInput; the shared word's states are in checkpointer-protocol.ts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { restartLogIfIdle } from './log-size';
import { checkpointerInput, CLOSED, CONTROL_STATE, READY, STARTING } from './checkpointer-protocol';

const input = checkpointerInput.parse(workerData);
const control = new Int32Array(input.control);

/**
 * PASSIVE, then, if that copied all of a log that has something in it, a restart of the log:
 * under a steady stream of searches SQLite seldom starts it over by itself, and in one 15 s run
 * the log grew to 131 MiB, which the next restart cut back to its limit under the write lock
 * (about 40 ms; db/log-size.ts).
 */
function checkpoint(db: Database.Database): void {
  const [r] = db.pragma('wal_checkpoint(PASSIVE)') as WalCheckpointRow[];
  if (r && r.busy === 0 && r.log > 0 && r.log === r.checkpointed) restartLogIfIdle(db);
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
