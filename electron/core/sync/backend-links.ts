import type { Db } from '../db/open-database';
import type { RemoteTicket, TicketPhase } from './connectors/helpdesk-connector';

export interface BackendLink {
  caseId: number;
  remoteId: string;
  remoteUrl: string | null;
  remotePhase: TicketPhase;
  remoteStatus: string;
  pauseReason: string | null;
  linkedAt: string;
  lastSeenAt: string;
}

/** Why the last read of a ticket's status failed (cleared by the next read that succeeds). */
export interface PollError {
  kind: string;
  detail: string;
  at: string;
}

interface Row {
  case_id: number;
  remote_id: string;
  remote_url: string | null;
  remote_phase: TicketPhase;
  remote_status: string;
  pause_reason: string | null;
  linked_at: string;
  last_seen_at: string;
}

/** Which backend ticket belongs to which case, and what the backend last said about it. */
export class BackendLinks {
  private readonly q;

  constructor(db: Db) {
    this.q = {
      upsert: db.prepare<
        [
          {
            caseId: number;
            remoteId: string;
            url: string | null;
            phase: TicketPhase;
            status: string;
            pauseReason: string | null;
            now: string;
          },
        ]
      >(
        `INSERT INTO backend_link (case_id, remote_id, remote_url, remote_phase, remote_status,
           pause_reason, linked_at, last_seen_at)
         VALUES (@caseId, @remoteId, @url, @phase, @status, @pauseReason, @now, @now)
         ON CONFLICT (case_id) DO UPDATE SET remote_phase = excluded.remote_phase,
           remote_status = excluded.remote_status, pause_reason = excluded.pause_reason,
           last_seen_at = excluded.last_seen_at, poll_error = NULL, poll_error_at = NULL`,
      ),
      pollFailed: db.prepare<[string, string, number]>(
        'UPDATE backend_link SET poll_error = ?, poll_error_at = ? WHERE case_id = ?',
      ),
      seen: db.prepare<[string, number]>(
        'UPDATE backend_link SET last_seen_at = ?, poll_error = NULL, poll_error_at = NULL WHERE case_id = ?',
      ),
      one: db.prepare<[number], Row>('SELECT * FROM backend_link WHERE case_id = ?'),
    };
  }

  link(caseId: number, ticket: RemoteTicket, now: string): void {
    this.q.upsert.run({
      caseId,
      remoteId: ticket.id,
      url: ticket.url,
      phase: ticket.phase,
      status: ticket.status,
      pauseReason: ticket.pauseReason,
      now,
    });
  }

  /** The ticket could not be read: its last known status stays, with why. */
  pollFailed(caseId: number, error: PollError): void {
    this.q.pollFailed.run(
      JSON.stringify({ kind: error.kind, detail: error.detail }),
      error.at,
      caseId,
    );
  }

  /** The ticket was read, but what it said is not taken (it predates what Loket already knows). */
  seen(caseId: number, at: string): void {
    this.q.seen.run(at, caseId);
  }

  get(caseId: number): BackendLink | undefined {
    const r = this.q.one.get(caseId);
    return r
      ? {
          caseId: r.case_id,
          remoteId: r.remote_id,
          remoteUrl: r.remote_url,
          remotePhase: r.remote_phase,
          remoteStatus: r.remote_status,
          pauseReason: r.pause_reason,
          linkedAt: r.linked_at,
          lastSeenAt: r.last_seen_at,
        }
      : undefined;
  }
}

/** A link's stored poll error as the follow-up list shows it. */
export function pollErrorOf(json: string | null, at: string | null): PollError | null {
  if (json === null || at === null) return null;
  const parsed = JSON.parse(json) as { kind?: string; detail?: string };
  return { kind: parsed.kind ?? 'protocol', detail: parsed.detail ?? '', at };
}
