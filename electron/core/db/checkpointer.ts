import { Worker } from 'node:worker_threads';
import { nativeBindingOption } from './native-binding';
import {
  CLOSED,
  CONTROL_STATE,
  READY,
  STOPPING,
  type CheckpointerInput,
} from './checkpointer-protocol';
import type { Db } from './open-database';

/**
 * SQLite's own: the connection that commits past this many log pages copies the log into the
 * file itself. The desk's connection does so again when its checkpointer has failed.
 */
export const SQLITE_AUTOCHECKPOINT_PAGES = 1000;
/** How often the checkpointer looks at the log. */
export const CHECKPOINT_EVERY_MS = 250;
/** How long closing the desk waits for the checkpointer's connection to close first. */
const STOP_WAIT_MS = 2000;

export interface BackgroundCheckpoints {
  /** Settles once the checkpointer's connection is open (false: it could not start). */
  readonly ready: Promise<boolean>;
  /**
   * Ends the checkpointer and waits (bounded) until its connection is closed, so that the desk's
   * connection, closed next, is the last one and removes the log. False: it did not close in
   * time (the log then stays until the next start, which recovers it whole).
   */
  stop(): boolean;
}

/**
 * Checkpoints of the desk's connection, moved off its thread. At its default, SQLite makes the
 * connection that commits past 1,000 log pages copy them into the file and sync it: on the thread
 * that answers every screen, every few check-ins at 1,000,000 visitors (318 syncs of the file in
 * one run of bench/housekeeping-stall.ts, up to 25 ms each). A checkpointer in a worker thread
 * does that copy instead. Should it fail, the connection checkpoints itself again.
 */
export function startCheckpointer(db: Db, everyMs = CHECKPOINT_EVERY_MS): BackgroundCheckpoints {
  const control = new Int32Array(new SharedArrayBuffer(4));
  const nativeBinding = nativeBindingOption().nativeBinding;
  const worker = spawnWorker({
    file: db.name,
    everyMs,
    control: control.buffer as SharedArrayBuffer,
    ...(nativeBinding ? { nativeBinding } : {}),
  });
  db.pragma('wal_autocheckpoint = 0');
  let stopping = false;
  const selfCheckpointing = () => {
    if (!stopping && db.open) db.pragma(`wal_autocheckpoint = ${SQLITE_AUTOCHECKPOINT_PAGES}`);
  };
  const ready = new Promise<boolean>((resolve) => {
    worker.once('message', () => resolve(Atomics.load(control, CONTROL_STATE) === READY));
    worker.once('error', () => resolve(false));
    worker.once('exit', () => resolve(false));
  });
  worker.once('error', selfCheckpointing);
  worker.once('exit', selfCheckpointing);
  // The thread ends with the checkpointer, not the other way round.
  worker.unref();
  return {
    ready,
    stop() {
      if (stopping) return Atomics.load(control, CONTROL_STATE) === CLOSED;
      stopping = true;
      const before = Atomics.exchange(control, CONTROL_STATE, STOPPING);
      Atomics.notify(control, CONTROL_STATE);
      if (before !== CLOSED) {
        const deadline = Date.now() + STOP_WAIT_MS;
        while (Atomics.load(control, CONTROL_STATE) !== CLOSED && Date.now() < deadline) {
          Atomics.wait(control, CONTROL_STATE, STOPPING, deadline - Date.now());
        }
      }
      void worker.terminate();
      return Atomics.load(control, CONTROL_STATE) === CLOSED;
    },
  };
}

/** As in checkpoint.ts: the bundled file next to the host, or the source through tsx. */
function spawnWorker(workerData: CheckpointerInput): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts'))
    return new Worker(new URL('./checkpointer-worker.mjs', here), { workerData });
  const source = new URL('./checkpointer-worker.ts', here).href;
  const boot = `import('tsx/esm/api').then((tsx) => tsx.tsImport(${JSON.stringify(source)}, ${JSON.stringify(source)}))`;
  return new Worker(boot, { eval: true, workerData });
}
