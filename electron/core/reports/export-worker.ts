/**
 * Runs report exports in a worker thread, one at a time, each on a read-only connection: a year
 * of visits or a million survey answers is read and written here, never on the thread that
 * answers the desk. The worker is kept between exports (loading it and the fonts takes seconds).
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { z } from 'zod';
import { exportTaskSchema, runExport } from './export-task';

const setup = z
  .object({
    dbFile: z.string(),
    // The host's choice of addon (native-binding.ts) is module state the worker does not share.
    nativeBinding: z.string().optional(),
  })
  .parse(workerData);
const jobSchema = z.object({ id: z.string(), task: exportTaskSchema, outFile: z.string() });
const port = parentPort!;

let queue = Promise.resolve();
port.on('message', (raw: unknown) => {
  const job = jobSchema.parse(raw);
  queue = queue.then(async () => {
    const db = new Database(setup.dbFile, {
      readonly: true,
      fileMustExist: true,
      ...(setup.nativeBinding && { nativeBinding: setup.nativeBinding }),
    });
    db.pragma('busy_timeout = 5000');
    try {
      const fileName = await runExport(db, job.task, job.outFile, (done, total) =>
        port.postMessage({ id: job.id, type: 'progress', done, total }),
      );
      port.postMessage({ id: job.id, type: 'done', fileName });
    } catch (err) {
      port.postMessage({
        id: job.id,
        type: 'error',
        message: err instanceof Error ? err.message : String(err),
      });
    } finally {
      db.close();
    }
  });
});
