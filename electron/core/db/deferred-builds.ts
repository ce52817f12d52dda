import type { Db } from './open-database';
import { unsynced } from './log-sync';
import { PairIndexBuilder } from './pair-index-build';

/** How long one batch may hold the thread that serves requests. */
export const BUILD_BATCH_MS = 8;
/** What opening a database spends on a pending build: a small desk's is done before "ready". */
export const OPEN_BUILD_BUDGET_MS = 40;
export interface BuildSizes {
  /** Visits read at a time, newest first. */
  visitsPerRead: number;
  /** Visitor ids looked at a time in the last phase. */
  visitorIdRange: number;
}
const SIZES: BuildSizes = { visitsPerRead: 200, visitorIdRange: 2_000 };
/** Rows of the old index's segment table deleted at a time (each a few pages). */
const SEGMENTS_PER_DELETE = 20;

interface BuildRow {
  phase: 'visits' | 'visitors' | 'dropping';
  cursor: number;
  next_seq: number;
  done_at: string | null;
}

/**
 * Fills the recency table and the visitor search index after an upgrade (migrations 13, 21),
 * in transactions of a few milliseconds, resumable after a restart from `deferred_build`.
 *
 * Visits are walked newest first: the first visit met of a visitor is their latest, so each
 * gets the next lower sequence number and the index, walked backwards, still meets the most
 * recent visitors first. Visitors never seen at a visit come last, newest first. Visitors
 * written or seen meanwhile get their rows from the triggers with numbers above all of these.
 * Until the build is done the search reads the old index (`visitor_search_v12`). Then the
 * pair index of migration 23 (pair-index-build.ts), which the search does without meanwhile.
 */
export class SearchIndexBuilder {
  private readonly q;
  /** Migration 23's pair index, built once this one is (the search does without it meanwhile). */
  private readonly pairs: PairIndexBuilder;
  private stopped = false;
  private running: Promise<void> | null = null;

  constructor(
    private readonly db: Db,
    private readonly clock: () => number = () => performance.now(),
    private readonly sizes: BuildSizes = SIZES,
  ) {
    this.pairs = new PairIndexBuilder(db, clock, BUILD_BATCH_MS);
    const hasTable = db.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'deferred_build'").get();
    this.q = hasTable
      ? {
          state: db.prepare<[], BuildRow>(
            "SELECT phase, cursor, next_seq, done_at FROM deferred_build WHERE name = 'visitor_search'",
          ),
          save: db.prepare<[string, number, number]>(
            "UPDATE deferred_build SET phase = ?, cursor = ?, next_seq = ? WHERE name = 'visitor_search'",
          ),
          visits: db.prepare<[number, number], { id: number; visitor_id: number }>(
            'SELECT id, visitor_id FROM visit WHERE id < ? ORDER BY id DESC LIMIT ?',
          ),
          visitors: db.prepare<[number, number], { id: number }>(
            'SELECT id FROM visitor WHERE id < ? AND id >= ? ORDER BY id DESC',
          ),
          lowestVisitor: db.prepare<[], { id: number | null }>('SELECT min(id) AS id FROM visitor'),
          highestVisitor: db.prepare<[], { id: number | null }>(
            'SELECT max(id) AS id FROM visitor',
          ),
          recency: db.prepare<[number, number]>(
            `INSERT INTO visitor_recency (visitor_id, last_day, seq)
               SELECT v.id, coalesce((SELECT max(x.service_day) FROM visit x WHERE x.visitor_id = v.id),
                                     substr(v.created_at, 1, 10)), ?
                 FROM visitor v
                WHERE v.id = ? AND v.anonymised_at IS NULL
                  AND NOT EXISTS (SELECT 1 FROM visitor_recency r WHERE r.visitor_id = v.id)`,
          ),
          index: db.prepare<[number, number]>(
            `INSERT INTO visitor_search (rowid, name, email, phone, institution)
               SELECT ?, loket_name_terms(full_name), loket_email_terms(email),
                      loket_phone_terms(phone), loket_words(institution)
                 FROM visitor WHERE id = ?`,
          ),
        }
      : null;
  }

  /** Whether the search must still read the old index. */
  pending(): boolean {
    const s = this.q?.state.get();
    return s !== undefined && s.done_at === null && s.phase !== 'dropping';
  }

  /** Whether nothing is left to do, the old index's pages freed and the pair index built. */
  done(): boolean {
    return this.mainDone() && this.pairs.done();
  }

  /** Whether the search may read the pair index (reception/visitors.ts). */
  pairsReady(): boolean {
    return this.pairs.ready();
  }

