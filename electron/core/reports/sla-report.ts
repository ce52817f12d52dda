import { spanInstants, type ReportSpan } from '../../../shared/domain/report-period';
import type {
  ReportCut,
  ReportRequest,
  SlaFigures,
  SlaReport,
} from '../../../shared/domain/reports';
import {
  PAUSE_REASONS,
  SLA_TARGET_MS,
  type PauseReason,
  type SlaPause,
} from '../../../shared/domain/sla';
import {
  measureSla,
  type CountingRules,
  type SlaMeasure,
} from '../../../shared/domain/sla-counting';
import type { Db } from '../db/open-database';
import { durationStats, percent } from './duration-stats';

interface CaseRow {
  id: number;
  case_code: string;
  officer_id: number;
  category: string | null;
  application: string | null;
  reporter_type: string | null;
  lpse: string | null;
  status: string;
  escalated_at: string;
  backend_resolved_at: string | null;
  remote_id: string | null;
  remote_phase: string | null;
  excl_reason: PauseReason | null;
  excl_note: string | null;
}

/** One escalated case with its clock measured under the report's counting mode. */
export interface CaseFacts extends CaseRow {
  officer: string | null;
  measure: SlaMeasure;
  finished: boolean;
  rejected: boolean;
  excluded: boolean;
  withinTarget: boolean;
  overdue: boolean;
  reopenedTimes: number;
  /** Clock hours from the helpdesk's resolution to the accepted confirmation, if any. */
  confirmationHours: number | null;
}

/** The cases escalated in a span, by migration 19's index on escalated_at. */
export const SLA_CASES_SQL = `SELECT c.id, c.case_code, c.officer_id,
       c.category, c.application, c.reporter_type, c.lpse, c.status, c.escalated_at,
       c.backend_resolved_at, l.remote_id, l.remote_phase, x.reason AS excl_reason,
       x.note AS excl_note
  FROM problem_case c
  LEFT JOIN backend_link l ON l.case_id = c.id
  LEFT JOIN sla_exclusion x ON x.case_id = c.id
 WHERE c.escalated_at >= ? AND c.escalated_at < ?
 ORDER BY c.escalated_at`;
/** Their pauses; CROSS JOIN keeps the cases outside, so each case's pauses come by index. */
export const SLA_PAUSES_SQL = `SELECT p.case_id, p.reason, p.started_at, p.ended_at
  FROM problem_case c CROSS JOIN sla_pause p ON p.case_id = c.id
 WHERE c.escalated_at >= ? AND c.escalated_at < ?`;
/** Each case's confirmations come in the index's (case_id, confirmed_at) order: no sort. */
export const SLA_CONFIRMATIONS_SQL = `SELECT f.case_id, f.outcome, f.confirmed_at
  FROM problem_case c CROSS JOIN confirmation f ON f.case_id = c.id
 WHERE c.escalated_at >= ? AND c.escalated_at < ?`;

const HOUR = 3600_000;
const hours = (ms: number) => ms / HOUR;

function cutOf(c: CaseFacts, cut: ReportCut): { key: string; label: string } {
  switch (cut) {
    case 'officer':
      return { key: String(c.officer_id), label: c.officer ?? '' };
    case 'category':
      return { key: c.category ?? '', label: c.category ?? '' };
    case 'application':
      return { key: c.application ?? '', label: c.application ?? '' };
    case 'visitor_type':
      return { key: c.reporter_type ?? '', label: c.reporter_type ?? '' };
    case 'lpse':
      return { key: c.lpse ?? '', label: c.lpse ?? '' };
  }
}

function figures(cases: CaseFacts[]): SlaFigures {
  const paused = Object.fromEntries(PAUSE_REASONS.map((r) => [r, 0])) as Record<
    PauseReason,
    number
  >;
  const net: number[] = [];
  const gross: number[] = [];
  const confirmation: number[] = [];
  let resolved = 0;
  let rejected = 0;
  let excluded = 0;
  let within = 0;
  let overdue = 0;
  let pausedCases = 0;
  let reopened = 0;
  for (const c of cases) {
    if (c.finished && c.rejected) rejected++;
    if (c.finished && !c.rejected) resolved++;
    if (c.excluded) excluded++;
    if (c.withinTarget) within++;
    if (c.overdue) overdue++;
    if (c.measure.pausedMs > 0) pausedCases++;
    if (c.reopenedTimes > 0) reopened++;
    for (const r of PAUSE_REASONS) paused[r] += c.measure.pausedMsByReason[r] / 60_000;
    // Times are of the cases the target is about: resolved, not rejected, not excluded.
    if (c.finished && !c.rejected && !c.excluded) {
      net.push(hours(c.measure.netMs));
      gross.push(hours(c.measure.grossMs));
    }
    if (c.confirmationHours !== null) confirmation.push(c.confirmationHours);
  }
  const counted = cases.filter((c) => c.finished && !c.rejected && !c.excluded).length;
  for (const r of PAUSE_REASONS) paused[r] = Math.round(paused[r] * 100) / 100;
  return {
    escalated: cases.length,
    resolved,
    rejected,
    open: cases.length - resolved - rejected,
    excluded,
    withinTarget: within,
    withinTargetPct: percent(within, counted),
    overdue,
    pausedCases,
    pausedMinutesByReason: paused,
    net: durationStats(net),
    gross: durationStats(gross),
    reopened,
    confirmation: durationStats(confirmation),
  };
}

