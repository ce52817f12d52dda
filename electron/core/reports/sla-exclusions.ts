import type { PauseReason } from '../../../shared/domain/sla';
import type { AuditLog } from '../audit';
import type { Db } from '../db/open-database';
import { AppError } from '../errors';

/**
 * Marks an escalated case "di luar target 1x24 jam" with one of the standard's exclusion reasons
 * and a note, or takes the mark away; the compliance report lists the excluded cases and why.
 */
export class SlaExclusions {
  private readonly q;

  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    private readonly now: () => Date,
  ) {
    this.q = {
      case: db.prepare<[string], { id: number; case_code: string; escalated_at: string | null }>(
        'SELECT id, case_code, escalated_at FROM problem_case WHERE case_code = ?',
      ),
      get: db.prepare<[number], { reason: PauseReason; note: string }>(
        'SELECT reason, note FROM sla_exclusion WHERE case_id = ?',
      ),
      put: db.prepare<[number, string, string, number, string]>(
        `INSERT INTO sla_exclusion (case_id, reason, note, marked_by, marked_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (case_id) DO UPDATE SET reason = excluded.reason, note = excluded.note,
           marked_by = excluded.marked_by, marked_at = excluded.marked_at`,
      ),
      clear: db.prepare<[number]>('DELETE FROM sla_exclusion WHERE case_id = ?'),
    };
  }

  get(caseId: number): { reason: PauseReason; note: string } | null {
    return this.q.get.get(caseId) ?? null;
  }

  mark(actorId: number, caseCode: string, reason: PauseReason, note: string): void {
    this.db
      .transaction(() => {
        const c = this.escalatedCase(caseCode);
        const caseId = c.id;
        const before = this.q.get.get(caseId) ?? null;
        this.q.put.run(caseId, reason, note, actorId, this.now().toISOString());
        this.audit.record({
          actorId,
          action: 'case.excludeFromSla',
          entity: 'case',
          entityId: c.case_code,
          detail: { before, after: { reason, note } },
        });
      })
      .immediate();
  }

  clear(actorId: number, caseCode: string): void {
    this.db
      .transaction(() => {
        const c = this.escalatedCase(caseCode);
        const caseId = c.id;
        const before = this.q.get.get(caseId);
        if (!before) return;
        this.q.clear.run(caseId);
        this.audit.record({
          actorId,
          action: 'case.includeInSla',
          entity: 'case',
          entityId: c.case_code,
          detail: { before },
        });
      })
      .immediate();
  }

  private escalatedCase(caseCode: string): { id: number; case_code: string } {
    const c = this.q.case.get(caseCode.trim().toUpperCase());
    if (!c) throw new AppError('NOT_FOUND');
    if (c.escalated_at === null) throw new AppError('CASE_NOT_ESCALATED');
    return c;
  }
}
