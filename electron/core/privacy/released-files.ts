import { rmSync } from 'node:fs';
import type { Db } from '../db/open-database';

/**
 * How long a file an officer removed from a case stays on disk: longer than a backup run, so
 * that a backup copying the database and then the documents finds every file it names.
 */
export const REMOVED_FILE_GRACE_MS = 24 * 60 * 60 * 1000;
/** Files looked at per batch of the housekeeping sweep. */
export const RELEASED_FILE_BATCH = 50;

/** Parameters: the released-before time, the batch size. From the index of release times. */
export const RELEASED_DUE_SQL = `SELECT sha256 FROM released_file
  WHERE released_at <= ? ORDER BY released_at LIMIT ?`;

/**
 * Removes from disk the documents no case refers to any more (released_file, written by the
 * attachment table's delete trigger, migration 15). The row goes only after the file, so a crash
 * in between leaves the row for the next sweep.
 */
export class ReleasedFiles {
  private readonly q;

  constructor(
    db: Db,
    private readonly pathOf: (sha256: string) => string,
    private readonly now: () => Date,
    private readonly graceMs = REMOVED_FILE_GRACE_MS,
  ) {
    this.q = {
      stamp: db.prepare<[string]>(
        'UPDATE released_file SET released_at = ? WHERE released_at IS NULL',
      ),
      due: db.prepare<[string, number], { sha256: string }>(RELEASED_DUE_SQL),
      inUse: db.prepare<[string], { one: number }>(
        'SELECT 1 AS one FROM attachment WHERE sha256 = ? LIMIT 1',
      ),
      forget: db.prepare<[string]>('DELETE FROM released_file WHERE sha256 = ?'),
    };
  }

  /** After a purge or an erasure has committed: their files go now, unless another case has them. */
  removeNow(files: readonly string[]): number {
    let removed = 0;
    for (const sha256 of files) if (this.release(sha256)) removed++;
    return removed;
  }

  /**
   * One batch of the sweep: a release seen for the first time gets its time; those older than
   * the grace are removed. Returns how many releases it settled.
   */
  sweepBatch(limit: number): number {
    const now = this.now();
    this.q.stamp.run(now.toISOString());
    const due = this.q.due.all(new Date(now.getTime() - this.graceMs).toISOString(), limit);
    for (const { sha256 } of due) this.release(sha256);
    return due.length;
  }

  private release(sha256: string): boolean {
    const inUse = this.q.inUse.get(sha256) !== undefined;
    if (!inUse) rmSync(this.pathOf(sha256), { force: true });
    this.q.forget.run(sha256);
    return !inUse;
  }
}
