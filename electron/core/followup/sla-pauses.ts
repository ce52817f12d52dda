import type { PauseReason } from '../../../shared/domain/sla';
import type { AuditLog } from '../audit';
import type { Db } from '../db/open-database';
import { AppError } from '../errors';

/** The officer stops and restarts the 1x24 clock of an escalated case, each pause named. */
export class SlaPauses {
  private readonly q;

  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    private readonly now: () => Date,
  ) {
    this.q = {
      one: db.prepare<[number], { case_code: string; status: string }>(
        'SELECT case_code, status FROM problem_case WHERE id = ?',
      ),
      openPause: db.prepare<[number], { id: number; source: string }>(
        'SELECT id, source FROM sla_pause WHERE case_id = ? AND ended_at IS NULL',
      ),
      startPause: db.prepare<[number, string, string]>(
        "INSERT INTO sla_pause (case_id, reason, source, started_at) VALUES (?, ?, 'officer', ?)",
      ),
      endPause: db.prepare<[string, number]>('UPDATE sla_pause SET ended_at = ? WHERE id = ?'),
    };
  }

  pause(officerId: number, caseId: number, reason: PauseReason): void {
    this.db
      .transaction(() => {
        const c = this.escalated(caseId);
        if (this.q.openPause.get(caseId)) throw new AppError('CASE_ALREADY_PAUSED');
        this.q.startPause.run(caseId, reason, this.now().toISOString());
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

  private escalated(caseId: number): { case_code: string } {
    const row = this.q.one.get(caseId);
    if (!row) throw new AppError('NOT_FOUND');
    if (row.status !== 'escalated') throw new AppError('CASE_NOT_ESCALATED');
    return row;
  }
}
