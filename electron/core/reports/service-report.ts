import type { Statement } from 'better-sqlite3';
import { VisitFactFill } from './visit-fact-fill';
import type { ReportSpan } from '../../../shared/domain/report-period';
import type {
  ReportCut,
  ReportRequest,
  ServiceFigures,
  ServiceReport,
} from '../../../shared/domain/reports';
import type { Db } from '../db/open-database';
import { percent, sortedDurationStats } from './duration-stats';

/** One visit as the service report counts it. */
export interface VisitFacts {
  id: number;
  service_day: string;
  queue_no: number;
  status: string;
  left_unserved: number;
  checked_in_at: string;
  officer_id: number | null;
  officer: string | null;
  visitor_type: string | null;
  lpse: string | null;
  first_called_at: string | null;
  started_at: string | null;
  ended_at: string | null;
  category: string | null;
  application: string | null;
  case_status: string | null;
  escalated_at: string | null;
  priority: number | null;
}

const minutes = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 60_000;

/**
 * The visits of a span of service days (a visit belongs to the day it checked in, even when it
 * is served after midnight WIB), each with its first call, first start and last end from the
 * event log, and the first case written for it. Reads the visits by the (service_day, queue_no)
 * key and each visit's events and case by their indexes (test/core/report-plans.test.ts).
 */
export function visitFactsSql(withPriority: boolean): string {
  return `SELECT v.id, v.service_day, v.queue_no, v.status, v.left_unserved, v.checked_in_at,
       v.officer_id, s.full_name AS officer, v.visitor_type, v.lpse,
       (SELECT min(e.at) FROM visit_event e WHERE e.visit_id = v.id AND e.kind = 'called') AS first_called_at,
       (SELECT min(e.at) FROM visit_event e WHERE e.visit_id = v.id AND e.kind = 'started') AS started_at,
       (SELECT max(e.at) FROM visit_event e WHERE e.visit_id = v.id AND e.kind = 'ended') AS ended_at,
       c.category, c.application, c.status AS case_status, c.escalated_at,
       ${withPriority ? 'v.priority' : 'NULL'} AS priority
  FROM visit v
  LEFT JOIN staff s ON s.id = v.officer_id
  LEFT JOIN problem_case c ON c.id = (SELECT min(x.id) FROM problem_case x WHERE x.visit_id = v.id)
 WHERE v.service_day BETWEEN ? AND ?
 ORDER BY v.service_day, v.queue_no`;
}

/** Another version adds a priority flag to visits; until then the report says "not recorded". */
export function visitsHavePriority(db: Db): boolean {
  return (
    db
      .prepare<[], { n: number }>(
        "SELECT count(*) AS n FROM pragma_table_info('visit') WHERE name = 'priority'",
      )
      .get()!.n > 0
  );
}

export const served = (v: VisitFacts) => v.started_at !== null;
/** Closed without being served: called and not there, or gone before anyone served them. */
export const noShow = (v: VisitFacts) =>
  !served(v) && (v.status === 'no_show' || v.status === 'done');
export const waitMinutes = (v: VisitFacts) =>
  v.first_called_at === null ? null : minutes(v.checked_in_at, v.first_called_at);
export const serviceMinutes = (v: VisitFacts) =>
  v.started_at === null || v.ended_at === null ? null : minutes(v.started_at, v.ended_at);

export function cutKey(v: VisitFacts, cut: ReportCut): { key: string; label: string } {
  switch (cut) {
    case 'officer':
      return { key: String(v.officer_id ?? ''), label: v.officer ?? '' };
    case 'category':
      return { key: v.category ?? '', label: v.category ?? '' };
    case 'application':
      return { key: v.application ?? '', label: v.application ?? '' };
    case 'visitor_type':
      return { key: v.visitor_type ?? '', label: v.visitor_type ?? '' };
    case 'lpse':
      return { key: v.lpse ?? '', label: v.lpse ?? '' };
  }
}

/** Each cut's group key in `visit_fact` (migration 22); the LPSE comes from the visit's row. */
const CUT_KEY_SQL: Record<ReportCut, { key: string; join: string }> = {
  officer: { key: "coalesce(f.officer_id, '')", join: '' },
  category: { key: "coalesce(f.category, '')", join: '' },
  application: { key: "coalesce(f.application, '')", join: '' },
  visitor_type: { key: "coalesce(f.visitor_type, '')", join: '' },
  lpse: { key: "coalesce(v.lpse, '')", join: 'JOIN visit v ON v.id = f.visit_id' },
};

/**
 * A visit's counts as bits of one small number, with its check-in's heatmap cell (WIB weekday
 * Monday first × 24 + hour) above them: `cell * MARK_CELL + bits`, or NO_CELL as the cell when
 * the check-in is not an instant SQLite reads.
 */
const SERVED = 1;
const NO_SHOW = 2;
const ESCALATED = 4;
const SOLVED = 8;
const PRIORITY = 16;
const MARK_CELL = 32;
const NO_CELL = 1000;

