import { DEFAULT_RETENTION_YEARS, type RetentionSettings } from '../../../shared/domain/retention';
import { serviceMoment } from '../../../shared/time';
import type { AuditLog } from '../audit';
import type { Db } from '../db/open-database';
import { ANONYMISED_MARKER, type Purpose } from './personal-data';
import type { ReleasedFiles } from './released-files';
import { PersonalDataWiper } from './wipe';

export { DEFAULT_RETENTION_YEARS };
export const ANONYMISED_NAME = ANONYMISED_MARKER;

/** The service day `years` before `day` (YYYY-MM-DD): visits before it are past retention. */
export function retentionCutoff(day: string, years: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const cutoff = new Date(Date.UTC(y - years, m - 1, d));
  return cutoff.toISOString().slice(0, 10);
}

/** The instant a WIB service day begins (WIB is UTC+7 all year), as stored times are written. */
export function wibDayStart(day: string): string {
  return new Date(`${day}T00:00:00+07:00`).toISOString();
}

/**
 * Visitors anonymised per transaction. Each one's search terms are removed from the index pages
 * (secure-delete, migration 15), which costs ~9x a marked delete: 10 keep a batch near the 20 ms
 * stall target on a quiet machine (bench/retention-wipe.ts, bench/housekeeping-stall.ts).
 */
export const RETENTION_BATCH = 10;

/**
 * Parameters: the cut-off day, the batch size. Walks the index of last visit days from the
 * oldest: only visitors past the cut-off are read, and anonymised ones have left it.
 */
export const RETENTION_EXPIRED_SQL = `SELECT visitor_id AS id FROM visitor_recency
  WHERE last_day < ? ORDER BY last_day LIMIT ?`;

/** Parameters: the cut-off day, the batch size. Purged visits have left the partial index. */
export const VISITS_EXPIRED_SQL = `SELECT id FROM visit
  WHERE purged_at IS NULL AND service_day < ? ORDER BY service_day LIMIT ?`;

/** A case's end: closed after the helpdesk, or solved on the spot; an abandoned draft's start. */
const CASE_END = 'coalesce(finished_at, closed_at, created_at)';
const NOT_AT_HELPDESK = "status NOT IN ('escalated', 'backend_resolved')";

/** Parameters: the cut-off time (ISO), the batch size. The condition is the index's, word for word. */
export const CASES_EXPIRED_SQL = `SELECT id FROM problem_case
  WHERE purged_at IS NULL AND ${NOT_AT_HELPDESK} AND ${CASE_END} < ?
  ORDER BY ${CASE_END} LIMIT ?`;
export const DOCUMENTS_EXPIRED_SQL = `SELECT id FROM problem_case
  WHERE documents_purged_at IS NULL AND ${NOT_AT_HELPDESK} AND ${CASE_END} < ?
  ORDER BY ${CASE_END} LIMIT ?`;

/** One kind of batch housekeeping runs until it reads fewer rows than its size. */
export interface PurgeStep {
  purpose: Purpose | 'files';
  batch(limit: number): number;
}

const FIXED_TWO_YEARS: Pick<{ get(): RetentionSettings }, 'get'> = {
  get: () => ({
    guestBookYears: DEFAULT_RETENTION_YEARS,
    casesYears: DEFAULT_RETENTION_YEARS,
    documentsYears: DEFAULT_RETENTION_YEARS,
  }),
};

/**
 * Retention per purpose, counted per visit and per case (issue 14): the guest book's visits by
 * their day, the visitor's own row by their last visit, cases and their documents from the
 * case's end. Every field the catalogue names (personal-data.ts) is wiped; counts, categories and
 * times stay, so the statistics do not change.
 */
