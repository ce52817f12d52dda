import {
  PAUSE_REASONS,
  slaState,
  type PauseReason,
  type SlaPause,
  type SlaState,
} from '../../../shared/domain/sla';
import type { AuditLog } from '../audit';
import type { Db } from '../db/open-database';
import { AppError } from '../errors';
import { pollErrorOf, type BackendLinks, type PollError } from './backend-links';
import type { HelpdeskConnector, RemoteTicket, TicketPhase } from './connectors/helpdesk-connector';
import type { OutboxStore } from './outbox-store';
import { describeError } from './sync-worker';

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
  sla: SlaState;
  /** Who stopped the clock now in force: the officer can restart only their own pause. */
  pausedBy: 'officer' | 'backend' | null;
  nextAction: NextAction;
  /** Why the ticket's status could not be read the last time; null once a read succeeds. */
  pollError: PollError | null;
}

/** What one round of reading the helpdesk's statuses did. */
export interface PollResult {
  /** Cases the helpdesk finished in this round. */
  changed: number;
  read: number;
  failed: number;
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

/** Desk PCs' clocks drift a little; a confirmation time this far ahead is still "now". */
const CLOCK_SKEW_MS = 5 * 60_000;

const isPauseReason = (r: string | null): r is PauseReason =>
  PAUSE_REASONS.includes(r as PauseReason);

/**
 * After escalation: the backend's status comes back, the 1x24 clock runs with its pauses, and the
 * officer confirms the result with the visitor, which closes the case or reopens the ticket.
 */
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

export class FollowUp {
  private readonly q;

  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    private readonly links: BackendLinks,
    private readonly outbox: OutboxStore,
    private readonly now: () => Date,
  ) {
    this.q = {
      open: db.prepare<[], CaseRow>(FOLLOW_UP_OPEN_SQL),
      pauses: db.prepare<
        [],
        {
          case_id: number;
          reason: PauseReason;
          started_at: string;
          ended_at: string | null;
          source: string;
        }
      >(FOLLOW_UP_PAUSES_SQL),
      openPause: db.prepare<[number], { id: number; source: string }>(
        'SELECT id, source FROM sla_pause WHERE case_id = ? AND ended_at IS NULL',
      ),
      startPause: db.prepare<[number, string, string, string]>(
        'INSERT INTO sla_pause (case_id, reason, source, started_at) VALUES (?, ?, ?, ?)',
      ),
      endPause: db.prepare<[string, number]>('UPDATE sla_pause SET ended_at = ? WHERE id = ?'),
      closedPause: db.prepare<[number, string, string]>(
        "INSERT INTO sla_pause (case_id, reason, source, started_at, ended_at) VALUES (?, 'user', 'officer', ?, ?)",
      ),
      // "Not solved" reopened the ticket with a note: until that note is in, and for a read
      // that began before it went in, the helpdesk's "resolved" is the one already answered.
      reopenPending: db.prepare<[number, string], { one: number }>(
        `SELECT 1 AS one FROM outbox WHERE case_id = ? AND operation = 'add_note'
            AND json_extract(payload, '$.reopen') = 1 AND (state <> 'delivered' OR updated_at > ?)
          LIMIT 1`,
      ),
      resolved: db.prepare<[string, number]>(
        "UPDATE problem_case SET status = 'backend_resolved', backend_resolved_at = ? WHERE id = ? AND status = 'escalated'",
      ),
      one: db.prepare<
        [number],
        {
          id: number;
          case_code: string;
          status: string;
          escalated_at: string | null;
          backend_resolved_at: string | null;
        }
      >(
        'SELECT id, case_code, status, escalated_at, backend_resolved_at FROM problem_case WHERE id = ?',
      ),
      confirm: db.prepare<[number, string, string, string, string | null, number, string]>(
        `INSERT INTO confirmation (case_id, channel, confirmed_at, outcome, note, officer_id, recorded_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ),
      close: db.prepare<[string, number]>(
        "UPDATE problem_case SET status = 'closed', finished_at = ? WHERE id = ?",
      ),
      reopen: db.prepare<[number]>(
        "UPDATE problem_case SET status = 'escalated', backend_resolved_at = NULL WHERE id = ?",
      ),
    };
  }

  list(officerId?: number): FollowUpItem[] {
    const now = this.now();
    // Every open case's pauses in one read, not one read per case.
    const pausesOf = new Map<number, ReturnType<typeof this.q.pauses.all>>();
    for (const p of this.q.pauses.all()) {
      const list = pausesOf.get(p.case_id);
      if (list) list.push(p);
      else pausesOf.set(p.case_id, [p]);
    }
    return this.q.open
      .all()
      .filter((r) => officerId === undefined || r.officer_id === officerId)
      .map((r) => {
        const rows = pausesOf.get(r.id) ?? [];
        const pauses: SlaPause[] = rows.map((p) => ({
          reason: p.reason,
          startedAt: p.started_at,
          endedAt: p.ended_at,
        }));
        const openPause = rows.find((p) => p.ended_at === null);
        const sla = slaState(r.escalated_at, pauses, now, r.backend_resolved_at);
        const nextAction: NextAction =
          r.status === 'backend_resolved'
            ? 'confirm_with_visitor'
            : r.delivery_failed === 1
              ? 'delivery_failed'
              : r.remote_id === null
                ? 'waiting_delivery'
                : sla.pausedFor
                  ? 'paused'
                  : 'waiting_backend';
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
            sla.pausedFor && openPause
              ? openPause.source === 'backend'
                ? 'backend'
                : 'officer'
              : null,
          nextAction,
          pollError: pollErrorOf(r.poll_error, r.poll_error_at),
        };
      });
  }

  /**
   * Reads the backend's status of every open escalated case. Each case is read on its own: one
   * ticket that cannot be read (deleted, forbidden, timed out) keeps its error and the round
   * goes on with the others.
   */
  async pollStatuses(connector: HelpdeskConnector): Promise<PollResult> {
    const result: PollResult = { changed: 0, read: 0, failed: 0 };
    for (const item of this.list().filter((i) => i.status === 'escalated' && i.ticketId !== null)) {
      const startedAt = this.now().toISOString();
      let ticket: RemoteTicket;
      try {
        ticket = await connector.readStatus(item.ticketId!);
      } catch (err) {
        const { kind, detail } = describeError(err);
        this.links.pollFailed(item.caseId, {
          kind,
          detail: detail.slice(0, 500),
          at: this.now().toISOString(),
        });
        result.failed++;
        continue;
      }
      result.read++;
      if (this.taken(item, ticket, startedAt)) result.changed++;
    }
    return result;
  }

  /** Stores what the backend said of one case; true when it finished the case. */
  private taken(item: FollowUpItem, ticket: RemoteTicket, readStartedAt: string): boolean {
    const at = this.now().toISOString();
    return this.db
      .transaction(() => {
        const finished = ticket.phase === 'resolved' || ticket.phase === 'rejected';
        if (finished && this.q.reopenPending.get(item.caseId, readStartedAt)) {
          this.links.seen(item.caseId, at);
          return false;
        }
        this.links.link(item.caseId, ticket, at);
        const open = this.q.openPause.get(item.caseId);
        if (ticket.phase === 'paused' && isPauseReason(ticket.pauseReason) && !open) {
          this.q.startPause.run(item.caseId, ticket.pauseReason, 'backend', at);
        } else if (ticket.phase !== 'paused' && open?.source === 'backend') {
          this.q.endPause.run(at, open.id);
        }
        // A rejected ticket is finished at the backend too: the officer tells the visitor why.
        if (!finished) return false;
        if (open) this.q.endPause.run(at, open.id);
        if (this.q.resolved.run(at, item.caseId).changes !== 1) return false;
        this.audit.record({
          actorId: null,
          action: 'case.backendResolved',
          entity: 'case',
          entityId: item.caseCode,
          detail: { ticket: ticket.id },
        });
        return true;
      })
      .immediate();
  }

  pause(officerId: number, caseId: number, reason: PauseReason): void {
    this.db
      .transaction(() => {
        const c = this.escalated(caseId);
        if (this.q.openPause.get(caseId)) throw new AppError('CASE_ALREADY_PAUSED');
        this.q.startPause.run(caseId, reason, 'officer', this.now().toISOString());
        this.audit.record({
          actorId: officerId,
          action: 'case.pause',
          entity: 'case',
          entityId: c.case_code,
          detail: { reason },
        });
      })
      .immediate();
  }

  resume(officerId: number, caseId: number): void {
    this.db
      .transaction(() => {
        const c = this.escalated(caseId);
        const open = this.q.openPause.get(caseId);
        if (!open) throw new AppError('CASE_NOT_PAUSED');
        // The helpdesk's own pause ends when its ticket moves on; the next poll would restart it.
        if (open.source === 'backend') throw new AppError('CASE_PAUSED_BY_BACKEND');
        this.q.endPause.run(this.now().toISOString(), open.id);
        this.audit.record({
          actorId: officerId,
          action: 'case.resume',
          entity: 'case',
          entityId: c.case_code,
        });
      })
      .immediate();
  }

  /**
   * The officer told the visitor the result. Accepted closes the case; "not solved" reopens the
   * backend ticket with a note, and the time spent waiting for the visitor is not counted.
   */
  confirm(
    officerId: number,
    caseId: number,
    c: {
      channel: 'phone' | 'email';
      confirmedAt: string;
      outcome: 'accepted' | 'not_solved';
      note?: string | undefined;
    },
  ): void {
    this.db
      .transaction(() => {
        const row = this.q.one.get(caseId);
        if (!row) throw new AppError('NOT_FOUND');
        if (row.status !== 'backend_resolved') throw new AppError('CASE_NOT_RESOLVED');
        const at = this.now().toISOString();
        // A call logged a little after it happened is normal; one in the future, or before the
        // case even went to the helpdesk, is a typing mistake.
        const when = Date.parse(c.confirmedAt);
        if (when > this.now().getTime() + CLOCK_SKEW_MS) {
          throw new AppError('VALIDATION', { fields: { confirmedAt: 'validation.notInFuture' } });
        }
        // Officers type the time to the minute.
        if (row.escalated_at && when < Math.floor(Date.parse(row.escalated_at) / 60_000) * 60_000) {
          throw new AppError('VALIDATION', {
            fields: { confirmedAt: 'validation.beforeEscalation' },
          });
        }
        const id = Number(
          this.q.confirm.run(
            caseId,
            c.channel,
            c.confirmedAt,
            c.outcome,
            c.note ?? null,
            officerId,
            at,
          ).lastInsertRowid,
        );
        if (c.outcome === 'accepted') {
          this.q.close.run(at, caseId);
        } else {
          this.q.closedPause.run(caseId, row.backend_resolved_at ?? at, at);
          this.q.reopen.run(caseId);
          const text = `Konfirmasi ke pengunjung (${c.channel === 'phone' ? 'telepon' : 'email'}): belum terselesaikan.${c.note ? ` ${c.note}` : ''}`;
          this.outbox.enqueue({
            caseId,
            operation: 'add_note',
            idempotencyKey: `${row.case_code}:confirmation:${id}`,
            payload: JSON.stringify({ text, reopen: true }),
            at,
          });
        }
        this.audit.record({
          actorId: officerId,
          action: 'case.confirm',
          entity: 'case',
          entityId: row.case_code,
          detail: { channel: c.channel, outcome: c.outcome },
        });
      })
      .immediate();
  }

  private escalated(caseId: number): { case_code: string } {
    const row = this.q.one.get(caseId);
    if (!row) throw new AppError('NOT_FOUND');
    if (row.status !== 'escalated') throw new AppError('CASE_NOT_ESCALATED');
    return row;
  }
}