/** The period's visits, one entry each in the primary key's order, as JSON arrays. */
interface FactLists {
  keys: string | null;
  waits: string;
  services: string;
  marks: string;
}
type Counts = Pick<ServiceFigures, 'visits' | 'served' | 'escalated' | 'solvedOnSpot'> & {
  noShow: number;
  priority: number;
};
interface Group extends Counts {
  raw: string | number;
  waits: number[];
  services: number[];
}
interface SortedGroup extends Group {
  waitMs: Float64Array;
  serviceMs: Float64Array;
}

const WIB_MS_SQL = 7 * 3600_000;
/**
 * The service report's facts of a span, read inside SQLite over one range of visit_fact's
 * primary key into one row of aligned JSON arrays (the group key, wait and service in
 * milliseconds, and the marks above): no row per visit crosses into JS, and no sort, which a
 * GROUP BY of the cut cost (about 100 ms of 90,000 visits). JSON keeps the NULLs in place.
 * The bits are CASEs: the same tests as sums of comparisons took twice as long.
 */
export function serviceGroupsSql(cut: ReportCut | null, withPriority: boolean): string {
  const c = cut ? CUT_KEY_SQL[cut] : { key: 'NULL', join: '' };
  const priority = withPriority
    ? `${PRIORITY} * (coalesce((SELECT p.priority FROM visit p WHERE p.id = f.visit_id), 0) <> 0)`
    : '0';
  const day = `(f.checked_in_ms + ${WIB_MS_SQL})`;
  return `SELECT ${cut ? `json_group_array(${c.key})` : 'NULL'} AS keys,
       json_group_array(f.called_ms - f.checked_in_ms) AS waits,
       json_group_array(f.ended_ms - f.started_ms) AS services,
       json_group_array(coalesce((${day} / 86400000 + 3) % 7 * 24 + ${day} / 3600000 % 24, ${NO_CELL}) * ${MARK_CELL}
         + CASE WHEN f.started_ms IS NOT NULL THEN ${SERVED}
                WHEN f.status IN ('no_show', 'done') THEN ${NO_SHOW} ELSE 0 END
         + CASE f.escalated WHEN 1 THEN ${ESCALATED}
                WHEN 0 THEN CASE f.case_status WHEN 'solved' THEN ${SOLVED} ELSE 0 END ELSE 0 END
         + ${priority}) AS marks
  FROM visit_fact f ${c.join}
 WHERE f.service_day BETWEEN ? AND ?`;
}

/**
 * Where a group's first visit stands in (service_day, queue_no) order: groups were always listed
 * in that order before sorting, which decides between two officers of the same name.
 */
export function serviceFirstSeenSql(cut: ReportCut): string {
  const c = CUT_KEY_SQL[cut];
  return `SELECT min(f.service_day || printf('%09d', f.queue_no)) AS first_seen
  FROM visit_fact f ${c.join}
 WHERE f.service_day BETWEEN ? AND ? AND ${c.key} = ?`;
}

/** Milliseconds in order (a typed array sorts numbers natively). */
const sortedMs = (list: readonly number[]): Float64Array => Float64Array.from(list).sort();

/** Lists already in order, merged into one (the totals from the groups, without a sort). */
function mergedMs(lists: readonly Float64Array[]): Float64Array {
  let all = lists.length === 0 ? new Float64Array(0) : lists[0]!;
  for (let l = 1; l < lists.length; l++) {
    const a = all;
    const b = lists[l]!;
    const out = new Float64Array(a.length + b.length);
    let i = 0;
    let j = 0;
    let k = 0;
    while (i < a.length && j < b.length) out[k++] = a[i]! <= b[j]! ? a[i++]! : b[j++]!;
    while (i < a.length) out[k++] = a[i++]!;
    while (j < b.length) out[k++] = b[j++]!;
    all = out;
  }
  return all;
}

function figures(
  c: Counts,
  waits: Float64Array,
  services: Float64Array,
  waitTarget: number,
  withPriority: boolean,
): ServiceFigures {
  let overTarget = 0;
  for (const w of waits) if (w / 60_000 > waitTarget) overTarget++;
  return {
    visits: c.visits,
    served: c.served,
    noShow: c.noShow,
    noShowPct: percent(c.noShow, c.visits),
    waiting: sortedDurationStats(waits, 60_000),
    service: sortedDurationStats(services, 60_000),
    overTarget,
    overTargetPct: percent(overTarget, waits.length),
    solvedOnSpot: c.solvedOnSpot,
    escalated: c.escalated,
    priority: withPriority ? c.priority : null,
  };
}

const newCounts = (): Counts => ({
  visits: 0,
  served: 0,
  noShow: 0,
  escalated: 0,
  solvedOnSpot: 0,
  priority: 0,
});

function count(c: Counts, mark: number): void {
  c.visits++;
  if (mark & SERVED) c.served++;
  if (mark & NO_SHOW) c.noShow++;
  if (mark & ESCALATED) c.escalated++;
  if (mark & SOLVED) c.solvedOnSpot++;
  if (mark & PRIORITY) c.priority++;
}

/**
 * One pass over the period's visits: each group's counts and lists (a single group without a
 * cut), and the heatmap.
 */
