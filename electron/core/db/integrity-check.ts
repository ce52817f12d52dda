import { Worker } from 'node:worker_threads';
import { nativeBindingOption } from './native-binding';

/** What a failed background check is reported as: the storage guard turns read-only on it. */
export class BackgroundCheckFailed extends Error {
  readonly code = 'SQLITE_CORRUPT';
  constructor(readonly file: string) {
    super(`quick_check found damage in ${file}`);
  }
}

/**
 * Runs `quick_check` on the database file in a worker thread (its own read-only connection).
 * Resolves true when every page reads back well; false on damage or when the file cannot be
 * read. `stop` ends a check still running (at shutdown).
 */
export function checkInBackground(file: string): { result: Promise<boolean>; stop(): void } {
  const worker = spawnWorker(file);
  const result = new Promise<boolean>((resolve) => {
    let settled = false;
    const settle = (ok: boolean) => {
      if (settled) return;
      settled = true;
      resolve(ok);
    };
    worker.once('message', (m: unknown) =>
      settle(typeof m === 'object' && m !== null && 'ok' in m && m.ok === true),
    );
    worker.once('error', () => settle(false));
    // Stopped on purpose before it answered: nothing was found.
    worker.once('exit', () => settle(true));
  });
  return {
    result,
    stop: () => {
      void worker.terminate();
    },
  };
}

/** As in pdf-inspector.ts: the bundled file next to the host, or the source through tsx. */
function spawnWorker(file: string): Worker {
  const workerData = { file, nativeBinding: nativeBindingOption().nativeBinding };
  const here = import.meta.url;
  if (!here.endsWith('.ts'))
    return new Worker(new URL('./integrity-worker.mjs', here), { workerData });
  const source = new URL('./integrity-worker.ts', here).href;
  const boot = `import('tsx/esm/api').then((tsx) => tsx.tsImport(${JSON.stringify(source)}, ${JSON.stringify(source)}))`;
  return new Worker(boot, { eval: true, workerData });
}
