import { performance } from 'node:perf_hooks';
import {
  stepBatches,
  WORK_BATCH_MS,
  yieldToRequests,
  type DeferredWork,
} from '../db/deferred-work';
import { FILL_FIRST_CASE_SQL, FILL_VISIT_FACT_SQL } from '../db/migration-22-visit-facts';
import type { Db } from '../db/open-database';

const VISITS_PER_READ = 200;

/**
 * Fills `visit_fact` for the visits written before migration 22, newest first, a batch at a
 * time, resumable from `deferred_build`. Visits written since have their rows from the triggers;
 * a change to a visit not yet filled is read as it is now when its turn comes.
 */
export class VisitFactFill implements DeferredWork {
  private readonly q;

  constructor(
    private readonly db: Db,
    private readonly clock: () => number = () => performance.now(),
    private readonly visitsPerRead = VISITS_PER_READ,
  ) {
    const hasTable = db.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'visit_fact'").get();
    this.q = hasTable
      ? {
          state: db.prepare<[], { cursor: number; done_at: string | null }>(
            "SELECT cursor, done_at FROM deferred_build WHERE name = 'visit_fact'",
          ),
          save: db.prepare<[number]>(
            "UPDATE deferred_build SET cursor = ? WHERE name = 'visit_fact'",
          ),
          finish: db.prepare(
            `UPDATE deferred_build SET phase = 'done', done_at = strftime('%Y-%m-%dT%H:%M:%fZ')
              WHERE name = 'visit_fact'`,
          ),
          visits: db.prepare<[number, number], { id: number }>(
            'SELECT id FROM visit WHERE id < ? ORDER BY id DESC LIMIT ?',
          ),
          fact: db.prepare<{ visitId: number }>(FILL_VISIT_FACT_SQL),
          firstCase: db.prepare<{ visitId: number }>(FILL_FIRST_CASE_SQL),
        }
      : null;
  }

  done(): boolean {
    const s = this.q?.state.get();
    return s === undefined || s.done_at !== null;
  }

  step(budgetMs: number): boolean {
    if (!this.q) return true;
    return stepBatches(
      this.db,
      budgetMs,
      this.clock,
      () => this.done(),
      () => this.batch(),
    );
  }

  /** Until done, a batch at a time between requests: for a report that needs every visit. */
  async ready(): Promise<void> {
    while (!this.step(WORK_BATCH_MS)) await yieldToRequests();
  }

  private batch(): void {
    const q = this.q!;
    const start = this.clock();
    let cursor = q.state.get()!.cursor;
    const rows = q.visits.all(cursor, this.visitsPerRead);
    for (const { id } of rows) {
      q.fact.run({ visitId: id });
      q.firstCase.run({ visitId: id });
      cursor = id;
      if (this.clock() - start >= WORK_BATCH_MS) return void q.save.run(cursor);
    }
    if (rows.length < this.visitsPerRead) q.finish.run();
    else q.save.run(cursor);
  }
}
