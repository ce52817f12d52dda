import { serviceMoment } from '../../../shared/time';
import type { AuditLog } from '../audit';
import type { Db } from '../db/open-database';

/** The retention period promised in the consent statement (shared/domain/consent.ts). */
export const DEFAULT_RETENTION_YEARS = 2;
export const ANONYMISED_NAME = '(dianonimkan)';

/** The service day `years` before `day` (YYYY-MM-DD): visits before it are past retention. */
export function retentionCutoff(day: string, years: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const cutoff = new Date(Date.UTC(y - years, m - 1, d));
  return cutoff.toISOString().slice(0, 10);
}

/** Visitors anonymised per transaction: a few milliseconds each (bench/housekeeping-stall.ts). */
export const RETENTION_BATCH = 50;

/**
 * Parameters: the cut-off day, the batch size. Walks the index of last visit days from the
 * oldest: only visitors past the cut-off are read, and anonymised ones have left it.
 */
export const RETENTION_EXPIRED_SQL = `SELECT visitor_id AS id FROM visitor_recency
  WHERE last_day < ? ORDER BY last_day LIMIT ?`;

/**
 * Anonymises visitors whose last visit is older than the retention period: their contact details
 * leave the guest book, the visits' snapshots, the cases' reporter fields and the audit trail's
 * change history. Counts and categories stay, so statistics survive.
 */
export class RetentionJob {
  private readonly q;

  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    private readonly now: () => Date,
  ) {
    this.q = {
      expired: db.prepare<[string, number], { id: number }>(RETENTION_EXPIRED_SQL),
      visitor: db.prepare<[string, string, string, number]>(
        `UPDATE visitor SET full_name = ?, phone = '', email = NULL, institution = NULL, lpse = NULL,
           anonymised_at = ?, updated_at = ? WHERE id = ?`,
      ),
      visits: db.prepare<[string, number]>(
        `UPDATE visit SET full_name = ?, phone = '', email = NULL, institution = NULL, lpse = NULL
          WHERE visitor_id = ?`,
      ),
      cases: db.prepare<[string, number]>(
        `UPDATE problem_case SET reporter_name = ?, reporter_phone = '', reporter_email = NULL,
           reporter_institution = NULL WHERE visit_id IN (SELECT id FROM visit WHERE visitor_id = ?)`,
      ),
      redactAudit: db.prepare<[string]>(
        `UPDATE audit SET detail = '{"redacted":true}'
          WHERE entity = 'visitor' AND entity_id = ? AND detail IS NOT NULL`,
      ),
    };
  }

  /** The whole job at once; returns how many visitors were anonymised. */
  run(years = DEFAULT_RETENTION_YEARS): number {
    let total = 0;
    for (;;) {
      const n = this.runBatch(RETENTION_BATCH, years);
      total += n;
      if (n < RETENTION_BATCH) return total;
    }
  }

  /**
   * At most `limit` visitors in one short transaction, each batch with its own audit entry, so
   * that housekeeping can yield to the requests in between (privacy/housekeeping.ts).
   */
  runBatch(limit: number, years = DEFAULT_RETENTION_YEARS): number {
    // The cut-off is a service day, so it is taken from the WIB day, not the UTC date.
    const { at: nowIso, serviceDay } = serviceMoment(this.now());
    const cutoff = retentionCutoff(serviceDay, years);
    return this.db
      .transaction(() => {
        const expired = this.q.expired.all(cutoff, limit);
        for (const { id } of expired) {
          this.q.visitor.run(ANONYMISED_NAME, nowIso, nowIso, id);
          this.q.visits.run(ANONYMISED_NAME, id);
          this.q.cases.run(ANONYMISED_NAME, id);
          this.q.redactAudit.run(String(id));
        }
        if (expired.length > 0) {
          this.audit.record({
            actorId: null,
            action: 'retention.anonymise',
            entity: 'visitor',
            detail: { count: expired.length, cutoff },
          });
        }
        return expired.length;
      })
      .immediate();
  }
}
