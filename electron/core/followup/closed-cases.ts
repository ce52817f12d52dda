import { slaState, SLA_TARGET_MS, type PauseReason } from '../../../shared/domain/sla';
import type { ClosedFollowUp } from '../../../shared/domain/records';
import type { TicketPhase } from '../../../shared/domain/ticket-phase';
import type { Db } from '../db/open-database';

export const CLOSED_PAGE = 50;

const COLUMNS = `c.id, c.case_code, c.officer_id, c.reporter_name, c.escalated_at,
       c.backend_resolved_at, c.finished_at, l.remote_id, l.remote_phase`;
/**
 * Parameters: the cursor (finished_at, id) and the limit. Newest first along migration 20's
 * partial index of closed cases, its condition word for word.
 */
export const CLOSED_ALL_SQL = `SELECT ${COLUMNS}
  FROM problem_case c LEFT JOIN backend_link l ON l.case_id = c.id
 WHERE c.status = 'closed' AND (c.finished_at, c.id) < (?, ?)
 ORDER BY c.finished_at DESC, c.id DESC LIMIT ?`;
/** The same for one officer's cases (parameters: the officer first). */
export const CLOSED_OF_OFFICER_SQL = `SELECT ${COLUMNS}
  FROM problem_case c LEFT JOIN backend_link l ON l.case_id = c.id
 WHERE c.status = 'closed' AND c.officer_id = ? AND (c.finished_at, c.id) < (?, ?)
 ORDER BY c.finished_at DESC, c.id DESC LIMIT ?`;
/** Parameters: the page's case ids as JSON. Their pauses, by the (case_id, id) index. */
export const PAUSES_OF_CASES_SQL = `SELECT p.case_id, p.reason, p.started_at, p.ended_at
  FROM json_each(?) j CROSS JOIN sla_pause p ON p.case_id = j.value`;

interface Row {
  id: number;
  case_code: string;
  officer_id: number;
  reporter_name: string;
  escalated_at: string;
  backend_resolved_at: string | null;
  finished_at: string;
  remote_id: string | null;
  remote_phase: TicketPhase | null;
}

/** The follow-up screen's "Selesai": escalated cases confirmed with the visitor, newest first. */
export class ClosedFollowUps {
  private readonly q;

  constructor(db: Db) {
    this.q = {
      all: db.prepare<[string, number, number], Row>(CLOSED_ALL_SQL),
      ofOfficer: db.prepare<[number, string, number, number], Row>(CLOSED_OF_OFFICER_SQL),
      pauses: db.prepare<
        [string],
        { case_id: number; reason: PauseReason; started_at: string; ended_at: string | null }
      >(PAUSES_OF_CASES_SQL),
    };
  }

  list(
    officerId: number | undefined,
    before: { at: string; id: number } | undefined,
  ): { items: ClosedFollowUp[]; next: { at: string; id: number } | null } {
    const at = before?.at ?? '\uffff';
    const id = before?.id ?? Number.MAX_SAFE_INTEGER;
    const rows =
      officerId === undefined
        ? this.q.all.all(at, id, CLOSED_PAGE + 1)
        : this.q.ofOfficer.all(officerId, at, id, CLOSED_PAGE + 1);
    const page = rows.slice(0, CLOSED_PAGE);
    const pausesOf = new Map<
      number,
      { reason: PauseReason; startedAt: string; endedAt: string | null }[]
    >();
    for (const p of this.q.pauses.all(JSON.stringify(page.map((r) => r.id)))) {
      const list = pausesOf.get(p.case_id) ?? [];
      list.push({ reason: p.reason, startedAt: p.started_at, endedAt: p.ended_at });
      pausesOf.set(p.case_id, list);
    }
    const items = page.map((r): ClosedFollowUp => {
      const stop = r.backend_resolved_at ?? r.finished_at;
      const sla = slaState(r.escalated_at, pausesOf.get(r.id) ?? [], new Date(stop), stop);
      return {
        caseId: r.id,
        caseCode: r.case_code,
        officerId: r.officer_id,
        reporterName: r.reporter_name,
        ticketId: r.remote_id,
        remotePhase: r.remote_phase,
        escalatedAt: r.escalated_at,
        finishedAt: r.finished_at,
        netMs: sla.elapsedMs,
        overdue: sla.elapsedMs > SLA_TARGET_MS,
      };
    });
    const last = page[page.length - 1];
    return {
      items,
      next: rows.length > CLOSED_PAGE && last ? { at: last.finished_at, id: last.id } : null,
    };
  }
}
