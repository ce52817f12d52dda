import { Worker } from 'node:worker_threads';
import { nativeBindingOption } from './native-binding';

/**
 * Copies the write-ahead log into the database file and truncates it, in a worker thread on a
 * connection of its own (checkpoint-worker.ts). 'busy': a reader (the background integrity
 * check, say) still needs the log, so it was not truncated.
 */
export type CheckpointOutcome = 'truncated' | 'busy' | 'failed';

export function checkpointInBackground(file: string): Promise<CheckpointOutcome> {
  const worker = spawnWorker(file);
  return new Promise<CheckpointOutcome>((resolve) => {
    worker.once('message', (m: unknown) => {
      const outcome = typeof m === 'object' && m !== null && 'outcome' in m ? m.outcome : null;
      resolve(outcome === 'truncated' || outcome === 'busy' ? outcome : 'failed');
    });
    worker.once('error', () => resolve('failed'));
    worker.once('exit', () => resolve('failed'));
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
