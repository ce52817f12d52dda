import type { Db } from './open-database';

/**
 * The size a writing connection cuts the log file back to. SQLite writes its log from the start
 * again once all of it is copied into the database file and no reader is still in it; until then
 * the file only grows, and it never shrinks on its own. With this limit the connection that
 * starts the log again cuts the file back to it: the file system frees about 0.3 ms of work per
 * MiB (bench/README.md), done under the write lock that every check-in and read-log entry waits
 * for. Above what a housekeeping run writes between two restarts (about 6 MiB a quarter second at
 * 1,000,000 visitors), so that a steady desk rewrites its log in place and frees nothing.
 */
export const LOG_SIZE_LIMIT_BYTES = 16 * 2 ** 20;

export function limitLogSize(db: Db): void {
  db.pragma(`journal_size_limit = ${LOG_SIZE_LIMIT_BYTES}`);
}

/**
 * Lets the next write start the log from the beginning, if it is all copied and nobody reads in
 * it right now. Under a steady stream of reads (a search every few ms) SQLite rarely finds that
 * moment by itself, and the log grew to hundreds of MiB during a housekeeping run; cutting it
 * back to the limit after 114-131 MiB made searches wait 40-43 ms (bench/README.md).
 * Run just after a PASSIVE checkpoint, so that next to nothing is left to copy under the write
 * lock this takes; it waits for nobody: a writer or a reader in the log makes it give up (false).
 */
export function restartLogIfIdle(db: Db): boolean {
  const timeout = db.pragma('busy_timeout', { simple: true }) as number;
  db.pragma('busy_timeout = 0');
  try {
    const [result] = db.pragma('wal_checkpoint(RESTART)') as { busy: number }[];
    return result?.busy === 0;
  } finally {
    db.pragma(`busy_timeout = ${timeout}`);
  }
}
