import { unsynced } from './log-sync';
import type { Db } from './open-database';

/** How long one batch may hold the thread that serves requests. */
export const WORK_BATCH_MS = 8;

/** A piece of after-start-up work, done in short resumable batches (deferred_build rows). */
export interface DeferredWork {
  /** Whether nothing is left to do. */
  done(): boolean;
  /** Batches until `budgetMs` has passed or all is done; returns whether all is done. */
  step(budgetMs: number): boolean;
}

/**
 * Runs one transaction of deferred work without an fsync at its commit: the next durable
 * commit flushes it, and a batch lost to a power cut is rolled back with its cursor, and done
 * again.
 */
export function undurably(db: Db, batch: () => void): void {
  unsynced(db, () => db.transaction(batch).immediate());
}

/**
 * Batches, each in its own transaction (`undurably`), until `budgetMs` has passed or the work is
 * done; returns whether it is done.
 */
export function stepBatches(
  db: Db,
  budgetMs: number,
  clock: () => number,
  done: () => boolean,
  batch: () => void,
): boolean {
  const start = clock();
  while (!done()) {
    undurably(db, batch);
    if (clock() - start >= budgetMs) break;
  }
  return done();
}

/** The deferred works one after another, a batch at a time, yielding to requests between. */
export class DeferredWorkRunner {
  private stopped = false;
  private running: Promise<void> | null = null;

  constructor(private readonly works: readonly DeferredWork[]) {}

  done(): boolean {
    return this.works.every((w) => w.done());
  }

  /** At open: a small desk's work ends here, within `budgetMs` in all. */
  step(budgetMs: number, clock: () => number = () => performance.now()): boolean {
    const start = clock();
    for (const work of this.works) {
      const left = budgetMs - (clock() - start);
      if (left <= 0) break;
      work.step(left);
    }
    return this.done();
  }

  runInBackground(): Promise<void> {
    this.running ??= (async () => {
      for (const work of this.works)
        while (!this.stopped && !work.step(WORK_BATCH_MS)) await yieldToRequests();
    })().finally(() => (this.running = null));
    return this.running;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.running;
  }
}

/** After the I/O callbacks already waiting: requests that arrived during the batch go first. */
export function yieldToRequests(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