export class RetentionJob {
  private readonly q;
  private readonly wipe;

  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    private readonly now: () => Date,
    private readonly settings: { get(): RetentionSettings } = FIXED_TWO_YEARS,
    private readonly files: Pick<ReleasedFiles, 'removeNow' | 'sweepBatch'> | null = null,
  ) {
    this.wipe = new PersonalDataWiper(db);
    this.q = {
      expired: db.prepare<[string, number], { id: number }>(RETENTION_EXPIRED_SQL),
      visits: db.prepare<[string, number], { id: number }>(VISITS_EXPIRED_SQL),
      cases: db.prepare<[string, number], { id: number }>(CASES_EXPIRED_SQL),
      documents: db.prepare<[string, number], { id: number }>(DOCUMENTS_EXPIRED_SQL),
    };
  }

  /** The whole visitor step at once; returns how many visitors were anonymised. */
  run(years?: number): number {
    let total = 0;
    for (;;) {
      const n = this.runBatch(RETENTION_BATCH, years);
      total += n;
      if (n < RETENTION_BATCH) return total;
    }
  }

  /**
   * At most `limit` visitors whose last visit is past the guest book's period, in one short
   * transaction with its own audit entry, so that housekeeping can yield in between
   * (privacy/housekeeping.ts). Their visits are all past it too, and go with them.
   */
  runBatch(limit: number, years?: number): number {
    const { at, cutoff } = this.cutoffDay(years ?? this.settings.get().guestBookYears);
    return this.db
      .transaction(() => {
        const ids = this.q.expired.all(cutoff, limit).map((r) => r.id);
        this.wipe.visitsOfVisitors(ids, ANONYMISED_MARKER, at);
        this.wipe.visitors(ids, ANONYMISED_MARKER, at);
        if (ids.length > 0) {
          this.audit.record({
            actorId: null,
            action: 'retention.anonymise',
            entity: 'visitor',
            detail: { count: ids.length, cutoff },
          });
        }
        return ids.length;
      })
      .immediate();
  }

  /** The batches housekeeping runs after the visitors: visits, cases, documents, their files. */
  steps(): PurgeStep[] {
    const steps: PurgeStep[] = [
      { purpose: 'guestBook', batch: (limit) => this.visitsBatch(limit) },
      { purpose: 'cases', batch: (limit) => this.casesBatch(limit) },
      { purpose: 'documents', batch: (limit) => this.documentsBatch(limit) },
    ];
    const files = this.files;
    if (files) steps.push({ purpose: 'files', batch: (limit) => files.sweepBatch(limit) });
    return steps;
  }

  /** Visits past the guest book's period, each by its own day. */
  visitsBatch(limit: number): number {
    const { at, cutoff } = this.cutoffDay(this.settings.get().guestBookYears);
    return this.db
      .transaction(() => {
        const ids = this.q.visits.all(cutoff, limit).map((r) => r.id);
        this.wipe.visits(ids, ANONYMISED_MARKER, at);
        this.record('guestBook', ids.length, cutoff);
        return ids.length;
      })
      .immediate();
  }

  /** Cases past the cases' period, from their end; notes redacted on record. */
  casesBatch(limit: number): number {
    const { at, cutoff, cutoffAt } = this.cutoffDay(this.settings.get().casesYears);
    return this.db
      .transaction(() => {
        const ids = this.q.cases.all(cutoffAt, limit).map((r) => r.id);
        this.wipe.cases(ids, ANONYMISED_MARKER, at, { actorId: null, reason: 'retention' });
        this.record('cases', ids.length, cutoff);
        return ids.length;
      })
      .immediate();
  }

  /** Documents of cases past the documents' period: the rows, then the files on disk. */
  documentsBatch(limit: number): number {
    const { at, cutoff, cutoffAt } = this.cutoffDay(this.settings.get().documentsYears);
    const { count, files } = this.db
      .transaction(() => {
        const ids = this.q.documents.all(cutoffAt, limit).map((r) => r.id);
        const released = this.wipe.documents(ids, at);
        this.record('documents', ids.length, cutoff);
        return { count: ids.length, files: released };
      })
      .immediate();
    this.files?.removeNow(files);
    return count;
  }

  private record(purpose: Purpose, count: number, cutoff: string): void {
    if (count === 0) return;
    this.audit.record({
      actorId: null,
      action: 'retention.purge',
      entity: purpose === 'guestBook' ? 'visit' : 'case',
      detail: { purpose, count, cutoff },
    });
  }

  /** The cut-off is a service day, so it is taken from the WIB day, not the UTC date. */
  private cutoffDay(years: number): { at: string; cutoff: string; cutoffAt: string } {
    const { at, serviceDay } = serviceMoment(this.now());
    const cutoff = retentionCutoff(serviceDay, years);
    return { at, cutoff, cutoffAt: wibDayStart(cutoff) };
  }
}