function tally(lists: FactLists) {
  const keys = lists.keys === null ? null : (JSON.parse(lists.keys) as (string | number)[]);
  const waits = JSON.parse(lists.waits) as (number | null)[];
  const services = JSON.parse(lists.services) as (number | null)[];
  const marks = JSON.parse(lists.marks) as number[];
  const groups = new Map<string | number, Group>();
  const heatmap = Array.from({ length: 7 }, () => Array<number>(24).fill(0));
  for (let i = 0; i < marks.length; i++) {
    const mark = marks[i]!;
    const cell = mark >> 5;
    if (cell !== NO_CELL) heatmap[Math.floor(cell / 24)]![cell % 24]!++;
    const raw = keys === null ? '' : keys[i]!;
    let g = groups.get(raw);
    if (!g) groups.set(raw, (g = { raw, ...newCounts(), waits: [], services: [] }));
    count(g, mark & (MARK_CELL - 1));
    const wait = waits[i]!;
    if (wait !== null) g.waits.push(wait);
    const service = services[i]!;
    if (service !== null) g.services.push(service);
  }
  return { groups: [...groups.values()], heatmap };
}

function sumCounts(rows: readonly Counts[]): Counts {
  const total = newCounts();
  for (const r of rows) {
    total.visits += r.visits;
    total.served += r.served;
    total.noShow += r.noShow;
    total.escalated += r.escalated;
    total.solvedOnSpot += r.solvedOnSpot;
    total.priority += r.priority;
  }
  return total;
}

/** Visits, waiting and service times, no-shows and outcomes of a span of service days. */
export class ServiceReporter {
  private readonly db: Db;
  private readonly q;
  private readonly statements = new Map<string, Statement<unknown[], unknown>>();
  readonly withPriority: boolean;
  private readonly facts: VisitFactFill;

  constructor(db: Db) {
    this.db = db;
    this.facts = new VisitFactFill(db);
    this.withPriority = visitsHavePriority(db);
    this.q = {
      visits: db.prepare<[string, string], VisitFacts>(visitFactsSql(this.withPriority)),
      staff: db.prepare<[], { id: number; full_name: string }>('SELECT id, full_name FROM staff'),
    };
  }

  /**
   * Resolves once every visit has its facts: at once, except on an upgraded desk whose older
   * visits are still being filled after start-up (the fill then goes on in batches between
   * other requests while this report waits for it).
   */
  ready(): Promise<void> {
    return this.facts.ready();
  }

  visits(span: ReportSpan): IterableIterator<VisitFacts> {
    return this.q.visits.iterate(span.from, span.to);
  }

  report(req: ReportRequest, waitTargetMinutes: number): ServiceReport {
    const lists = this.statement<[string, string], FactLists>(
      serviceGroupsSql(req.cut, this.withPriority),
    ).get(req.from, req.to)!;
    const t = tally(lists);
    const groups = t.groups.map((g) => ({
      ...g,
      waitMs: sortedMs(g.waits),
      serviceMs: sortedMs(g.services),
    }));
    return {
      from: req.from,
      to: req.to,
      cut: req.cut,
      waitTargetMinutes,
      totals: figures(
        sumCounts(groups),
        mergedMs(groups.map((g) => g.waitMs)),
        mergedMs(groups.map((g) => g.serviceMs)),
        waitTargetMinutes,
        this.withPriority,
      ),
      groups: req.cut ? this.groups(req, req.cut, groups, waitTargetMinutes) : [],
      heatmap: t.heatmap,
    };
  }

  private groups(span: ReportSpan, cut: ReportCut, rows: SortedGroup[], waitTarget: number) {
    const names =
      cut === 'officer' ? new Map(this.q.staff.all().map((s) => [s.id, s.full_name])) : null;
    const groups = rows.map((r) => {
      const key = String(r.raw);
      return {
        key,
        label: names ? (typeof r.raw === 'number' ? (names.get(r.raw) ?? '') : '') : key,
        figures: figures(r, r.waitMs, r.serviceMs, waitTarget, this.withPriority),
        raw: r.raw,
      };
    });
    const byFigures = (a: (typeof groups)[number], b: (typeof groups)[number]) =>
      b.figures.visits - a.figures.visits || a.label.localeCompare(b.label);
    groups.sort(byFigures);
    if (groups.some((g, i) => i > 0 && byFigures(groups[i - 1]!, g) === 0)) {
      // Only groups alike in count and label need their first visit: a scan each, rarely.
      const firstSeen = this.statement<[string, string, string | number], { first_seen: string }>(
        serviceFirstSeenSql(cut),
      );
      const first = new Map(
        groups.map((g) => [g.key, firstSeen.get(span.from, span.to, g.raw)!.first_seen]),
      );
      groups.sort((a, b) => byFigures(a, b) || (first.get(a.key)! < first.get(b.key)! ? -1 : 1));
    }
    return groups.map(({ key, label, figures }) => ({ key, label, figures }));
  }

  private statement<P extends unknown[], R>(sql: string): Statement<P, R> {
    let q = this.statements.get(sql);
    if (!q) {
      q = this.db.prepare(sql);
      this.statements.set(sql, q);
    }
    return q as unknown as Statement<P, R>;
  }
}
