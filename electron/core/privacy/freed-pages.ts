import { checkpointInBackground } from '../db/checkpoint';
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

/**
 * The same for housekeeping while the desk is served, in a worker thread (seconds after a
 * retention run at 1,000,000 visitors, which held the serving thread: bench/housekeeping-stall.ts).
 * Kept busy by a reader, it returns false as wipeFreedPages does (the desk's own TRUNCATE then
 * held the thread 2 s for nothing); should the worker fail, the desk's own checkpoint runs.
 */
export async function wipeFreedPagesOffThread(db: Db): Promise<boolean> {
  if (db.memory) return wipeFreedPages(db);
  const outcome = await checkpointInBackground(db.name);
  return outcome === 'failed' ? wipeFreedPages(db) : outcome === 'truncated';
}
