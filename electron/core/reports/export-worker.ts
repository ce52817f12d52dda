/**
 * Runs one report export in a worker thread, on its own read-only connection: a year of visits
 * or a million survey answers is read and written here, never on the thread that answers the
 * desk. Posts progress, then the file's name (or the error) and exits.
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { z } from 'zod';
import { exportTaskSchema, runExport } from './export-task';

const input = z
  .object({
    task: exportTaskSchema,
    dbFile: z.string(),
    outFile: z.string(),
    // The host's choice of addon (native-binding.ts) is module state the worker does not share.
    nativeBinding: z.string().optional(),
  })
  .parse(workerData);
const port = parentPort!;
const db = new Database(input.dbFile, {
  readonly: true,
  fileMustExist: true,
  ...(input.nativeBinding && { nativeBinding: input.nativeBinding }),
});
db.pragma('busy_timeout = 5000');

runExport(db, input.task, input.outFile, (done, total) =>
  port.postMessage({ type: 'progress', done, total }),
)
  .then(
    (fileName) => port.postMessage({ type: 'done', fileName }),
    (err: unknown) =>
      port.postMessage({
        type: 'error',
        message: err instanceof Error ? err.message : String(err),
      }),
  )
  .finally(() => db.close());
