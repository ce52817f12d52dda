import type { AuditLog } from '../audit';
import type { Db } from '../db/open-database';
import { AppError } from '../errors';
import type { OutboxStore } from '../sync/outbox-store';

/** Desk PCs' clocks drift a little; a confirmation time this far ahead is still "now". */
const CLOCK_SKEW_MS = 5 * 60_000;

export interface ConfirmationInput {
  channel: 'phone' | 'email';
  confirmedAt: string;
  outcome: 'accepted' | 'not_solved';
  note?: string | undefined;
}

/**
 * The officer told the visitor the result. Accepted closes the case; "not solved" reopens the
 * backend ticket with a note, and the time spent waiting for the visitor is not counted.
 */
export class Confirmations {
  private readonly q;

  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    private readonly outbox: OutboxStore,
    private readonly now: () => Date,
  ) {
    this.q = {
      one: db.prepare<
        [number],
        {
          case_code: string;
          status: string;
          escalated_at: string | null;
          backend_resolved_at: string | null;
        }
      >(
        'SELECT case_code, status, escalated_at, backend_resolved_at FROM problem_case WHERE id = ?',
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
      closedPause: db.prepare<[number, string, string]>(
        "INSERT INTO sla_pause (case_id, reason, source, started_at, ended_at) VALUES (?, 'user', 'officer', ?, ?)",
      ),
    };
  }

  confirm(officerId: number, caseId: number, c: ConfirmationInput): void {
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
}
