import type { PriorityReason } from '../../../shared/domain/priority';
import { formatQueueNumber } from '../../../shared/domain/queue';
import type { QueueVisit, VisitStatus } from '../../../shared/domain/visit';
import type { VisitorType } from '../../../shared/domain/visitor-types';
import type { AuditLog } from '../audit';
import type { Db } from '../db/open-database';
import { AppError } from '../errors';
import { offerWindow } from '../survey/survey-expiry';

interface Row {
  id: number;
  queue_no: number;
  full_name: string;
  institution: string | null;
  visitor_type: VisitorType | null;
  purpose: string;
  status: VisitStatus;
  checked_in_at: string;
  called_at: string | null;
  officer_id: number | null;
  survey_ready_at: string | null;
  priority_reason: PriorityReason | null;
  priority_note: string | null;
}

type Transition = 'start' | 'noShow' | 'returnToQueue' | 'end';

/**
 * Which state each officer action leaves from and goes to, and the event it records. A visitor
 * being served belongs to the officer who called them; a no-show who comes back may be put in
 * the queue again by whoever is at the desk.
 */
const TRANSITIONS: Record<
  Transition,
  {
    from: readonly VisitStatus[];
    to: VisitStatus;
    event: string;
    ownerOnly: readonly VisitStatus[];
  }
> = {
  start: { from: ['called'], to: 'in_consultation', event: 'started', ownerOnly: ['called'] },
  noShow: { from: ['called'], to: 'no_show', event: 'no_show', ownerOnly: ['called'] },
  returnToQueue: {
    from: ['called', 'no_show'],
    to: 'waiting',
    event: 'returned',
    ownerOnly: ['called'],
  },
  end: { from: ['in_consultation'], to: 'done', event: 'ended', ownerOnly: ['in_consultation'] },
};

const COLUMNS = `id, queue_no, full_name, institution, visitor_type, purpose, status, checked_in_at,
  called_at, officer_id, survey_ready_at, priority_reason, priority_note`;

/**
 * Picks and claims the next visitor in one statement: two officers calling at the same moment
 * are serialised by the write lock and can never get the same visitor. Priority visitors first,
 * then first in, first out; the order is the visit_waiting_order index's, so nothing is sorted.
 */
export const CALL_NEXT_SQL = `UPDATE visit SET status = 'called', officer_id = @officerId,
                called_at = coalesce(called_at, @at)
          WHERE id = (SELECT id FROM visit INDEXED BY visit_waiting_order
                       WHERE status = 'waiting' AND service_day = @day
                         AND at_reception_since IS NULL
                       ORDER BY priority_reason IS NULL, queue_no LIMIT 1)
          RETURNING id`;

/**
 * The consultation room's queue: first in, first out by queue number. Every change of state is
 * a timed visit_event, so waiting and service times are computed from events, never typed.
 */
