import { PAUSE_REASONS, type PauseReason } from '../../../shared/domain/sla';
import type { AuditLog } from '../audit';
import type { Db } from '../db/open-database';
import type { BackendLinks } from '../sync/backend-links';
import type { HelpdeskConnector, RemoteTicket } from '../sync/connectors/helpdesk-connector';
import { describeError } from '../sync/sync-worker';
import type { FollowUpItem, FollowUpList } from './followup-list';

/** What one round of reading the helpdesk's statuses did. */
export interface PollResult {
  /** Cases the helpdesk finished in this round. */
  changed: number;
  read: number;
  failed: number;
}

const isPauseReason = (r: string | null): r is PauseReason =>
  PAUSE_REASONS.includes(r as PauseReason);

/** Reads the helpdesk's status of the open escalated cases and keeps what it says. */
export class StatusPoll {
  private readonly q;

  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    private readonly links: BackendLinks,
    private readonly cases: FollowUpList,
    private readonly now: () => Date,
  ) {
    this.q = {
      openPause: db.prepare<[number], { id: number; source: string }>(
        'SELECT id, source FROM sla_pause WHERE case_id = ? AND ended_at IS NULL',
      ),
      startPause: db.prepare<[number, string, string]>(
        "INSERT INTO sla_pause (case_id, reason, source, started_at) VALUES (?, ?, 'backend', ?)",
      ),
      endPause: db.prepare<[string, number]>('UPDATE sla_pause SET ended_at = ? WHERE id = ?'),
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
    };
  }

  /**
   * Each case is read on its own: one ticket that cannot be read (deleted, forbidden, timed out)
   * keeps its error and the round goes on with the others.
   */
  async pollStatuses(connector: HelpdeskConnector): Promise<PollResult> {
    const result: PollResult = { changed: 0, read: 0, failed: 0 };
    const due = this.cases.list().filter((i) => i.status === 'escalated' && i.ticketId !== null);
    for (const item of due) {
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
          this.q.startPause.run(item.caseId, ticket.pauseReason, at);
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
          detail: { ticket: ticket.id, phase: ticket.phase },
        });
        return true;
      })
      .immediate();
  }
}
