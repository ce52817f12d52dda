import { spanInstants, type ReportSpan } from '../../../shared/domain/report-period';
import type { ReportCut, ReportRequest, SlaReport } from '../../../shared/domain/reports';
import { SLA_TARGET_MS, type PauseReason, type SlaPause } from '../../../shared/domain/sla';
import {
  measureSla,
  type CountingRules,
  type SlaMeasure,
} from '../../../shared/domain/sla-counting';
import type { Db } from '../db/open-database';
import { jsonColumns, jsonColumnsSql } from './json-columns';
import { SlaTally } from './sla-figures';

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

const CASE_COLUMNS = [
  'id',
  'case_code',
  'officer_id',
  'category',
  'application',
  'reporter_type',
  'lpse',
  'status',
  'escalated_at',
  'backend_resolved_at',
  'remote_id',
  'remote_phase',
  'excl_reason',
  'excl_note',
] as const satisfies readonly (keyof CaseRow)[];
interface PauseRow {
  case_id: number;
  reason: PauseReason;
  started_at: string;
  ended_at: string | null;
}
const PAUSE_COLUMNS = ['case_id', 'reason', 'started_at', 'ended_at'] as const;
interface ConfirmationRow {
  case_id: number;
  outcome: 'accepted' | 'not_solved';
  confirmed_at: string;
}
const CONFIRMATION_COLUMNS = ['case_id', 'outcome', 'confirmed_at'] as const;
/** The three queries as `jsonColumns` runs them (test/core/reports/report-plans.test.ts). */
export const SLA_COLUMN_QUERIES = [
  jsonColumnsSql(SLA_CASES_SQL, CASE_COLUMNS),
  jsonColumnsSql(SLA_PAUSES_SQL, PAUSE_COLUMNS),
  jsonColumnsSql(SLA_CONFIRMATIONS_SQL, CONFIRMATION_COLUMNS),
] as const;

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

/** The 1x24 compliance of the cases escalated in a span of WIB days. */
export class SlaReporter {
  private readonly q;

  constructor(
    db: Db,
    private readonly now: () => Date,
  ) {
    this.q = {
      cases: jsonColumns<[string, string], CaseRow>(db, SLA_CASES_SQL, CASE_COLUMNS),
      pauses: jsonColumns<[string, string], PauseRow>(db, SLA_PAUSES_SQL, PAUSE_COLUMNS),
      staff: db.prepare<[], { id: number; full_name: string }>('SELECT id, full_name FROM staff'),
      confirmations: jsonColumns<[string, string], ConfirmationRow>(
        db,
        SLA_CONFIRMATIONS_SQL,
        CONFIRMATION_COLUMNS,
      ),
    };
  }

  cases(span: ReportSpan, rules: CountingRules): CaseFacts[] {
    const { start, end } = spanInstants(span);
    const pausesOf = new Map<number, SlaPause[]>();
    const p = this.q.pauses(start, end);
    for (let i = 0; i < p.case_id.length; i++) {
      const pause = { reason: p.reason[i]!, startedAt: p.started_at[i]!, endedAt: p.ended_at[i]! };
      const list = pausesOf.get(p.case_id[i]!);
      if (list) list.push(pause);
      else pausesOf.set(p.case_id[i]!, [pause]);
    }
    // The last accepted confirmation of each case (in confirmed_at order) and how often the
    // visitor said it was not solved.
    const acceptedAt = new Map<number, string>();
    const reopenedTimes = new Map<number, number>();
    const f = this.q.confirmations(start, end);
    for (let i = 0; i < f.case_id.length; i++) {
      const id = f.case_id[i]!;
      if (f.outcome[i] === 'accepted') acceptedAt.set(id, f.confirmed_at[i]!);
      else if (f.outcome[i] === 'not_solved')
        reopenedTimes.set(id, (reopenedTimes.get(id) ?? 0) + 1);
    }
    const names = new Map(this.q.staff.all().map((s) => [s.id, s.full_name]));
    const nowMs = this.now().getTime();
    const c = this.q.cases(start, end);
    const out: CaseFacts[] = new Array<CaseFacts>(c.id.length);
    for (let i = 0; i < c.id.length; i++) {
      const id = c.id[i]!;
      const resolvedAt = c.backend_resolved_at[i]!;
      const finished = resolvedAt !== null;
      const stopMs = finished ? Date.parse(resolvedAt) : nowMs;
      const measure = measureSla(c.escalated_at[i]!, pausesOf.get(id) ?? [], stopMs, rules);
      const exclReason = c.excl_reason[i]!;
      const excluded = exclReason !== null;
      const rejected = finished && c.remote_phase[i] === 'rejected';
      const late = measure.netMs > SLA_TARGET_MS;
      const accepted = acceptedAt.get(id);
      const officerId = c.officer_id[i]!;
      out[i] = {
        id,
        case_code: c.case_code[i]!,
        officer_id: officerId,
        officer: names.get(officerId) ?? null,
        category: c.category[i]!,
        application: c.application[i]!,
        reporter_type: c.reporter_type[i]!,
        lpse: c.lpse[i]!,
        status: c.status[i]!,
        escalated_at: c.escalated_at[i]!,
        backend_resolved_at: resolvedAt,
        remote_id: c.remote_id[i]!,
        remote_phase: c.remote_phase[i]!,
        excl_reason: exclReason,
        excl_note: c.excl_note[i]!,
        measure,
        finished,
        rejected,
        excluded,
        withinTarget: finished && !rejected && !excluded && !late,
        overdue: !excluded && late,
        reopenedTimes: reopenedTimes.get(id) ?? 0,
        confirmationHours:
          accepted !== undefined && finished
            ? Math.max(0, hours(Date.parse(accepted) - stopMs))
            : null,
      };
    }
    return out;
  }

  report(
    req: ReportRequest,
    rules: CountingRules,
    holidays: readonly { day: string; name: string }[],
  ): SlaReport {
    const cases = this.cases(req, rules);
    const totals = new SlaTally();
    const groups = new Map<string, { label: string; tally: SlaTally }>();
    const overdue: SlaReport['overdue'] = [];
    const excluded: SlaReport['excluded'] = [];
    const reopened: SlaReport['reopened'] = [];
    for (const c of cases) {
      totals.add(c);
      if (req.cut) {
        const { key, label } = cutOf(c, req.cut);
        let g = groups.get(key);
        if (!g) groups.set(key, (g = { label, tally: new SlaTally() }));
        g.tally.add(c);
      }
      // Listed, not spread: spreading a small object cost 2 µs a case.
      const caseCode = c.case_code;
      const ticketId = c.remote_id;
      if (c.overdue)
        overdue.push({
          caseCode,
          ticketId,
          escalatedAt: c.escalated_at,
          netHours: Math.round(hours(c.measure.netMs) * 100) / 100,
          finished: c.finished,
        });
      if (c.excluded)
        excluded.push({ caseCode, ticketId, reason: c.excl_reason!, note: c.excl_note ?? '' });
      if (c.reopenedTimes > 0) reopened.push({ caseCode, ticketId, times: c.reopenedTimes });
    }
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
      totals: totals.figures(),
      groups: [...groups]
        .map(([key, g]) => ({ key, label: g.label, figures: g.tally.figures() }))
        .sort(
          (a, b) => b.figures.escalated - a.figures.escalated || a.label.localeCompare(b.label),
        ),
      overdue,
      excluded,
      reopened,
    };
  }
}
