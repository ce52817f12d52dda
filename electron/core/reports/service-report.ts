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

const WIB_MS = 7 * 3600_000;
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

function figures(visits: VisitFacts[], waitTarget: number, withPriority: boolean): ServiceFigures {
  const waits: number[] = [];
  const services: number[] = [];
  let servedCount = 0;
  let noShows = 0;
  let solved = 0;
  let escalated = 0;
  let priority = 0;
  for (const v of visits) {
    if (served(v)) servedCount++;
    if (noShow(v)) noShows++;
    const w = waitMinutes(v);
    if (w !== null) waits.push(w);
    const s = serviceMinutes(v);
    if (s !== null) services.push(s);
    if (v.escalated_at !== null) escalated++;
    else if (v.case_status === 'solved') solved++;
    if (v.priority) priority++;
  }
  const overTarget = waits.filter((w) => w > waitTarget).length;
  return {
    visits: visits.length,
    served: servedCount,
    noShow: noShows,
    noShowPct: percent(noShows, visits.length),
    waiting: durationStats(waits),
    service: durationStats(services),
    overTarget,
    overTargetPct: percent(overTarget, waits.length),
    solvedOnSpot: solved,
    escalated,
    priority: withPriority ? priority : null,
  };
}

/** Check-ins per WIB weekday (Monday first) and hour. */
function heatmap(visits: VisitFacts[]): number[][] {
  const grid = Array.from({ length: 7 }, () => Array<number>(24).fill(0));
  for (const v of visits) {
    const wib = new Date(Date.parse(v.checked_in_at) + WIB_MS);
    grid[(wib.getUTCDay() + 6) % 7]![wib.getUTCHours()]!++;
  }
  return grid;
}

/** Visits, waiting and service times, no-shows and outcomes of a span of service days. */
export class ServiceReporter {
  private readonly q;
  readonly withPriority: boolean;

  constructor(db: Db) {
    this.withPriority = visitsHavePriority(db);
    this.q = { visits: db.prepare<[string, string], VisitFacts>(visitFactsSql(this.withPriority)) };
  }

  visits(span: ReportSpan): IterableIterator<VisitFacts> {
    return this.q.visits.iterate(span.from, span.to);
  }

  report(req: ReportRequest, waitTargetMinutes: number): ServiceReport {
    const visits = this.q.visits.all(req.from, req.to);
    const groups = new Map<string, { label: string; visits: VisitFacts[] }>();
    if (req.cut)
      for (const v of visits) {
        const { key, label } = cutKey(v, req.cut);
        const g = groups.get(key);
        if (g) g.visits.push(v);
        else groups.set(key, { label, visits: [v] });
      }
    return {
      from: req.from,
      to: req.to,
      cut: req.cut,
      waitTargetMinutes,
      totals: figures(visits, waitTargetMinutes, this.withPriority),
      groups: [...groups]
        .map(([key, g]) => ({
          key,
          label: g.label,
          figures: figures(g.visits, waitTargetMinutes, this.withPriority),
        }))
        .sort((a, b) => b.figures.visits - a.figures.visits || a.label.localeCompare(b.label)),
      heatmap: heatmap(visits),
    };
  }
}
