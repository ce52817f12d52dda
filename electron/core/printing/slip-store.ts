import type { PriorityReason } from '../../../shared/domain/priority';
import { formatQueueNumber } from '../../../shared/domain/queue';
import type { Slip, SlipTarget, SlipVia, SlipView } from '../../../shared/domain/slip';
import type { AuditLog } from '../audit';
import type { Db } from '../db/open-database';
import { AppError } from '../errors';

interface VisitSlipRow {
  id: number;
  queue_no: number;
  checked_in_at: string;
  priority_reason: PriorityReason | null;
}

interface CaseSlipRow {
  id: number;
  visit_id: number;
  case_code: string;
  escalated_at: string | null;
  queue_no: number;
}

interface PrintCount {
  n: number;
  last: string | null;
}

/** The facts of the slips the hub knows, and the record of each one handed out. */
export class SlipStore {
  private readonly q;

  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    private readonly now: () => Date,
  ) {
    this.q = {
      visit: db.prepare<[number], VisitSlipRow>(
        'SELECT id, queue_no, checked_in_at, priority_reason FROM visit WHERE id = ?',
      ),
      case: db.prepare<[number], CaseSlipRow>(
        `SELECT c.id, c.visit_id, c.case_code, c.escalated_at, v.queue_no
           FROM problem_case c JOIN visit v ON v.id = c.visit_id WHERE c.id = ?`,
      ),
      visitPrints: db.prepare<[number], PrintCount>(
        `SELECT count(*) AS n, max(at) AS last FROM slip_print
          WHERE visit_id = ? AND kind = 'queue'`,
      ),
      casePrints: db.prepare<[number], PrintCount>(
        'SELECT count(*) AS n, max(at) AS last FROM slip_print WHERE case_id = ?',
      ),
      insert: db.prepare<
        [
          {
            visitId: number;
            caseId: number | null;
            kind: string;
            via: SlipVia;
            reprint: number;
            at: string;
            actorId: number;
          },
        ]
      >(
        `INSERT INTO slip_print (visit_id, case_id, kind, via, reprint, at, actor_id)
         VALUES (@visitId, @caseId, @kind, @via, @reprint, @at, @actorId)`,
      ),
    };
  }

  view(target: SlipTarget): SlipView {
    const { slip, prints } = this.read(target);
    return { slip, printedCount: prints.n, lastPrintedAt: prints.last };
  }

  /**
   * Records one slip handed out. A slip the visitor already holds is printed again only when
   * the staff member said so (`reprint`): two slips of one number are a source of quarrels.
   */
  record(actorId: number, target: SlipTarget, via: SlipVia, reprint: boolean): number {
    return this.db
      .transaction(() => {
        const { visitId, caseId, prints } = this.read(target);
        if (prints.n > 0 && !reprint) throw new AppError('SLIP_ALREADY_PRINTED');
        const at = this.now().toISOString();
        this.q.insert.run({
          visitId,
          caseId,
          kind: target.kind,
          via,
          reprint: prints.n > 0 ? 1 : 0,
          at,
          actorId,
        });
        this.audit.record({
          actorId,
          action: prints.n > 0 ? 'slip.reprint' : 'slip.print',
          entity: target.kind === 'queue' ? 'visit' : 'case',
          entityId: target.kind === 'queue' ? target.visitId : target.caseId,
          detail: { via },
        });
        return prints.n + 1;
      })
      .immediate();
  }

  private read(target: SlipTarget): {
    slip: Slip;
    visitId: number;
    caseId: number | null;
    prints: PrintCount;
  } {
    if (target.kind === 'queue') {
      const v = this.q.visit.get(target.visitId);
      if (!v) throw new AppError('NOT_FOUND');
      return {
        slip: {
          kind: 'queue',
          queueLabel: formatQueueNumber(v.queue_no),
          issuedAt: v.checked_in_at,
          priority: v.priority_reason,
        },
        visitId: v.id,
        caseId: null,
        prints: this.q.visitPrints.get(v.id)!,
      };
    }
    const c = this.q.case.get(target.caseId);
    if (!c) throw new AppError('NOT_FOUND');
    // A receipt promises the 1 × 24-hour follow-up: only a case handed to the helpdesk has one.
    if (c.escalated_at === null) throw new AppError('CASE_NOT_ESCALATED');
    return {
      slip: {
        kind: 'case',
        caseCode: c.case_code,
        queueLabel: formatQueueNumber(c.queue_no),
        escalatedAt: c.escalated_at,
      },
      visitId: c.visit_id,
      caseId: c.id,
      prints: this.q.casePrints.get(c.id)!,
    };
  }
}