/** The 1x24 compliance of the cases escalated in a span of WIB days. */
export class SlaReporter {
  private readonly q;

  constructor(
    db: Db,
    private readonly now: () => Date,
  ) {
    this.q = {
      cases: db.prepare<[string, string], CaseRow>(SLA_CASES_SQL),
      pauses: db.prepare<
        [string, string],
        { case_id: number; reason: PauseReason; started_at: string; ended_at: string | null }
      >(SLA_PAUSES_SQL),
      staff: db.prepare<[], { id: number; full_name: string }>('SELECT id, full_name FROM staff'),
      confirmations: db.prepare<
        [string, string],
        { case_id: number; outcome: 'accepted' | 'not_solved'; confirmed_at: string }
      >(SLA_CONFIRMATIONS_SQL),
    };
  }

  cases(span: ReportSpan, rules: CountingRules): CaseFacts[] {
    const { start, end } = spanInstants(span);
    const pausesOf = new Map<number, SlaPause[]>();
    for (const p of this.q.pauses.all(start, end)) {
      const list = pausesOf.get(p.case_id) ?? [];
      list.push({ reason: p.reason, startedAt: p.started_at, endedAt: p.ended_at });
      pausesOf.set(p.case_id, list);
    }
    const confirmationsOf = new Map<number, { outcome: string; confirmed_at: string }[]>();
    for (const f of this.q.confirmations.all(start, end)) {
      const list = confirmationsOf.get(f.case_id);
      if (list) list.push(f);
      else confirmationsOf.set(f.case_id, [f]);
    }
    const names = new Map(this.q.staff.all().map((s) => [s.id, s.full_name]));
    const nowMs = this.now().getTime();
    return this.q.cases.all(start, end).map((c) => {
      const finished = c.backend_resolved_at !== null;
      const stopMs = finished ? Date.parse(c.backend_resolved_at!) : nowMs;
      const measure = measureSla(c.escalated_at, pausesOf.get(c.id) ?? [], stopMs, rules);
      const excluded = c.excl_reason !== null;
      const rejected = finished && c.remote_phase === 'rejected';
      const late = measure.netMs > SLA_TARGET_MS;
      const confirmations = confirmationsOf.get(c.id) ?? [];
      const accepted = confirmations.filter((f) => f.outcome === 'accepted').at(-1);
      // Listed, not spread: spreading a row object from the driver cost 40 µs a case.
      return {
        id: c.id,
        case_code: c.case_code,
        officer_id: c.officer_id,
        officer: names.get(c.officer_id) ?? null,
        category: c.category,
        application: c.application,
        reporter_type: c.reporter_type,
        lpse: c.lpse,
        status: c.status,
        escalated_at: c.escalated_at,
        backend_resolved_at: c.backend_resolved_at,
        remote_id: c.remote_id,
        remote_phase: c.remote_phase,
        excl_reason: c.excl_reason,
        excl_note: c.excl_note,
        measure,
        finished,
        rejected,
        excluded,
        withinTarget: finished && !rejected && !excluded && !late,
        overdue: !excluded && late,
        reopenedTimes: confirmations.filter((f) => f.outcome === 'not_solved').length,
        confirmationHours:
          accepted && finished
            ? Math.max(0, hours(Date.parse(accepted.confirmed_at) - stopMs))
            : null,
      };
    });
  }

  report(
    req: ReportRequest,
    rules: CountingRules,
    holidays: readonly { day: string; name: string }[],
  ): SlaReport {
    const cases = this.cases(req, rules);
    const groups = new Map<string, { label: string; cases: CaseFacts[] }>();
    if (req.cut)
      for (const c of cases) {
        const { key, label } = cutOf(c, req.cut);
        const g = groups.get(key);
        if (g) g.cases.push(c);
        else groups.set(key, { label, cases: [c] });
      }
    const ref = (c: CaseFacts) => ({ caseCode: c.case_code, ticketId: c.remote_id });
    return {
      from: req.from,
      to: req.to,
      cut: req.cut,
      countingMode: rules.mode,
      serviceHours: rules.hours,
      holidays:
        rules.mode === 'service_hours'
          ? holidays.filter((h) => h.day >= req.from && h.day <= req.to)
          : [],
      totals: figures(cases),
      groups: [...groups]
        .map(([key, g]) => ({ key, label: g.label, figures: figures(g.cases) }))
        .sort(
          (a, b) => b.figures.escalated - a.figures.escalated || a.label.localeCompare(b.label),
        ),
      overdue: cases
        .filter((c) => c.overdue)
        .map((c) => ({
          ...ref(c),
          escalatedAt: c.escalated_at,
          netHours: Math.round(hours(c.measure.netMs) * 100) / 100,
          finished: c.finished,
        })),
      excluded: cases
        .filter((c) => c.excluded)
        .map((c) => ({ ...ref(c), reason: c.excl_reason!, note: c.excl_note ?? '' })),
      reopened: cases
        .filter((c) => c.reopenedTimes > 0)
        .map((c) => ({ ...ref(c), times: c.reopenedTimes })),
    };
  }
}
