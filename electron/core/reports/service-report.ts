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
import { durationStats, percent } from './duration-stats';

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
 * One group's counts, its waits and services in milliseconds and its check-ins' heatmap cells
 * (WIB weekday Monday first × 24 + hour), each list comma-separated.
 */
interface GroupRow {
  k: string | number;
  visits: number;
  served: number;
  no_show: number;
  escalated: number;
  solved: number;
  priority: number;
  waits: string | null;
  services: string | null;
  cells: string | null;
}
interface ParsedRow extends GroupRow {
  waitMs: Float64Array;
  serviceMs: Float64Array;
}
type Counts = Pick<GroupRow, 'visits' | 'served' | 'no_show' | 'escalated' | 'solved' | 'priority'>;

const WIB_MS_SQL = 7 * 3600_000;
/**
 * The service report's figures of a span, per cut group (a single row without a cut), counted
 * inside SQLite over one range of visit_fact's primary key: a few rows come back, not a row per
 * visit. Medians need every value, so the waits and services come as lists, parsed once.
 */
export function serviceGroupsSql(cut: ReportCut | null, withPriority: boolean): string {
  const c = cut ? CUT_KEY_SQL[cut] : { key: "''", join: '' };
  const priority = withPriority
    ? '(SELECT p.priority FROM visit p WHERE p.id = f.visit_id)'
    : 'NULL';
  return `SELECT ${c.key} AS k,
       count(*) AS visits,
       coalesce(sum(f.started_ms IS NOT NULL), 0) AS served,
       coalesce(sum(f.started_ms IS NULL AND f.status IN ('no_show', 'done')), 0) AS no_show,
       coalesce(sum(f.escalated), 0) AS escalated,
       coalesce(sum(f.escalated = 0 AND f.case_status = 'solved'), 0) AS solved,
       coalesce(sum(coalesce(${priority}, 0) <> 0), 0) AS priority,
       group_concat(f.called_ms - f.checked_in_ms) AS waits,
       group_concat(f.ended_ms - f.started_ms) AS services,
       group_concat(((f.checked_in_ms + ${WIB_MS_SQL}) / 86400000 + 3) % 7 * 24
         + (f.checked_in_ms + ${WIB_MS_SQL}) / 3600000 % 24) AS cells
  FROM visit_fact f ${c.join}
 WHERE f.service_day BETWEEN ? AND ?${cut ? ' GROUP BY k' : ' HAVING count(*) > 0'}`;
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

/** A list of milliseconds, sorted (a typed array sorts numbers natively). */
function sortedMs(list: string | null): Float64Array {
  if (list === null) return new Float64Array(0);
  const parts = list.split(',');
  const ms = new Float64Array(parts.length);
  for (let i = 0; i < parts.length; i++) ms[i] = Number(parts[i]);
  return ms.sort();
}

function merged(lists: readonly Float64Array[]): Float64Array {
  if (lists.length === 1) return lists[0]!;
  const all = new Float64Array(lists.reduce((n, l) => n + l.length, 0));
  let at = 0;
  for (const l of lists) {
    all.set(l, at);
    at += l.length;
  }
  return all.sort();
}

/** Minutes exactly as the visit-by-visit figures computed them, already in order. */
const asMinutes = (ms: Float64Array): number[] => Array.from(ms, (v) => v / 60_000);

function sumCounts(rows: readonly Counts[]): Counts {
  const total = { visits: 0, served: 0, no_show: 0, escalated: 0, solved: 0, priority: 0 };
  for (const r of rows) {
    total.visits += r.visits;
    total.served += r.served;
    total.no_show += r.no_show;
    total.escalated += r.escalated;
    total.solved += r.solved;
    total.priority += r.priority;
  }
  return total;
}

function figures(
  c: Counts,
  waits: number[],
  services: number[],
  waitTarget: number,
  withPriority: boolean,
): ServiceFigures {
  let overTarget = 0;
  for (const w of waits) if (w > waitTarget) overTarget++;
  return {
    visits: c.visits,
    served: c.served,
    noShow: c.no_show,
    noShowPct: percent(c.no_show, c.visits),
    waiting: durationStats(waits),
    service: durationStats(services),
    overTarget,
    overTargetPct: percent(overTarget, waits.length),
    solvedOnSpot: c.solved,
    escalated: c.escalated,
    priority: withPriority ? c.priority : null,
  };
}

/** Check-ins per WIB weekday (Monday first) and hour. */
function heatmap(rows: readonly GroupRow[]): number[][] {
  const grid = Array.from({ length: 7 }, () => Array<number>(24).fill(0));
  for (const r of rows)
    if (r.cells !== null)
      for (const v of r.cells.split(',')) {
        const cell = Number(v);
        grid[Math.floor(cell / 24)]![cell % 24]!++;
      }
  return grid;
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
    const rows = this.statement<[string, string], GroupRow>(
      serviceGroupsSql(req.cut, this.withPriority),
    )
      .all(req.from, req.to)
      .map((r) => ({ ...r, waitMs: sortedMs(r.waits), serviceMs: sortedMs(r.services) }));
    return {
      from: req.from,
      to: req.to,
      cut: req.cut,
      waitTargetMinutes,
      totals: figures(
        sumCounts(rows),
        asMinutes(merged(rows.map((r) => r.waitMs))),
        asMinutes(merged(rows.map((r) => r.serviceMs))),
        waitTargetMinutes,
        this.withPriority,
      ),
      groups: req.cut ? this.groups(req, req.cut, rows, waitTargetMinutes) : [],
      heatmap: heatmap(rows),
    };
  }

  private groups(span: ReportSpan, cut: ReportCut, rows: ParsedRow[], waitTarget: number) {
    const names =
      cut === 'officer' ? new Map(this.q.staff.all().map((s) => [s.id, s.full_name])) : null;
    const groups = rows.map((r) => {
      const key = String(r.k);
      return {
        key,
        label: names ? (typeof r.k === 'number' ? (names.get(r.k) ?? '') : '') : key,
        figures: figures(
          r,
          asMinutes(r.waitMs),
          asMinutes(r.serviceMs),
          waitTarget,
          this.withPriority,
        ),
        raw: r.k,
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
