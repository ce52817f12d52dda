import { Worker } from 'node:worker_threads';
import { nativeBindingOption } from './native-binding';

/**
 * Copies the write-ahead log into the database file and truncates it, in a worker thread on a
 * connection of its own (checkpoint-worker.ts). Resolves true when the log was truncated, false
 * otherwise (a reader kept it busy, or the worker failed).
 */
export function checkpointInBackground(file: string): Promise<boolean> {
  const worker = spawnWorker(file);
  return new Promise<boolean>((resolve) => {
    worker.once('message', (m: unknown) =>
      resolve(typeof m === 'object' && m !== null && 'ok' in m && m.ok === true),
    );
    worker.once('error', () => resolve(false));
    worker.once('exit', () => resolve(false));
  });
}

/** As in integrity-check.ts: the bundled file next to the host, or the source through tsx. */
function spawnWorker(file: string): Worker {
  const workerData = { file, nativeBinding: nativeBindingOption().nativeBinding };
  const here = import.meta.url;
  if (!here.endsWith('.ts'))
    return new Worker(new URL('./checkpoint-worker.mjs', here), { workerData });
  const source = new URL('./checkpoint-worker.ts', here).href;
  const boot = `import('tsx/esm/api').then((tsx) => tsx.tsImport(${JSON.stringify(source)}, ${JSON.stringify(source)}))`;
  return new Worker(boot, { eval: true, workerData });
}
