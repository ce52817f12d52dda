import { closeSync, fdatasync, openSync } from 'node:fs';
import type { Db } from './open-database';

/**
 * A durable commit whose sync does not hold the thread that serves every screen. A check-in's
 * commit at `synchronous = FULL` synced the log inside the call, on that thread: 14-19 ms on a
 * busy disk and 51 ms once with nothing else running, every search behind it waiting
 * (bench/housekeeping-stall.ts). A call that writes now commits without the sync (`unsynced`)
 * and awaits `synced()` before it answers: libuv's thread pool syncs the log file meanwhile, once
 * for every commit made before it started. Whoever is told a write succeeded is told so only once
 * it is on disk, as before.
 */
export class LogSync {
  private running: Promise<void> | null = null;
  private queued: Promise<void> | null = null;

  constructor(
    private readonly syncOnce: () => Promise<void>,
    /** Lets go of the log file (at close). */
    readonly close: () => void = () => {},
  ) {}

  /** Resolves once everything committed before this call is on disk. */
  synced(): Promise<void> {
    // A sync under way may have begun before the caller's commit: the caller waits for the next
    // one, which every caller until it starts shares.
    this.queued ??= (this.running ?? Promise.resolve())
      .catch(() => undefined)
      .then(() => {
        const run = this.syncOnce();
        this.running = run;
        this.queued = null;
        return run.finally(() => {
          if (this.running === run) this.running = null;
        });
      });
    return this.queued;
  }
}

/** The desk's log file, synced through the thread pool; null when it cannot be opened. */
export function logSyncOf(db: Db): LogSync | null {
  let fd: number;
  try {
    // Read-write: Windows flushes a file only through a handle that may write it.
    fd = openSync(`${db.name}-wal`, 'r+');
  } catch {
    return null;
  }
  return new LogSync(
    () =>
      new Promise<void>((resolve, reject) =>
        fdatasync(fd, (err) => (err ? reject(err) : resolve())),
      ),
    () => closeSync(fd),
  );
}

/** How the dispatcher makes a call's writes durable (dispatcher.ts). */
export interface WriteDurability {
  /** Runs the synchronous part of a call that writes, its commits not synced. */
  unsynced<T>(write: () => T): T;
  /** Resolves once the call's commits are on disk. */
  synced(): Promise<void>;
}

/** Runs `write` with its commits not synced; the caller then awaits `LogSync.synced()`. */
export function unsynced<T>(db: Db, write: () => T): T {
  const synchronous = db.pragma('synchronous', { simple: true }) as number;
  db.pragma('synchronous = NORMAL');
  try {
    return write();
  } finally {
    db.pragma(`synchronous = ${synchronous}`);
  }
}
