import { Worker } from 'node:worker_threads';
import { nativeBindingOption } from '../db/native-binding';
import { snapshotFactsSchema, type SnapshotFacts } from './snapshot-facts';

/**
 * Where the worker's code is: the bundled file next to the bundled host (dist-electron), or the
 * TypeScript source run through tsx when Loket runs from its sources (tests, `npm start`).
 */
function spawnWorker(workerData: { file: string; nativeBinding?: string }): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts'))
    return new Worker(new URL('./backup-snapshot-worker.mjs', here), { workerData });
  const source = new URL('./snapshot-worker.ts', here).href;
  const boot = `import('tsx/esm/api').then((tsx) => tsx.tsImport(${JSON.stringify(source)}, ${JSON.stringify(source)}))`;
  return new Worker(boot, { eval: true, workerData });
}

/** Integrity, schema version, counts and files of a database snapshot, read off the host's thread. */
export function checkSnapshot(file: string): Promise<SnapshotFacts> {
  const binding = nativeBindingOption().nativeBinding;
  const worker = spawnWorker({ file, ...(binding !== undefined && { nativeBinding: binding }) });
  return new Promise((resolve, reject) => {
    let settled = false;
    worker.once('message', (message: unknown) => {
      settled = true;
      const m = message as { ok: boolean; facts?: unknown; error?: string };
      if (m.ok) resolve(snapshotFactsSchema.parse(m.facts));
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

/** The snapshot is not a database SQLite can open (damaged beyond its header). */
export class SnapshotUnreadable extends Error {
  override name = 'SnapshotUnreadable';
}
