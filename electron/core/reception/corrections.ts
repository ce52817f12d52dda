import { formatQueueNumber } from '../../../shared/domain/queue';
import type { VisitDetails } from '../../../shared/domain/records';
import type { ReceptionStatus, VisitStatus } from '../../../shared/domain/visit';
import type { VisitorType } from '../../../shared/domain/visitor-types';
import type { AuditLog } from '../audit';
import type { Db } from '../db/open-database';
import { AppError } from '../errors';
import { DuplicateVisitorCheck } from './duplicate-visitor';

/** A person's details as a check-in records them; null clears an optional one. */
export interface PersonDetails {
  fullName: string;
  phone: string;
  email: string | null;
  institution: string | null;
  visitorType: VisitorType | null;
  lpse: string | null;
}
/** What a correction changes: a field left out keeps its value. */
export type PersonChanges = Partial<PersonDetails>;

type Changes = Record<string, { from: unknown; to: unknown }>;

const FIELDS = {
  fullName: 'full_name',
  phone: 'phone',
  email: 'email',
  institution: 'institution',
  visitorType: 'visitor_type',
  lpse: 'lpse',
} as const;
type Field = keyof typeof FIELDS;
const FIELD_NAMES = Object.keys(FIELDS) as Field[];
/** The reporter snapshot a case took of its visit's details (the case's own LPSE is the form's). */
const CASE_FIELDS: Partial<Record<Field, string>> = {
  fullName: 'reporter_name',
  phone: 'reporter_phone',
  email: 'reporter_email',
  institution: 'reporter_institution',
  visitorType: 'reporter_type',
};

interface PersonRow {
  full_name: string;
  phone: string;
  email: string | null;
  institution: string | null;
  visitor_type: VisitorType | null;
  lpse: string | null;
}
interface VisitRow extends PersonRow {
  id: number;
  visitor_id: number;
  service_day: string;
  queue_no: number;
  status: VisitStatus;
  left_unserved: number;
  called_at: string | null;
  cancelled_at: string | null;
  cancel_reason: string | null;
  cases: number;
}
interface CaseSnapshot {
  id: number;
  case_code: string;
  reporter_name: string;
  reporter_phone: string;
  reporter_email: string | null;
  reporter_institution: string | null;
  reporter_type: string | null;
}

const toPerson = (r: PersonRow): PersonDetails => ({
  fullName: r.full_name,
  phone: r.phone,
  email: r.email,
  institution: r.institution,
  visitorType: r.visitor_type,
  lpse: r.lpse,
});

function diff(before: PersonDetails, changes: PersonChanges): Changes {
  const out: Changes = {};
  for (const f of FIELD_NAMES) {
    const to = changes[f];
    if (to !== undefined && to !== before[f]) out[f] = { from: before[f], to };
  }
  return out;
}

/**
 * Corrections of what reception recorded, each audited with before and after: a check-in typed
 * wrong, a person's details everywhere they were copied (the visitor's request under UU PDP),
 * and a check-in made by mistake, cancelled but never deleted.
 */