export class OfficerQueue {
  private readonly q;

  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    private readonly now: () => Date,
  ) {
    this.q = {
      // In the order they will be called: waiting priority visitors on top.
      byDayStatus: db.prepare<[string], Row>(
        `SELECT ${COLUMNS} FROM visit WHERE service_day = ? AND status IN ('waiting', 'no_show')
            AND at_reception_since IS NULL
          ORDER BY status = 'waiting' AND priority_reason IS NOT NULL DESC, queue_no`,
      ),
      // Today's only: an earlier day's visit still open is closed by housekeeping, never served.
      mine: db.prepare<[number, string], Row>(
        `SELECT ${COLUMNS} FROM visit WHERE officer_id = ? AND service_day = ?
            AND status IN ('called', 'in_consultation')
          ORDER BY called_at`,
      ),
      calledBy: db.prepare<[number, string], Row>(
        `SELECT ${COLUMNS} FROM visit WHERE officer_id = ? AND service_day = ? AND status = 'called'
          ORDER BY called_at LIMIT 1`,
      ),
      one: db.prepare<[number], Row>(`SELECT ${COLUMNS} FROM visit WHERE id = ?`),
      callNext: db.prepare<[{ officerId: number; at: string; day: string }], { id: number }>(
        CALL_NEXT_SQL,
      ),
      setStatus: db.prepare<[string, number | null, number]>(
        'UPDATE visit SET status = ?, officer_id = ? WHERE id = ?',
      ),
      setOfficer: db.prepare<[number, number]>('UPDATE visit SET officer_id = ? WHERE id = ?'),
      endVisit: db.prepare<[string, number]>(
        `UPDATE visit SET status = 'done', checked_out_at = ? WHERE id = ?`,
      ),
      // A second hand-over keeps the survey's place in the line; one of an expired survey
      // (not offered any more) starts it again at the back.
      surveyReady: db.prepare<[string, string, string, number]>(
        `UPDATE visit SET survey_ready_at = CASE
           WHEN survey_ready_at > ? AND survey_ready_at >= ? THEN survey_ready_at ELSE ? END
         WHERE id = ?`,
      ),
      event: db.prepare<[number, string, string, number]>(
        'INSERT INTO visit_event (visit_id, at, kind, actor_id) VALUES (?, ?, ?, ?)',
      ),
    };
  }

  /** Waiting visitors (and today's no-shows, who may come back) in queue order. */
  waiting(day: string): QueueVisit[] {
    return this.q.byDayStatus.all(day).map(toQueueVisit);
  }

  /** The officer's called and in-consultation visitors of the day. */
  mine(officerId: number, day: string): QueueVisit[] {
    return this.q.mine.all(officerId, day).map(toQueueVisit);
  }

  get(visitId: number): QueueVisit {
    const row = this.q.one.get(visitId);
    if (!row) throw new AppError('NOT_FOUND');
    return toQueueVisit(row);
  }

  /**
   * Calls the next waiting visitor of the day (priority first, then the oldest); null when
   * nobody is waiting. An officer whose called visitor has not come yet gets that visitor back:
   * a double click or a retried request never calls a second one. (Visitors already in consultation do not block the next call: an
   * officer may keep one open while the next walks up.)
   */
  callNext(officerId: number, day: string): QueueVisit | null {
    return this.db
      .transaction(() => {
        const current = this.q.calledBy.get(officerId, day);
        if (current) return toQueueVisit(current);
        const at = this.now().toISOString();
        const claimed = this.q.callNext.get({ officerId, at, day });
        if (!claimed) return null;
        this.q.event.run(claimed.id, at, 'called', officerId);
        this.audit.record({
          actorId: officerId,
          action: 'visit.call',
          entity: 'visit',
          entityId: claimed.id,
        });
        return this.get(claimed.id);
      })
      .immediate();
  }

  move(officerId: number, visitId: number, transition: Transition): QueueVisit {
    const rule = TRANSITIONS[transition];
    return this.db
      .transaction(() => {
        const visit = this.get(visitId);
        if (!rule.from.includes(visit.status)) throw new AppError('VISIT_STATE_CHANGED');
        if (rule.ownerOnly.includes(visit.status)) assertOwner(visit, officerId);
        const at = this.now().toISOString();
        if (transition === 'end') this.q.endVisit.run(at, visitId);
        else this.q.setStatus.run(rule.to, rule.to === 'waiting' ? null : officerId, visitId);
        this.q.event.run(visitId, at, rule.event, officerId);
        this.audit.record({
          actorId: officerId,
          action: `visit.${transition}`,
          entity: 'visit',
          entityId: visitId,
        });
        return this.get(visitId);
      })
      .immediate();
  }

  /** The visit is ready for its satisfaction survey (the survey screen picks it up). */
  markSurveyReady(officerId: number, visitId: number): QueueVisit {
    return this.db
      .transaction(() => {
        const visit = this.get(visitId);
        if (visit.status !== 'in_consultation' && visit.status !== 'done') {
          throw new AppError('VISIT_STATE_CHANGED');
        }
        assertOwner(visit, officerId);
        const now = this.now();
        const at = now.toISOString();
        const offered = offerWindow(now);
        this.q.surveyReady.run(offered.after, offered.dayStart, at, visitId);
        this.q.event.run(visitId, at, 'survey_ready', officerId);
        this.audit.record({
          actorId: officerId,
          action: 'visit.surveyReady',
          entity: 'visit',
          entityId: visitId,
        });
        return this.get(visitId);
      })
      .immediate();
  }

  /**
   * A supervisor takes over a visitor another officer called or is serving (that officer went
   * home, fell ill): the visit becomes the supervisor's, and the trail says from whom.
   */
  takeOver(supervisorId: number, visitId: number): QueueVisit {
    return this.db
      .transaction(() => {
        const visit = this.get(visitId);
        if (visit.status !== 'called' && visit.status !== 'in_consultation') {
          throw new AppError('VISIT_STATE_CHANGED');
        }
        if (visit.officerId === supervisorId) return visit;
        this.q.setOfficer.run(supervisorId, visitId);
        this.audit.record({
          actorId: supervisorId,
          action: 'visit.takeOver',
          entity: 'visit',
          entityId: visitId,
          detail: { fromOfficerId: visit.officerId },
        });
        return this.get(visitId);
      })
      .immediate();
  }

  /** Refuses an action on a visit another officer is serving. */
  assertServedBy(officerId: number, visitId: number): void {
    assertOwner(this.get(visitId), officerId);
  }
}

function assertOwner(visit: QueueVisit, officerId: number): void {
  if (visit.officerId !== officerId) throw new AppError('VISIT_NOT_YOURS');
}

function toQueueVisit(r: Row): QueueVisit {
  return {
    visitId: r.id,
    queueLabel: formatQueueNumber(r.queue_no),
    fullName: r.full_name,
    institution: r.institution,
    visitorType: r.visitor_type,
    purpose: r.purpose,
    status: r.status,
    checkedInAt: r.checked_in_at,
    calledAt: r.called_at,
    officerId: r.officer_id,
    surveyReadyAt: r.survey_ready_at,
    priority: r.priority_reason ? { reason: r.priority_reason, note: r.priority_note } : null,
  };
}
