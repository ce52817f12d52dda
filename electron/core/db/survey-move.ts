import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { SKM_ELEMENTS } from '../../../shared/domain/skm';
import { stepBatches, WORK_BATCH_MS, type DeferredWork } from './deferred-work';
import type { Db } from './open-database';

const ROWS_PER_READ = 200;
const PROFILE = ['gender', 'age_group', 'education', 'occupation', 'comment'] as const;
const COLUMNS = ['category', ...SKM_ELEMENTS, ...PROFILE].join(', ');

type OldAnswer = { id: number; month: string } & Record<string, string | number | null>;

/** 48 random bits, as the survey gives a new answer (survey-service.ts). */
const randomAnswerId = () => randomBytes(6).readUIntBE(0, 6) + 1;

/**
 * Moves the answers migration 21 left in `survey_response_v20` (with their day and officer)
 * into `survey_response` (their month only), a few hundred at a time, deleting each moved row:
 * the day and officer leave the file as the move goes. An id that a new answer took meanwhile
 * is replaced by another random one; ids mean nothing but a place in the table.
 */
export class SurveyAnswerMove implements DeferredWork {
  private readonly q;

  constructor(
    private readonly db: Db,
    private readonly clock: () => number = () => performance.now(),
    private readonly rowsPerRead = ROWS_PER_READ,
    private readonly newId: () => number = randomAnswerId,
  ) {
    const pending = db
      .prepare(
        `SELECT 1 FROM sqlite_schema WHERE name = 'deferred_build'
           AND EXISTS (SELECT 1 FROM sqlite_schema WHERE name = 'survey_response_v20')`,
      )
      .get();
    this.q = pending
      ? {
          state: db.prepare<[], { done_at: string | null }>(
            "SELECT done_at FROM deferred_build WHERE name = 'survey_response'",
          ),
          read: db.prepare<[number], OldAnswer>(
            `SELECT id, substr(service_day, 1, 7) AS month, ${COLUMNS}
               FROM survey_response_v20 ORDER BY id LIMIT ?`,
          ),
          insert: db.prepare(
            `INSERT OR IGNORE INTO survey_response (id, service_month, ${COLUMNS})
             VALUES (@id, @month, ${COLUMNS.split(', ')
               .map((c) => `@${c}`)
               .join(', ')})`,
          ),
          removeUpTo: db.prepare<[number]>('DELETE FROM survey_response_v20 WHERE id <= ?'),
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

  private batch(): void {
    const q = this.q!;
    const start = this.clock();
    const rows = q.read.all(this.rowsPerRead);
    let last: number | null = null;
    for (const row of rows) {
      let answer = row;
      while (q.insert.run(answer).changes === 0) answer = { ...row, id: this.newId() };
      last = row.id;
      if (this.clock() - start >= WORK_BATCH_MS) break;
    }
    if (last !== null) q.removeUpTo.run(last);
    if (rows.length < this.rowsPerRead && last === (rows.at(-1)?.id ?? null)) {
      this.db.exec('DROP TABLE survey_response_v20');
      this.db
        .prepare(
          `UPDATE deferred_build SET phase = 'done', done_at = strftime('%Y-%m-%dT%H:%M:%fZ')
            WHERE name = 'survey_response'`,
        )
        .run();
    }
  }
}
