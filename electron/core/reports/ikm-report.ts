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

/** The count alone: no element's mean, index or grade. */
function withheld(respondents: number): IkmResult {
  return computeIkm({ respondents, elements: emptyTotals() });
}

const FIGURES = SKM_ELEMENTS.flatMap((e) => [`${e}_sum`, `${e}_count`]).join(', ');

/**
 * A period's tallies: its whole months from the monthly tallies (migration 24), the days of a
 * month it only partly covers from the daily ones. Parameters: two ranges of days, one of months.
 * Grouped by `dayKey` on a day's row and `monthKey` on a month's (the same value).
 */
export function tallySql(dayKey: string, monthKey: string = dayKey): string {
  const days = (range: string) =>
    `SELECT ${dayKey} AS key, respondents, ${FIGURES} FROM survey_tally WHERE ${range}`;
  return `SELECT key, sum(respondents) AS respondents, ${SUMS} FROM (
      ${days('service_day BETWEEN ? AND ?')}
      UNION ALL ${days('service_day BETWEEN ? AND ?')}
      UNION ALL SELECT ${monthKey} AS key, respondents, ${FIGURES} FROM survey_tally_month
        WHERE service_month BETWEEN ? AND ?)
    GROUP BY 1 ORDER BY 1`;
}

type Ranges = [string, string, string, string, string, string];
const NONE = ['1', '0'] as const;

function nextDay(day: string, by: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + by * 86_400_000).toISOString().slice(0, 10);
}

/** [from, to] as: the days before its first whole month, the days after its last, the months. */
export function periodRanges(from: string, to: string): Ranges {
  // A whole month starts on or after `from` and ends on or before `to`.
  const firstStart = from.endsWith('-01')
    ? from
    : `${serviceMonthOf(nextDay(`${serviceMonthOf(from)}-28`, 4))}-01`;
  const after = nextDay(to, 1);
  const lastEnd = after.endsWith('-01') ? to : nextDay(`${serviceMonthOf(to)}-01`, -1);
  if (firstStart > lastEnd) return [from, to, ...NONE, ...NONE];
  return [
    ...(from < firstStart ? [from, nextDay(firstStart, -1)] : NONE),
    ...(lastEnd < to ? [nextDay(lastEnd, 1), to] : NONE),
    serviceMonthOf(firstStart),
    serviceMonthOf(lastEnd),
  ] as Ranges;
}

/** The IKM report for a period, read from the tallies (not from every answer). */
export class IkmReporter {
  private readonly q;

  constructor(db: Db) {
    const grouped = (dayKey: string, monthKey?: string) =>
      db.prepare<Ranges, TallyRow>(tallySql(dayKey, monthKey));
    this.q = {
      overall: grouped("''"),
      byOfficer: grouped('officer_id'),
      byCategory: grouped('category'),
      byMonth: grouped('substr(service_day, 1, 7)', 'service_month'),
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
    const ranges = periodRanges(from, to);
    const counted = toResult(this.q.overall.get(...ranges));
    // The whole period is a group too: a day with three answers would show them (issue 14.5).
    const overallWithheld = counted.respondents > 0 && !showableGroup(counted.respondents);
    const overall = overallWithheld ? withheld(counted.respondents) : counted;
    const names = new Map(this.q.staffNames.all().map((s) => [s.id, s.full_name]));
    const population = this.q.population.get(from, to)!.n;
    const weakestFirst = overall.elements
      .filter((e) => e.nrr !== null)
      .sort((a, b) => (a.nrr ?? 0) - (b.nrr ?? 0))
      .map((e) => e.element);
    const byOfficer = showable(
      this.q.byOfficer.all(...ranges).map((r) => ({
        officerId: Number(r.key),
        name: names.get(Number(r.key)) ?? '—',
        result: toResult(r),
      })),
    );
    const byCategory = showable(
      this.q.byCategory
        .all(...ranges)
        .map((r) => ({ category: String(r.key), result: toResult(r) })),
    );
    const byMonth = showable(
      this.q.byMonth.all(...ranges).map((r) => ({ month: String(r.key), result: toResult(r) })),
    );
    return {
      from,
      to,
      population,
      minimumSample: minimumSample(population),
      overall,
      overallWithheld,
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
