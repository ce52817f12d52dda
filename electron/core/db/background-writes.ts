import { setTimeout as sleep } from 'node:timers/promises';

/**
 * One word shared by the serving thread and the thread that writes in the background (the
 * housekeeping worker): 1 while that thread holds the write lock or is about to take it.
 *
 * Why: a write of the desk (a check-in, a search's read-log entry) that meets the worker's lock
 * waits in SQLite's busy handler, which sleeps on the serving thread in steps of 1, 2, 5, 10,
 * 15 ms. A batch holding the lock for 9 ms thus made a search wait 18 ms, and one of 13 ms 33 ms,
 * with every request behind it waiting too (bench/housekeeping-stall.ts). Looking at this word
 * first, the desk waits on a 1 ms timer instead, serving other requests meanwhile, and goes on as
 * soon as the batch has committed.
 */
export class BackgroundWrites {
  readonly buffer = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
  private readonly word = new Int32Array(this.buffer);

  writing(): boolean {
    return Atomics.load(this.word, 0) === WRITING;
  }

  /** When the writing thread has ended without clearing its word (it crashed or was stopped). */
  clear(): void {
    Atomics.store(this.word, 0, IDLE);
  }

  /**
   * Resolves once no background write is under way, or after `giveUpMs` (the write then meets
   * the lock in SQLite's busy handler, as without this word).
   */
  async settled({ pollMs = 1, giveUpMs = GIVE_UP_MS } = {}): Promise<void> {
    const start = performance.now();
    while (this.writing() && performance.now() - start < giveUpMs) await sleep(pollMs);
  }
}

/** Longer than the longest batch measured (about 30 ms): a stuck word costs a call no more. */
export const GIVE_UP_MS = 200;
const IDLE = 0;
const WRITING = 1;

/** The writing thread's side: the word set for the time `write` runs, whatever its outcome. */
export function announcingWrite<T>(buffer: SharedArrayBuffer, write: () => T): T {
  const word = new Int32Array(buffer);
  Atomics.store(word, 0, WRITING);
  try {
    return write();
  } finally {
    Atomics.store(word, 0, IDLE);
  }
}
