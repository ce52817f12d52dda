import { currentContactConsent, currentNotice } from '../../../shared/domain/privacy-notice';
import { storedPriority, type PriorityReason } from '../../../shared/domain/priority';
import { formatQueueNumber } from '../../../shared/domain/queue';
import type { CheckIn, ReceptionStatus, VisitRow, VisitStatus } from '../../../shared/domain/visit';
import type { VisitorType } from '../../../shared/domain/visitor-types';
import { serviceDayOf, serviceMoment } from '../../../shared/time';
import type { AuditLog } from '../audit';
import type { Db } from '../db/open-database';
import { RetentionSettingsStore } from '../privacy/retention-settings';
import { AppError } from '../errors';
import { DuplicateVisitorCheck } from './duplicate-visitor';
import type { VisitorRow } from './visitors';

interface VisitJoinRow {
  id: number;
  queue_no: number;
  full_name: string;
  institution: string | null;
  visitor_type: VisitorType | null;
  purpose: string;
  status: VisitStatus;
  checked_in_at: string;
  called_at: string | null;
  checked_out_at: string | null;
  auto_closed: number;
  left_unserved: number;
  cancelled_at: string | null;
  priority_reason: PriorityReason | null;
  priority_note: string | null;
}

/** Closing a visit in one of these states means nobody served the visitor. */
const UNSERVED_STATES = `('waiting', 'called', 'no_show')`;

/** Visits closed per transaction by housekeeping: a few milliseconds at most. */
export const STALE_BATCH = 200;

/**
 * Parameters: the time, today's service day, the batch size. The subquery walks the partial
 * index of open visits (few at any time), never the visit history: without the hint SQLite's
 * planner, knowing nothing of the data, chose to scan the visits.
 */
export const AUTO_CLOSE_SQL = `UPDATE visit SET status = 'done', checked_out_at = ?, auto_closed = 1,
           left_unserved = status IN ${UNSERVED_STATES}
          WHERE id IN (SELECT id FROM visit INDEXED BY visit_open
                        WHERE status <> 'done' AND service_day < ? LIMIT ?)
          RETURNING id`;

export interface CheckInResult {
  visitId: number;
  visitorId: number;
  queueLabel: string;
  serviceDay: string;
  checkedInAt: string;
}

const VISIT_COLUMNS = `v.id, v.queue_no, v.full_name, v.institution, v.visitor_type, v.purpose,
  v.status, v.checked_in_at, v.called_at, v.checked_out_at, v.auto_closed, v.left_unserved,
  v.cancelled_at, v.priority_reason, v.priority_note`;

/** Fields of a returning visitor that a check-in may change; history goes to the audit trail. */
const UPDATABLE = ['full_name', 'phone', 'email', 'institution', 'visitor_type', 'lpse'] as const;

export class VisitService {
  private readonly q;
  private readonly duplicates;

