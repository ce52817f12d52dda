import { formatQueueNumber } from '../../../shared/domain/queue';
import type { VisitStatus } from '../../../shared/domain/visit';
import type { VisitorType } from '../../../shared/domain/visitor-types';
import type { AuditLog } from '../audit';
import type { Db } from '../db/open-database';
import { AppError } from '../errors';
import { offerWindow } from '../survey/survey-expiry';

export interface QueueVisit {
  visitId: number;
  queueLabel: string;
  fullName: string;
  institution: string | null;
  visitorType: VisitorType | null;
  purpose: string;
  status: VisitStatus;
  checkedInAt: string;
  calledAt: string | null;
  officerId: number | null;
  surveyReadyAt: string | null;
}

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
}

type Transition = 'start' | 'noShow' | 'returnToQueue' | 'end';

/** Which state each officer action leaves from and goes to, and the event it records. */
const TRANSITIONS: Record<
  Transition,
  { from: readonly VisitStatus[]; to: VisitStatus; event: string }
> = {
  start: { from: ['called'], to: 'in_consultation', event: 'started' },
  noShow: { from: ['called'], to: 'no_show', event: 'no_show' },
  returnToQueue: { from: ['called', 'no_show'], to: 'waiting', event: 'returned' },
  end: { from: ['in_consultation'], to: 'done', event: 'ended' },
};

const COLUMNS = `id, queue_no, full_name, institution, visitor_type, purpose, status, checked_in_at,
  called_at, officer_id, survey_ready_at`;

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
      byDayStatus: db.prepare<[string], Row>(
        `SELECT ${COLUMNS} FROM visit WHERE service_day = ? AND status IN ('waiting', 'no_show')
          ORDER BY queue_no`,
      ),
      mine: db.prepare<[number], Row>(
        `SELECT ${COLUMNS} FROM visit WHERE officer_id = ? AND status IN ('called', 'in_consultation')
          ORDER BY called_at`,
      ),
      one: db.prepare<[number], Row>(`SELECT ${COLUMNS} FROM visit WHERE id = ?`),
      // One statement picks and claims the oldest waiting visit: two officers calling at the
      // same moment are serialised by the write lock and can never get the same visitor.
      callNext: db.prepare<[{ officerId: number; at: string; day: string }], { id: number }>(
        `UPDATE visit SET status = 'called', officer_id = @officerId,
                called_at = coalesce(called_at, @at)
          WHERE id = (SELECT id FROM visit WHERE status = 'waiting' AND service_day = @day
                       ORDER BY queue_no LIMIT 1)
          RETURNING id`,
      ),
      setStatus: db.prepare<[string, number | null, number]>(
        'UPDATE visit SET status = ?, officer_id = ? WHERE id = ?',
      ),
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

  mine(officerId: number): QueueVisit[] {
    return this.q.mine.all(officerId).map(toQueueVisit);
  }

  get(visitId: number): QueueVisit {
    const row = this.q.one.get(visitId);
    if (!row) throw new AppError('NOT_FOUND');
    return toQueueVisit(row);
  }

  /** Calls the oldest waiting visitor of the day; null when nobody is waiting. */
  callNext(officerId: number, day: string): QueueVisit | null {
    return this.db
      .transaction(() => {
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
  };
}
