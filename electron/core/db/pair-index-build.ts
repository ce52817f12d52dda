import type { Db } from './open-database';

/** Visitors read at a time, highest id first. */
const VISITORS_PER_READ = 200;

/**
 * Fills the pair index of migration 23 after start-up, in transactions of a few milliseconds,
 * resumable from its `deferred_build` row: visitors from the highest id down, the cursor being
 * the lowest id done. The triggers keep the visitors at or above the cursor up to date, so a
 * visitor written or changed meanwhile is neither missed nor indexed twice.
 */
export class PairIndexBuilder {
  private readonly q;

  constructor(
    private readonly db: Db,
    private readonly clock: () => number,
    private readonly batchMs: number,
    private readonly perRead = VISITORS_PER_READ,
  ) {
    // Opened by an older schema's migrations (tests, benchmarks): nothing to build.
    const hasTable = db
      .prepare("SELECT 1 FROM sqlite_schema WHERE name = 'visitor_pair_search'")
      .get();
    this.q = hasTable
      ? {
          cursor: db
            .prepare<[], number>(
              `SELECT cursor FROM deferred_build
                WHERE name = 'visitor_pair_search' AND done_at IS NULL`,
            )
            .pluck(),
          save: db.prepare<[number]>(
            "UPDATE deferred_build SET cursor = ? WHERE name = 'visitor_pair_search'",
          ),
          finish: db.prepare(
            `UPDATE deferred_build SET done_at = strftime('%Y-%m-%dT%H:%M:%fZ')
              WHERE name = 'visitor_pair_search'`,
          ),
          visitors: db.prepare<
            [number, number],
            { id: number; full_name: string; email: string | null; institution: string | null }
          >(
            `SELECT id, full_name, email, institution FROM visitor
              WHERE id < ? AND anonymised_at IS NULL ORDER BY id DESC LIMIT ?`,
          ),
          index: db.prepare<[number, string, string | null, string | null]>(
            `INSERT INTO visitor_pair_search (rowid, pairs)
               VALUES (?, loket_pair_terms(?, ?, ?))`,
          ),
        }
      : null;
  }

  /** Whether nothing is left to build (also when there is no pair index at all). */
  done(): boolean {
    return this.q?.cursor.get() === undefined;
  }

  /** Whether the search may read the pair index: it exists and holds every visitor. */
  ready(): boolean {
    return this.q !== null && this.done();
  }

  /** One batch in its own transaction: at most `batchMs` of visitors, or the end. */
  batch(): void {
    const q = this.q;
    if (!q) return;
    this.db
      .transaction(() => {
        let cursor = q.cursor.get();
        if (cursor === undefined) return;
        const start = this.clock();
        for (;;) {
          const rows = q.visitors.all(cursor, this.perRead);
          if (rows.length === 0) return void q.finish.run();
          for (const r of rows) {
            q.index.run(r.id, r.full_name, r.email, r.institution);
            cursor = r.id;
            if (this.clock() - start >= this.batchMs) return void q.save.run(cursor);
          }
          q.save.run(cursor);
        }
      })
      .immediate();
  }
}