  private readonly retention: RetentionSettingsStore;

  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    private readonly now: () => Date,
  ) {
    this.duplicates = new DuplicateVisitorCheck(db);
    this.retention = new RetentionSettingsStore(db, audit);
    this.q = {
      visitor: db.prepare<[number], VisitorRow>(
        'SELECT * FROM visitor WHERE id = ? AND anonymised_at IS NULL',
      ),
      insertVisitor: db.prepare<
        [string, string, string | null, string | null, string | null, string | null, string, string]
      >(
        `INSERT INTO visitor (full_name, phone, email, institution, visitor_type, lpse, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      updateVisitor: db.prepare<
        [string, string, string | null, string | null, string | null, string | null, string, number]
      >(
        `UPDATE visitor SET full_name = ?, phone = ?, email = ?, institution = ?, visitor_type = ?,
           lpse = ?, updated_at = ? WHERE id = ?`,
      ),
      nextQueueNo: db.prepare<[string], { n: number }>(
        'SELECT coalesce(max(queue_no), 0) + 1 AS n FROM visit WHERE service_day = ?',
      ),
      insertVisit: db.prepare<
        [
          {
            visitorId: number;
            serviceDay: string;
            queueNo: number;
            purpose: string;
            actorId: number;
            at: string;
            noticeVersion: string;
            noticeDelivery: string;
            contactConsentVersion: string | null;
            priorityReason: PriorityReason | null;
            priorityNote: string | null;
          },
        ]
      >(
        `INSERT INTO visit (visitor_id, service_day, queue_no, purpose, checked_in_by,
           checked_in_at, consent_version, consent_at, notice_version, notice_delivery, notice_at,
           contact_consent_version, contact_consent_at, priority_reason, priority_note,
           full_name, phone, email, institution, visitor_type, lpse)
         SELECT @visitorId, @serviceDay, @queueNo, @purpose, @actorId, @at, @noticeVersion, @at,
                @noticeVersion, @noticeDelivery, @at, @contactConsentVersion,
                CASE WHEN @contactConsentVersion IS NULL THEN NULL ELSE @at END,
                @priorityReason, @priorityNote,
                full_name, phone, email, institution, visitor_type, lpse
           FROM visitor WHERE id = @visitorId`,
      ),
      // Read-only on every poll: a visit left open on an earlier day reads as housekeeping will
      // leave it (closed automatically), whether or not housekeeping has run yet.
      listDay: db.prepare<[{ day: string; today: string }], VisitJoinRow>(
        `SELECT v.id, v.queue_no, v.full_name, v.institution, v.visitor_type, v.purpose,
                CASE WHEN v.service_day < @today THEN 'done' ELSE v.status END AS status,
                v.checked_in_at, v.called_at, v.checked_out_at,
                v.auto_closed OR (v.service_day < @today AND v.status <> 'done') AS auto_closed,
                v.left_unserved
                  OR (v.service_day < @today AND v.status IN ${UNSERVED_STATES}) AS left_unserved,
                v.cancelled_at, v.priority_reason, v.priority_note
           FROM visit v WHERE v.service_day = @day ORDER BY v.queue_no`,
      ),
      one: db.prepare<[number], VisitJoinRow>(
        `SELECT ${VISIT_COLUMNS} FROM visit v WHERE v.id = ?`,
      ),
      checkOut: db.prepare<[string, number]>(
        `UPDATE visit SET status = 'done', checked_out_at = ?,
           left_unserved = status IN ${UNSERVED_STATES} WHERE id = ? AND status <> 'done'`,
      ),
      autoClose: db.prepare<[string, string, number], { id: number }>(AUTO_CLOSE_SQL),
      event: db.prepare<[number, string, string, number | null]>(
        'INSERT INTO visit_event (visit_id, at, kind, actor_id) VALUES (?, ?, ?, ?)',
      ),
    };
  }

  today(): string {
    return serviceDayOf(this.now());
  }

  checkIn(actorId: number, input: CheckIn): CheckInResult {
    // The text on the desk follows the retention periods: a form opened before they changed
    // showed another text, so it is given again rather than recorded as this one.
    const given = currentNotice(this.retention.get()).version;
    if (input.noticeVersion !== given) throw new AppError('NOTICE_OUTDATED');
    const contactConsentVersion = input.contactConsent ? currentContactConsent().version : null;
    return this.db
      .transaction((): CheckInResult => {
        const { at, serviceDay } = serviceMoment(this.now());
        const visitorId =
          input.returningVisitorId === undefined
            ? this.createVisitor(actorId, input, at)
            : this.updateVisitor(actorId, input.returningVisitorId, input, at);
        const queueNo = this.q.nextQueueNo.get(serviceDay)!.n;
        const priority = storedPriority(input);
        const visitId = Number(
          this.q.insertVisit.run({
            visitorId,
            serviceDay,
            queueNo,
            purpose: input.purpose,
            actorId,
            at,
            noticeVersion: input.noticeVersion,
            noticeDelivery: input.noticeDelivery,
            contactConsentVersion,
            priorityReason: priority.reason,
            priorityNote: priority.note,
          }).lastInsertRowid,
        );
        const queueLabel = formatQueueNumber(queueNo);
        this.q.event.run(visitId, at, 'checked_in', actorId);
        this.audit.record({
          actorId,
          action: 'visit.checkIn',
          entity: 'visit',
          entityId: visitId,
          detail: {
            visitorId,
            queueLabel,
            noticeVersion: input.noticeVersion,
            noticeDelivery: input.noticeDelivery,
            contactConsent: contactConsentVersion !== null,
            ...(priority.reason && { priorityReason: priority.reason }),
          },
        });
        return { visitId, visitorId, queueLabel, serviceDay, checkedInAt: at };
      })
      .immediate();
  }

  private createVisitor(actorId: number, input: CheckIn, at: string): number {
    const id = Number(
      this.q.insertVisitor.run(
        input.fullName,
        input.phone as string, // the schema requires a phone for a new visitor
        input.email ?? null,
        input.institution ?? null,
        input.visitorType || null,
        input.lpse ?? null,
        at,
        at,
      ).lastInsertRowid,
    );
    this.audit.record({ actorId, action: 'visitor.create', entity: 'visitor', entityId: id });
    return id;
  }

  private updateVisitor(actorId: number, id: number, input: CheckIn, at: string): number {
    const before = this.q.visitor.get(id);
    if (!before)
      throw new AppError('NOT_FOUND', { fields: { returningVisitorId: 'validation.invalid' } });
    // Contact details are shown masked, so an empty phone or email means "keep what is on file".
    const after: VisitorRow = {
      ...before,
      full_name: input.fullName,
      phone: input.phone || before.phone,
      email: input.email ?? before.email,
      institution: input.institution ?? null,
      visitor_type: input.visitorType || null,
      lpse: input.lpse ?? null,
    };
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const field of UPDATABLE) {
      if (before[field] !== after[field])
        changes[field] = { from: before[field], to: after[field] };
    }
    if (changes.full_name || changes.phone) {
      this.duplicates.assertUnique(after.full_name, after.phone, id);
    }
    if (Object.keys(changes).length > 0) {
      this.q.updateVisitor.run(
        after.full_name,
        after.phone,
        after.email,
        after.institution,
        after.visitor_type,
        after.lpse,
        at,
        id,
      );
      this.audit.record({
        actorId,
        action: 'visitor.update',
        entity: 'visitor',
        entityId: id,
        detail: { changes },
      });
    }
    return id;
  }

  listForDay(day: string): VisitRow[] {
    return this.q.listDay.all({ day, today: this.today() }).map(toVisitRow);
  }

  checkOut(actorId: number, visitId: number): VisitRow {
    return this.db
      .transaction(() => {
        const visit = this.q.one.get(visitId);
        if (!visit) throw new AppError('NOT_FOUND');
        if (visit.status === 'done') throw new AppError('VISIT_ALREADY_CLOSED');
        const at = this.now().toISOString();
        this.q.checkOut.run(at, visitId);
        this.q.event.run(visitId, at, 'checked_out', actorId);
        const row = toVisitRow(this.q.one.get(visitId)!);
        this.audit.record({
          actorId,
          action: 'visit.checkOut',
          entity: 'visit',
          entityId: visitId,
          detail: { outcome: row.status === 'left_unserved' ? 'left_unserved' : 'served' },
        });
        return row;
      })
      .immediate();
  }

  /** Visits still open from an earlier service day are closed and flagged; returns how many. */
  closeStaleVisits(): number {
    let total = 0;
    for (;;) {
      const n = this.closeStaleBatch(STALE_BATCH);
      total += n;
      if (n < STALE_BATCH) return total;
    }
  }

  /**
   * At most `limit` of them in one short transaction, so that housekeeping can yield to the
   * requests between batches (privacy/housekeeping.ts).
   */
  closeStaleBatch(limit: number): number {
    return this.db
      .transaction(() => {
        const at = this.now().toISOString();
        const closed = this.q.autoClose.all(at, this.today(), limit);
        for (const { id } of closed) {
          this.q.event.run(id, at, 'auto_closed', null);
          this.audit.record({
            actorId: null,
            action: 'visit.autoClose',
            entity: 'visit',
            entityId: id,
          });
        }
        return closed.length;
      })
      .immediate();
  }
}

function toVisitRow(r: VisitJoinRow): VisitRow {
  return {
    visitId: r.id,
    queueLabel: formatQueueNumber(r.queue_no),
    fullName: r.full_name,
    institution: r.institution,
    visitorType: r.visitor_type,
    purpose: r.purpose,
    status: receptionStatus(r),
    checkedInAt: r.checked_in_at,
    calledAt: r.called_at,
    checkedOutAt: r.checked_out_at,
    autoClosed: r.auto_closed === 1,
    priority: r.priority_reason ? { reason: r.priority_reason, note: r.priority_note } : null,
  };
}

function receptionStatus(r: VisitJoinRow): ReceptionStatus {
  if (r.cancelled_at !== null) return 'cancelled';
  return r.status === 'done' && r.left_unserved === 1 ? 'left_unserved' : r.status;
}
