import type { Db } from '../db/open-database';

/**
 * After a purge: the connection runs with secure_delete (open-database.ts), so what was deleted
 * or overwritten is zeroed in the pages written; the checkpoint copies them into the database
 * file and truncates the WAL, where the pages as they were before still sat. Returns false when a
 * reader kept the WAL busy: the old pages stay until the next purge or checkpoint.
 */
export function wipeFreedPages(db: Db): boolean {
  const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
  return result?.busy === 0;
}
