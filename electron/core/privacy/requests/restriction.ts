import type { AuditLog } from '../../audit';
import type { Db } from '../../db/open-database';
import { AppError } from '../../errors';

/** The person's cases, through the indexes of visits by visitor and cases by visit. */
const CASES_OF = `SELECT c.id FROM problem_case c JOIN visit v ON v.id = c.visit_id
                   WHERE v.visitor_id = ?`;

/**
 * Restricted processing (Pasal 11): nothing more about the person is sent to the helpdesk. The
 * triggers of migration 16 park every entry written or queued again for them; this parks what
 * already waits, and lifting the restriction puts back exactly what it held.
 */
export class Restrictions {
  private readonly q;

  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    private readonly now: () => Date,
  ) {
    this.q = {
      visitor: db.prepare<[number], { id: number }>(
        'SELECT id FROM visitor WHERE id = ? AND anonymised_at IS NULL',
      ),
      restrict: db.prepare<[number, string, number, number | null]>(
        `INSERT INTO processing_restriction (visitor_id, restricted_at, restricted_by, request_id)
         VALUES (?, ?, ?, ?) ON CONFLICT (visitor_id) DO NOTHING`,
      ),
      lift: db.prepare<[number]>('DELETE FROM processing_restriction WHERE visitor_id = ?'),
      park: db.prepare<[string, string, number]>(
        `UPDATE outbox SET state = 'failed', updated_at = ?, last_error = json_object('kind',
           'restricted', 'detail', 'processing restricted at the visitor''s request', 'at', ?)
          WHERE state IN ('queued', 'failed') AND case_id IN (${CASES_OF})`,
      ),
      release: db.prepare<[string, string, number]>(
        `UPDATE outbox SET state = 'queued', next_attempt_at = ?, last_error = NULL, updated_at = ?
          WHERE state = 'failed' AND json_extract(last_error, '$.kind') = 'restricted'
            AND case_id IN (${CASES_OF})`,
      ),
      isRestricted: db.prepare<[number], { n: number }>(
        'SELECT count(*) AS n FROM processing_restriction WHERE visitor_id = ?',
      ),
    };
  }

  isRestricted(visitorId: number): boolean {
    return this.q.isRestricted.get(visitorId)!.n > 0;
  }

  /** Call inside the transaction that also notes the request it serves. */
  set(actorId: number, visitorId: number, restricted: boolean, requestId?: number): void {
    if (!this.q.visitor.get(visitorId)) {
      throw new AppError('NOT_FOUND', { fields: { visitorId: 'validation.personNotFound' } });
    }
    const at = this.now().toISOString();
    let parked = 0;
    let released = 0;
    if (restricted) {
      if (this.q.restrict.run(visitorId, at, actorId, requestId ?? null).changes === 0) return;
      parked = this.q.park.run(at, at, visitorId).changes;
    } else {
      if (this.q.lift.run(visitorId).changes === 0) return;
      released = this.q.release.run(at, at, visitorId).changes;
    }
    this.audit.record({
      actorId,
      action: restricted ? 'privacy.restrict' : 'privacy.liftRestriction',
      entity: 'visitor',
      entityId: visitorId,
      detail: { requestId: requestId ?? null, parked, released },
    });
  }
}
