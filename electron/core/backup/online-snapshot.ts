/**
 * The online snapshot, taken in the snapshot worker on a connection of its own. Its read
 * transaction is held from the first page to the last: in WAL mode a reader blocks no writer,
 * and SQLite's backup does not restart when the host's connection commits meanwhile (the pages
 * it copies are all of that one moment). Between steps the copy is flushed to the disk in pieces
 * and paused briefly, so a check-in's own fsync never queues behind the whole file at the end.
 */
import { closeSync, fdatasyncSync, openSync } from 'node:fs';
import Database from 'better-sqlite3';

export interface OnlineSnapshotOptions {
  /** Pages copied per step (4 KiB each). */
  pagesPerStep: number;
  /** Rest after each step's flush, letting the host's commits reach the disk first. */
  pauseMs: number;
  nativeBinding?: string;
}

const pause = new Int32Array(new SharedArrayBuffer(4));

function rest(ms: number): void {
  // A worker may sleep: this thread answers no one while it copies.
  if (ms > 0) Atomics.wait(pause, 0, 0, ms);
}

export async function takeOnlineSnapshot(
  source: string,
  dest: string,
  options: OnlineSnapshotOptions,
): Promise<void> {
  // Created 0600 before SQLite opens it, whatever the umask: it holds everything the live file does.
  closeSync(openSync(dest, 'wx', 0o600));
  const db = new Database(source, {
    readonly: true,
    fileMustExist: true,
    timeout: 5000,
    ...(options.nativeBinding !== undefined && { nativeBinding: options.nativeBinding }),
  });
  const fd = openSync(dest, 'r+');
  try {
    db.exec('BEGIN');
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    await db.backup(dest, {
      progress: () => {
        fdatasyncSync(fd);
        rest(options.pauseMs);
        return options.pagesPerStep;
      },
    });
    db.exec('COMMIT');
    fdatasyncSync(fd);
  } finally {
    closeSync(fd);
    db.close();
  }
}