  private mainDone(): boolean {
    const s = this.q?.state.get();
    return s === undefined || s.done_at !== null;
  }

  /**
   * Batches until `budgetMs` has passed or everything is done (the new index built, then the
   * old one emptied and dropped). Returns whether everything is done.
   */
  step(budgetMs: number): boolean {
    const q = this.q;
    if (!q) return true;
    const start = this.clock();
    for (;;) {
      const s = q.state.get();
      const main = s !== undefined && s.done_at === null;
      if (!main && this.pairs.done()) return true;
      // Not flushed to disk at each batch's commit (the next durable commit flushes it): a
      // batch lost to a power cut is rolled back with its cursor, and done again.
      unsynced(this.db, () => {
        if (main) this.db.transaction(() => this.batch(s)).immediate();
        else this.pairs.batch();
      });
      if (this.clock() - start >= budgetMs) return this.done();
    }
  }

  /** Batch after batch, yielding to requests between them, until done or stopped. */
  runInBackground(): Promise<void> {
    this.running ??= (async () => {
      while (!this.stopped && !this.step(BUILD_BATCH_MS)) await yieldToRequests();
    })().finally(() => (this.running = null));
    return this.running;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.running;
  }

  private batch(s: BuildRow): void {
    const q = this.q!;
    const start = this.clock();
    let { phase, cursor, next_seq: seq } = s;
    const add = (visitorId: number) => {
      if (q.recency.run(seq, visitorId).changes === 1) {
        q.index.run(seq, visitorId);
        seq--;
      }
    };
    // The clock is read after every visitor: one visitor's rows cost well under a millisecond,
    // a whole read of them (hundreds) could hold the thread for 100 ms on a loaded PC.
    const timeUp = () => this.clock() - start >= BUILD_BATCH_MS;
    for (;;) {
      if (phase === 'visits') {
        const rows = q.visits.all(cursor, this.sizes.visitsPerRead);
        for (const r of rows) {
          add(r.visitor_id);
          cursor = r.id;
          if (timeUp()) return void q.save.run(phase, cursor, seq);
        }
        if (rows.length < this.sizes.visitsPerRead) {
          phase = 'visitors';
          cursor = (q.highestVisitor.get()?.id ?? 0) + 1;
        }
      } else if (phase === 'visitors') {
        const lowest = q.lowestVisitor.get()?.id ?? cursor;
        if (cursor <= lowest) {
          // Built: the search reads the new index from now on; the old one stops being kept.
          this.db.exec(`
            DROP TRIGGER IF EXISTS visitor_search_v12_insert;
            DROP TRIGGER IF EXISTS visitor_search_v12_update;
            DROP TRIGGER IF EXISTS visitor_search_v12_delete;
          `);
          phase = 'dropping';
        } else {
          const from = Math.max(lowest, cursor - this.sizes.visitorIdRange);
          for (const r of q.visitors.all(cursor, from)) {
            add(r.id);
            cursor = r.id;
            if (timeUp()) return void q.save.run(phase, cursor, seq);
          }
          cursor = from;
        }
      } else if (this.dropSome()) return;
      if (timeUp()) return void q.save.run(phase, cursor, seq);
    }
  }

  /**
   * Frees the old index's segments a few at a time (one DROP of a 400 MB index would hold the
   * thread for as long as reading it), then drops what is left. True once all is done.
   */
  private dropSome(): boolean {
    const exists = this.db
      .prepare("SELECT 1 FROM sqlite_schema WHERE name = 'visitor_search_v12_data'")
      .get();
    if (exists) {
      // FTS5's own tables are write-protected (defensive mode) except for this statement: the
      // index is no longer read or kept, and is dropped once empty.
      this.db.unsafeMode(true);
      let deleted: number;
      try {
        deleted = this.db
          .prepare(
            `DELETE FROM visitor_search_v12_data WHERE rowid IN
               (SELECT rowid FROM visitor_search_v12_data LIMIT ${SEGMENTS_PER_DELETE})`,
          )
          .run().changes;
      } finally {
        this.db.unsafeMode(false);
      }
      if (deleted === SEGMENTS_PER_DELETE) return false;
    }
    this.db.exec('DROP TABLE IF EXISTS visitor_search_v12');
    this.db
      .prepare(
        `UPDATE deferred_build SET phase = 'dropping', done_at = strftime('%Y-%m-%dT%H:%M:%fZ')
          WHERE name = 'visitor_search'`,
      )
      .run();
    return true;
  }
}

/** After the I/O callbacks already waiting: requests that arrived during the batch go first. */
function yieldToRequests(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
