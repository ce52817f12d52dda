import type { PauseReason, SlaPause } from '../../../shared/domain/sla';
import type { CountingRules } from '../../../shared/domain/sla-counting';
import type { Db } from '../db/open-database';
import { ReportSettingsStore } from '../reports/report-settings';
import { pollErrorOf, type PollError } from '../sync/backend-links';
import type { TicketPhase } from '../sync/connectors/helpdesk-connector';
import { followUpClock, type FollowUpClock } from './sla-clock';

export type NextAction =
  'waiting_delivery' | 'delivery_failed' | 'waiting_backend' | 'paused' | 'confirm_with_visitor';

export interface FollowUpItem {
  caseId: number;
  caseCode: string;
  officerId: number;
  reporterName: string;
  reporterPhone: string;
  reporterEmail: string | null;
  status: 'escalated' | 'backend_resolved';
  ticketId: string | null;
  remotePhase: TicketPhase | null;
  remoteStatus: string | null;
  sla: FollowUpClock;
  /** Who stopped the clock now in force: the officer can restart only their own pause. */
  pausedBy: 'officer' | 'backend' | null;
  nextAction: NextAction;
  /** Why the ticket's status could not be read the last time; null once a read succeeds. */
  pollError: PollError | null;
}

interface CaseRow {
  id: number;
  case_code: string;
  officer_id: number;
  reporter_name: string;
  reporter_phone: string;
  reporter_email: string | null;
  status: 'escalated' | 'backend_resolved';
  escalated_at: string;
  backend_resolved_at: string | null;
  remote_id: string | null;
  remote_phase: TicketPhase | null;
  remote_status: string | null;
  poll_error: string | null;
  poll_error_at: string | null;
  delivery_failed: number | null;
}

interface PauseRow {
  case_id: number;
  reason: PauseReason;
  started_at: string;
  ended_at: string | null;
  source: string;
}

const OPEN_CASES = `c.status IN ('escalated', 'backend_resolved')`;
/** The open follow-ups, from migration 14's partial index (its condition, word for word). */
export const FOLLOW_UP_OPEN_SQL = `SELECT c.id, c.case_code, c.officer_id, c.reporter_name,
       c.reporter_phone, c.reporter_email, c.status, c.escalated_at, c.backend_resolved_at,
       l.remote_id, l.remote_phase, l.remote_status, l.poll_error, l.poll_error_at,
       (SELECT max(o.state = 'failed') FROM outbox o WHERE o.case_id = c.id) AS delivery_failed
  FROM problem_case c LEFT JOIN backend_link l ON l.case_id = c.id
 WHERE ${OPEN_CASES} ORDER BY c.escalated_at`;
/**
 * The pauses of all open follow-ups, in order per case (the index's order). CROSS JOIN keeps the
 * open cases outside: left to itself, SQLite walked every pause ever recorded.
 */
export const FOLLOW_UP_PAUSES_SQL = `SELECT p.case_id, p.reason, p.started_at, p.ended_at, p.source
  FROM problem_case c CROSS JOIN sla_pause p ON p.case_id = c.id
 WHERE ${OPEN_CASES}`;

/** The escalated cases still open, each with its 1x24 clock and what the officer does next. */
export class FollowUpList {
  private readonly open;
  private readonly pauses;
  private readonly settings;

  constructor(
    db: Db,
    private readonly now: () => Date,
  ) {
    this.open = db.prepare<[], CaseRow>(FOLLOW_UP_OPEN_SQL);
    this.pauses = db.prepare<[], PauseRow>(FOLLOW_UP_PAUSES_SQL);
    this.settings = new ReportSettingsStore(db, null, now);
  }

  list(officerId?: number): FollowUpItem[] {
    const now = this.now();
    const rules = this.settings.rules();
    // Every open case's pauses in one read, not one read per case.
    const pausesOf = new Map<number, PauseRow[]>();
    for (const p of this.pauses.all()) {
      const list = pausesOf.get(p.case_id);
      if (list) list.push(p);
      else pausesOf.set(p.case_id, [p]);
    }
    return this.open
      .all()
      .filter((r) => officerId === undefined || r.officer_id === officerId)
      .map((r) => toItem(r, pausesOf.get(r.id) ?? [], now, rules));
  }
}

function toItem(r: CaseRow, rows: PauseRow[], now: Date, rules: CountingRules): FollowUpItem {
  const pauses: SlaPause[] = rows.map((p) => ({
    reason: p.reason,
    startedAt: p.started_at,
    endedAt: p.ended_at,
  }));
  const openPause = rows.find((p) => p.ended_at === null);
  const sla = followUpClock(r.escalated_at, pauses, now, r.backend_resolved_at, rules);
  return {
    caseId: r.id,
    caseCode: r.case_code,
    officerId: r.officer_id,
    reporterName: r.reporter_name,
    reporterPhone: r.reporter_phone,
    reporterEmail: r.reporter_email,
    status: r.status,
    ticketId: r.remote_id,
    remotePhase: r.remote_phase,
    remoteStatus: r.remote_status,
    sla,
    pausedBy:
      sla.pausedFor && openPause ? (openPause.source === 'backend' ? 'backend' : 'officer') : null,
    nextAction: nextAction(r, sla),
    pollError: pollErrorOf(r.poll_error, r.poll_error_at),
  };
}

export function nextAction(
  r: Pick<CaseRow, 'status' | 'delivery_failed' | 'remote_id'>,
  sla: Pick<FollowUpClock, 'pausedFor'>,
): NextAction {
  if (r.status === 'backend_resolved') return 'confirm_with_visitor';
  if (r.delivery_failed === 1) return 'delivery_failed';
  if (r.remote_id === null) return 'waiting_delivery';
  return sla.pausedFor ? 'paused' : 'waiting_backend';
}
