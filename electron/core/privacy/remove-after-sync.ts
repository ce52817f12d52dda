import { closeSync, fsyncSync, openSync } from 'node:fs';
import type { ReleasedFiles } from './released-files';

type FileRemoval = Pick<ReleasedFiles, 'removeNow' | 'sweepBatch'>;

/**
 * The housekeeping worker's file removal. Its commits do not sync inside the write lock (a
 * check-in may be waiting for it): a purge's documents leave the disk only once `syncLog` has
 * made the purge that released them durable, outside the lock, so a power cut can never bring
 * back a case that names a file already gone. The sweep of files released a day ago removes what
 * long-durable commits released, and needs no sync of its own.
 */
export function removingAfterSync(files: FileRemoval, syncLog: () => void): FileRemoval {
  return {
    removeNow: (released) => {
      if (released.length === 0) return 0;
      syncLog();
      return files.removeNow(released);
    },
    sweepBatch: (limit) => files.sweepBatch(limit),
  };
}

/**
 * fsync of a WAL-mode database's log: every transaction committed into it so far is on disk.
 * (If a checkpoint has meanwhile copied them into the database file, it synced that file first.)
 */
export function syncLogOf(databaseFile: string): () => void {
  return () => {
    // r+: Windows flushes a file only through a handle that may write it.
    const fd = openSync(`${databaseFile}-wal`, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  };
}
