import { computeIkm, emptyTotals, minimumSample, type IkmResult } from '../../../shared/domain/ikm';
import type { IkmReport } from '../../../shared/domain/ikm-report';
import { SKM_ELEMENTS } from '../../../shared/domain/skm';
import { serviceMonthOf, showableGroup } from '../../../shared/domain/survey-privacy';
import type { Db } from '../db/open-database';

type TallyRow = { key: string | number; respondents: number } & Record<string, number>;

const SUMS = SKM_ELEMENTS.flatMap((e) => [
  `sum(${e}_sum) AS ${e}_sum`,
  `sum(${e}_count) AS ${e}_count`,
]).join(', ');
const MAX_COMMENTS = 500;

/**
 * Parameters: first and last month, the limit. Answers keep only their month (migration 21), so
 * the comments are those of the months the period touches; read from the partial index alone.
 */
export const COMMENTS_SQL = `SELECT comment FROM survey_response
  WHERE service_month BETWEEN ? AND ? AND comment IS NOT NULL
  ORDER BY service_month DESC LIMIT ?`;

/** Groups under the minimum are left out (counted), so that no one answer can be picked out. */
function showable<T extends { result: IkmResult }>(groups: T[]): { shown: T[]; hidden: number } {
  const shown = groups.filter((g) => showableGroup(g.result.respondents));
  return { shown, hidden: groups.length - shown.length };
}

function toResult(row: TallyRow | undefined): IkmResult {
  const elements = emptyTotals();
  if (row)
    for (const e of SKM_ELEMENTS)
      elements[e] = { sum: row[`${e}_sum`] ?? 0, count: row[`${e}_count`] ?? 0 };
  return computeIkm({ respondents: row?.respondents ?? 0, elements });
}

/** The IKM report for a period, read from the daily tallies (not from every answer). */
export class IkmReporter {
  private readonly q;

  constructor(db: Db) {
    const grouped = (key: string) =>
      db.prepare<[string, string], TallyRow>(
        `SELECT ${key} AS key, sum(respondents) AS respondents, ${SUMS}
           FROM survey_tally WHERE service_day BETWEEN ? AND ? GROUP BY 1 ORDER BY 1`,
      );
    this.q = {
      overall: grouped("''"),
      byOfficer: grouped('officer_id'),
      byCategory: grouped('category'),
      byMonth: grouped('substr(service_day, 1, 7)'),
      staffNames: db.prepare<[], { id: number; full_name: string }>(
        'SELECT id, full_name FROM staff',
      ),
      // The IKM's population is the visitors who were served (shared/domain/skm.md §1.6): a
      // no-show or a visitor who left before being called was never asked to take the survey.
      population: db.prepare<[string, string], { n: number }>(
        // Served visits only (no-shows out); a check-in cancelled as a mistake was never a visit.
        `SELECT count(*) AS n FROM visit WHERE service_day BETWEEN ? AND ? AND cancelled_at IS NULL
            AND ((status = 'done' AND left_unserved = 0) OR status = 'in_consultation')`,
      ),
      comments: db.prepare<[string, string, number], { comment: string }>(COMMENTS_SQL),
    };
  }

  report(from: string, to: string): IkmReport {
    const overall = toResult(this.q.overall.get(from, to));
    const names = new Map(this.q.staffNames.all().map((s) => [s.id, s.full_name]));
    const population = this.q.population.get(from, to)!.n;
    const weakestFirst = overall.elements
      .filter((e) => e.nrr !== null)
      .sort((a, b) => (a.nrr ?? 0) - (b.nrr ?? 0))
      .map((e) => e.element);
    const byOfficer = showable(
      this.q.byOfficer.all(from, to).map((r) => ({
        officerId: Number(r.key),
        name: names.get(Number(r.key)) ?? '—',
        result: toResult(r),
      })),
    );
    const byCategory = showable(
      this.q.byCategory
        .all(from, to)
        .map((r) => ({ category: String(r.key), result: toResult(r) })),
    );
    const byMonth = showable(
      this.q.byMonth.all(from, to).map((r) => ({ month: String(r.key), result: toResult(r) })),
    );
    return {
      from,
      to,
      population,
      minimumSample: minimumSample(population),
      overall,
      weakestFirst,
      byOfficer: byOfficer.shown,
      byCategory: byCategory.shown,
      byMonth: byMonth.shown,
      hiddenGroups: {
        byOfficer: byOfficer.hidden,
        byCategory: byCategory.hidden,
        byMonth: byMonth.hidden,
      },
      comments: this.q.comments
        .all(serviceMonthOf(from), serviceMonthOf(to), MAX_COMMENTS)
        .map((r) => r.comment),
    };
  }
}