export class Corrections {
  private readonly q;
  private readonly duplicates;

  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    private readonly now: () => Date,
  ) {
    this.duplicates = new DuplicateVisitorCheck(db);
    this.q = {
      visit: db.prepare<[number], VisitRow>(
        `SELECT v.id, v.visitor_id, v.service_day, v.queue_no, v.status, v.left_unserved,
                v.called_at, v.cancelled_at, v.cancel_reason, v.full_name, v.phone, v.email,
                v.institution, v.visitor_type, v.lpse,
                (SELECT count(*) FROM problem_case c WHERE c.visit_id = v.id) AS cases
           FROM visit v WHERE v.id = ?`,
      ),
      visitsOf: db.prepare<[number], { id: number } & PersonRow>(
        `SELECT id, full_name, phone, email, institution, visitor_type, lpse
           FROM visit WHERE visitor_id = ? ORDER BY service_day, id`,
      ),
      visitor: db.prepare<[number], PersonRow>(
        `SELECT full_name, phone, email, institution, visitor_type, lpse
           FROM visitor WHERE id = ? AND anonymised_at IS NULL`,
      ),
      casesOf: db.prepare<[number], CaseSnapshot>(
        `SELECT id, case_code, reporter_name, reporter_phone, reporter_email,
                reporter_institution, reporter_type
           FROM problem_case WHERE visit_id = ? ORDER BY id`,
      ),
      cancel: db.prepare<[string, number, string, number]>(
        `UPDATE visit SET cancelled_at = ?, cancelled_by = ?, cancel_reason = ?, status = 'done',
                left_unserved = 1 WHERE id = ? AND cancelled_at IS NULL`,
      ),
    };
  }

  details(visitId: number): VisitDetails {
    const v = this.q.visit.get(visitId);
    if (!v) throw new AppError('NOT_FOUND');
    return {
      visitId: v.id,
      visitorId: v.visitor_id,
      serviceDay: v.service_day,
      queueLabel: formatQueueNumber(v.queue_no),
      ...toPerson(v),
      status: statusOf(v),
      cancelledAt: v.cancelled_at,
      cancelReason: v.cancel_reason,
      cancellable: cancellable(v),
    };
  }

  /**
   * A check-in typed wrong: this visit's details, the reporter on its cases, and the visitor's
   * current details where they still are what this check-in wrote (a later visit's newer
   * details are kept). Earlier visits keep what was recorded at them.
   */
  correctCheckIn(actorId: number, visitId: number, changes: PersonChanges): VisitDetails {
    return this.db
      .transaction(() => {
        const v = this.q.visit.get(visitId);
        if (!v) throw new AppError('NOT_FOUND');
        if (v.cancelled_at !== null) throw new AppError('VISIT_CANCELLED');
        const before = toPerson(v);
        const changed = diff(before, changes);
        if (Object.keys(changed).length === 0) return this.details(visitId);
        const after = { ...before, ...definedOnly(changes) };
        this.duplicates.assertUnique(after.fullName, after.phone, v.visitor_id);
        this.writeVisit(actorId, visitId, changed);
        const visitor = this.q.visitor.get(v.visitor_id);
        if (visitor) {
          const current = toPerson(visitor);
          const carried: PersonChanges = {};
          for (const f of Object.keys(changed) as Field[]) {
            if (current[f] === before[f]) Object.assign(carried, { [f]: after[f] });
          }
          this.writeVisitor(actorId, v.visitor_id, diff(current, carried), { visitId });
        }
        return this.details(visitId);
      })
      .immediate();
  }

  /**
   * A person's details corrected everywhere Loket copied them: the visitor, and the snapshot on
   * every past visit and every case's reporter, each audited with its before and after.
   */
  correctVisitor(
    actorId: number,
    visitorId: number,
    changes: PersonChanges,
    why?: Record<string, unknown>,
  ): { visits: number; cases: number } {
    return this.db
      .transaction(() => {
        const visitor = this.q.visitor.get(visitorId);
        if (!visitor) throw new AppError('NOT_FOUND');
        const current = toPerson(visitor);
        const after = { ...current, ...definedOnly(changes) };
        this.duplicates.assertUnique(after.fullName, after.phone, visitorId);
        this.writeVisitor(actorId, visitorId, diff(current, changes), why ?? {});
        let visits = 0;
        let cases = 0;
        for (const row of this.q.visitsOf.all(visitorId)) {
          const changed = diff(toPerson(row), changes);
          if (Object.keys(changed).length === 0) continue;
          visits++;
          cases += this.writeVisit(actorId, row.id, changed, why);
        }
        return { visits, cases };
      })
      .immediate();
  }

  /** A check-in made by mistake: marked cancelled and closed, kept, and left out of counts. */
  cancelCheckIn(actorId: number, visitId: number, reason: string): VisitDetails {
    return this.db
      .transaction(() => {
        const v = this.q.visit.get(visitId);
        if (!v) throw new AppError('NOT_FOUND');
        if (v.cancelled_at !== null) throw new AppError('VISIT_CANCELLED');
        if (!cancellable(v)) throw new AppError('VISIT_NOT_CANCELLABLE');
        this.q.cancel.run(this.now().toISOString(), actorId, reason, visitId);
        this.audit.record({
          actorId,
          action: 'visit.cancel',
          entity: 'visit',
          entityId: visitId,
          detail: {
            reason,
            changes: { status: { from: statusOf(v), to: 'cancelled' } },
          },
        });
        return this.details(visitId);
      })
      .immediate();
  }

  /** Returns how many of the visit's cases took the change. */
  private writeVisit(
    actorId: number,
    visitId: number,
    changed: Changes,
    why?: Record<string, unknown>,
  ): number {
    const fields = Object.keys(changed) as Field[];
    this.db
      .prepare(`UPDATE visit SET ${fields.map((f) => `${FIELDS[f]} = ?`).join(', ')} WHERE id = ?`)
      .run(...fields.map((f) => changed[f]!.to), visitId);
    this.audit.record({
      actorId,
      action: 'visit.correct',
      entity: 'visit',
      entityId: visitId,
      detail: { changes: changed, ...why },
    });
    const caseFields = fields.filter((f) => CASE_FIELDS[f] !== undefined);
    if (caseFields.length === 0) return 0;
    const cases = this.q.casesOf.all(visitId);
    for (const c of cases) {
      const caseChanges: Changes = {};
      for (const f of caseFields) {
        const column = CASE_FIELDS[f]!;
        const from = c[column as keyof CaseSnapshot];
        if (from !== changed[f]!.to) caseChanges[column] = { from, to: changed[f]!.to };
      }
      const columns = Object.keys(caseChanges);
      if (columns.length === 0) continue;
      this.db
        .prepare(
          `UPDATE problem_case SET ${columns.map((k) => `${k} = ?`).join(', ')} WHERE id = ?`,
        )
        .run(...columns.map((k) => caseChanges[k]!.to), c.id);
      this.audit.record({
        actorId,
        action: 'case.correct',
        entity: 'case',
        entityId: c.case_code,
        detail: { changes: caseChanges, visitId, ...why },
      });
    }
    return cases.length;
  }

  private writeVisitor(
    actorId: number,
    visitorId: number,
    changed: Changes,
    why: Record<string, unknown>,
  ): void {
    const fields = Object.keys(changed) as Field[];
    if (fields.length === 0) return;
    this.db
      .prepare(
        `UPDATE visitor SET ${fields.map((f) => `${FIELDS[f]} = ?`).join(', ')}, updated_at = ?
          WHERE id = ?`,
      )
      .run(...fields.map((f) => changed[f]!.to), this.now().toISOString(), visitorId);
    this.audit.record({
      actorId,
      action: 'visitor.correct',
      entity: 'visitor',
      entityId: visitorId,
      detail: { changes: changed, ...why },
    });
  }
}

function definedOnly(changes: PersonChanges): PersonChanges {
  return Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
}

function statusOf(v: Pick<VisitRow, 'status' | 'left_unserved' | 'cancelled_at'>): ReceptionStatus {
  if (v.cancelled_at !== null) return 'cancelled';
  return v.status === 'done' && v.left_unserved === 1 ? 'left_unserved' : v.status;
}

/** Never called and no case: nobody served the visitor, so nothing is lost by cancelling. */
function cancellable(v: VisitRow): boolean {
  return (
    v.cancelled_at === null &&
    v.called_at === null &&
    v.cases === 0 &&
    (v.status === 'waiting' || (v.status === 'done' && v.left_unserved === 1))
  );
}
