/**
 * Copies the write-ahead log into the database file on a connection of its own, in a worker
 * thread: after a retention run the log holds many pages, and copying and syncing them took
 * seconds on the serving thread. PASSIVE never blocks the desk's readers or writers.
 * workerData: { file, nativeBinding? }; posts { ok: boolean } (ok: every frame was copied).
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { z } from 'zod';

const input = z
  .object({ file: z.string(), nativeBinding: z.string().optional() })
  .parse(workerData);

function backfill(): boolean {
  let db: Database.Database | null = null;
  try {
    db = new Database(input.file, {
      fileMustExist: true,
      ...(input.nativeBinding ? { nativeBinding: input.nativeBinding } : {}),
    });
    const [r] = db.pragma('wal_checkpoint(PASSIVE)') as {
      busy: number;
      log: number;
      checkpointed: number;
    }[];
    return r !== undefined && r.busy === 0 && r.checkpointed === r.log;
  } catch {
    return false;
  } finally {
    db?.close();
  }
}

parentPort?.postMessage({ ok: backfill() });
