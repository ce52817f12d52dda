/**
 * Copies the write-ahead log into the database file and truncates it, on a connection of its
 * own in a worker thread: after a retention run at 1,000,000 visitors the copy, its sync and the
 * truncation of a large log took 5-6 s on the serving thread. The copy (PASSIVE) never blocks
 * the desk; the TRUNCATE that follows has nothing left to copy, and holds back only a write
 * arriving while the file system frees the log (readers go on).
 * workerData: { file, nativeBinding? }; posts { outcome: 'truncated' | 'busy' | 'failed' }.
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { z } from 'zod';

const input = z
  .object({ file: z.string(), nativeBinding: z.string().optional() })
  .parse(workerData);

const TRUNCATE_ATTEMPTS = 50;
const TRUNCATE_PAUSE_MS = 20;
const pause = new Int32Array(new SharedArrayBuffer(4));

function checkpoint(): 'truncated' | 'busy' | 'failed' {
  let db: Database.Database | null = null;
  try {
    db = new Database(input.file, {
      fileMustExist: true,
      ...(input.nativeBinding ? { nativeBinding: input.nativeBinding } : {}),
    });
    db.pragma('busy_timeout = 5000');
    db.pragma('wal_checkpoint(PASSIVE)');
    // TRUNCATE holds the write lock while it waits for the readers to leave the log: with the
    // busy timeout it held a check-in back for seconds while searches went on. Without it, it
    // looks a few times, each a moment.
    db.pragma('busy_timeout = 0');
    for (let attempt = 0; attempt < TRUNCATE_ATTEMPTS; attempt++) {
      // What the desk committed since the last copy is copied first, without the lock: TRUNCATE
      // copies it under the write lock, with both syncs, before it even looks for readers, and
      // an attempt that then found one held a search's read-log entry 50-80 ms for nothing
      // (bench/housekeeping-stall.ts, at the end of a run).
      db.pragma('wal_checkpoint(PASSIVE)');
      const [r] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
      if (r?.busy === 0) return 'truncated';
      Atomics.wait(pause, 0, 0, TRUNCATE_PAUSE_MS);
    }
    return 'busy';
  } catch {
    return 'failed';
  } finally {
    db?.close();
  }
}

parentPort?.postMessage({ outcome: checkpoint() });
