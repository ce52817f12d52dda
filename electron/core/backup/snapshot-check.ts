import { Worker } from 'node:worker_threads';
import { nativeBindingOption } from '../db/native-binding';
import { snapshotFactsSchema, type SnapshotFacts } from './snapshot-facts';

interface SnapshotWorkerData {
  file: string;
  source?: string;
  pagesPerStep?: number;
  pauseMs?: number;
  nativeBinding?: string;
}

/**
 * Where the worker's code is: the bundled file next to the bundled host (dist-electron), or the
 * TypeScript source run through tsx when Loket runs from its sources (tests, `npm start`).
 */
function spawnWorker(workerData: SnapshotWorkerData): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts'))
    return new Worker(new URL('./backup-snapshot-worker.mjs', here), { workerData });
  const source = new URL('./snapshot-worker.ts', here).href;
  const boot = `import('tsx/esm/api').then((tsx) => tsx.tsImport(${JSON.stringify(source)}, ${JSON.stringify(source)}))`;
  return new Worker(boot, { eval: true, workerData });
}

function runWorker(data: Omit<SnapshotWorkerData, 'nativeBinding'>): Promise<SnapshotFacts> {
  const binding = nativeBindingOption().nativeBinding;
  const worker = spawnWorker({ ...data, ...(binding !== undefined && { nativeBinding: binding }) });
  return new Promise((resolve, reject) => {
    let settled = false;
    worker.once('message', (message: unknown) => {
      settled = true;
      const m = message as {
        ok: boolean;
        facts?: unknown;
        stage?: 'take' | 'check';
        error?: string;
        code?: string;
      };
      if (m.ok) resolve(snapshotFactsSchema.parse(m.facts));
      else if (m.stage === 'take') reject(new SnapshotNotTaken(m.error ?? 'failed', m.code));
      else reject(new SnapshotUnreadable(m.error ?? 'unreadable'));
      void worker.terminate();
    });
    worker.once('error', (err) => {
      if (!settled) reject(err);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`snapshot worker exited with ${code}`));
    });
  });
}

/** Integrity, schema version, counts and files of a database snapshot, read off the host's thread. */
export function checkSnapshot(file: string): Promise<SnapshotFacts> {
  return runWorker({ file });
}

/**
 * Takes an online snapshot of the live database `source` into `file` (new, 0600) on the worker's
 * own connection, then checks it there: the host's thread only waits.
 */
export function takeAndCheckSnapshot(
  source: string,
  file: string,
  pace: { pagesPerStep: number; pauseMs: number },
): Promise<SnapshotFacts> {
  return runWorker({ file, source, ...pace });
}

/** The snapshot is not a database SQLite can open (damaged beyond its header). */
export class SnapshotUnreadable extends Error {
  override name = 'SnapshotUnreadable';
}

/** The online backup failed (a full disk, a damaged live file); `code` is SQLite's or the OS's. */
export class SnapshotNotTaken extends Error {
  override name = 'SnapshotNotTaken';
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}
