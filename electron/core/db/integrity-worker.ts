/**
 * Reads every page of the database on a read-only connection of its own, in a worker thread:
 * the check of a large file takes tens of seconds, which the serving thread must not wait for.
 * workerData: { file, nativeBinding? }; posts { ok: boolean }.
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { z } from 'zod';
import { lowerThisThreadsPriority } from '../thread-priority';

const input = z
  .object({ file: z.string(), nativeBinding: z.string().optional() })
  .parse(workerData);

function check(): boolean {
  let db: Database.Database | null = null;
  try {
    db = new Database(input.file, {
      readonly: true,
      fileMustExist: true,
      ...(input.nativeBinding ? { nativeBinding: input.nativeBinding } : {}),
    });
    const rows = db.pragma('quick_check') as { quick_check: string }[];
    return rows.length === 1 && rows[0]?.quick_check === 'ok';
  } catch {
    return false;
  } finally {
    db?.close();
  }
}

// Background work like the backup's and housekeeping's: it must not take the core a request needs,
// nor starve the housekeeping worker while that holds the write lock a check-in waits for.
lowerThisThreadsPriority();
parentPort?.postMessage({ ok: check() });
