/**
 * Checks a database snapshot in a worker thread: `PRAGMA integrity_check` reads every page of a
 * file that may be gigabytes, and the host's thread must keep answering check-ins meanwhile.
 * In: workerData { file, nativeBinding? }; out: one SnapshotFacts message.
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { z } from 'zod';
import { readSnapshotFacts } from './snapshot-facts';

const input = z
  .object({ file: z.string(), nativeBinding: z.string().optional() })
  .parse(workerData);

try {
  const db = new Database(input.file, {
    readonly: true,
    fileMustExist: true,
    ...(input.nativeBinding !== undefined && { nativeBinding: input.nativeBinding }),
  });
  try {
    parentPort?.postMessage({ ok: true, facts: readSnapshotFacts(db) });
  } finally {
    db.close();
  }
} catch (err) {
  parentPort?.postMessage({ ok: false, error: err instanceof Error ? err.message : String(err) });
}
