import { formatQueueNumber } from '../../../shared/domain/queue';
import type { QueueVisit } from '../../../shared/domain/visit';
import type { TransferTarget } from '../../../shared/domain/desk';
import type { AuditLog } from '../audit';
import type { OfficerQueue } from '../consultation/officer-queue';
import type { Db } from '../db/open-database';
import { AppError } from '../errors';
import type { OfficerDesks } from './officer-desks';

/**
 * Reception's list of visitors sent back to it: the day's waiting visits through the open-visit
 * index, each with the reason of its latest hand-back (its own events, by index).
 */
export const AT_RECEPTION_SQL = `SELECT v.id, v.queue_no, v.full_name, v.at_reception_since,
     (SELECT e.reason FROM visit_event e WHERE e.visit_id = v.id AND e.kind = 'sent_to_reception'
       ORDER BY e.at DESC, e.id DESC LIMIT 1) AS reason
   FROM visit v
   WHERE v.status = 'waiting' AND v.service_day = ? AND v.at_reception_since IS NOT NULL
   ORDER BY v.at_reception_since`;

interface EventRow {
  visitId: number;
  at: string;
  kind: 'recalled' | 'transferred' | 'sent_to_reception' | 'released';
  actorId: number;
  room: string | null;
  desk: number | null;
  toOfficerId: number | null;
  reason: string | null;
}

/**
 * What an officer does with a visitor besides the queue's own steps: call them again, or hand
 * them on. Each is one visit_event (the trigger of migration 17 moves the visit's place on the
 * board with it), checked and written in one immediate transaction: two officers acting on the
 * same visitor at once are serialised, and the second sees the first's result.
 */
export class CallActions {
  private readonly q;

  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    private readonly now: () => Date,
    private readonly queue: OfficerQueue,
    private readonly desks: OfficerDesks,
  ) {
    this.q = {
      place: db.prepare<[number], { call_room: string | null; call_desk: number | null }>(
        'SELECT call_room, call_desk FROM visit WHERE id = ?',
      ),
      event: db.prepare<[EventRow]>(
        `INSERT INTO visit_event (visit_id, at, kind, actor_id, room, desk, to_officer_id, reason)
         VALUES (@visitId, @at, @kind, @actorId, @room, @desk, @toOfficerId, @reason)`,
      ),
      recalls: db.prepare<[number], { n: number }>(
        "SELECT count(*) AS n FROM visit_event WHERE visit_id = ? AND kind = 'recalled'",
      ),
      officer: db.prepare<[number], { active: number; officer: number }>(
        `SELECT s.active, EXISTS (SELECT 1 FROM staff_role r
                                   WHERE r.staff_id = s.id AND r.role = 'officer') AS officer
           FROM staff s WHERE s.id = ?`,
      ),
      handTo: db.prepare<[number, number]>(
        "UPDATE visit SET status = 'called', officer_id = ? WHERE id = ?",
      ),
      toReception: db.prepare<[string, number]>(
        `UPDATE visit SET status = 'waiting', officer_id = NULL, at_reception_since = ?
          WHERE id = ?`,
      ),
      atReception: db.prepare<[number], { status: string; at_reception_since: string | null }>(
        'SELECT status, at_reception_since FROM visit WHERE id = ?',
      ),
      release: db.prepare<[number]>('UPDATE visit SET at_reception_since = NULL WHERE id = ?'),
      drafts: db.prepare<[number], { id: number; case_code: string; officer_id: number }>(
        "SELECT id, case_code, officer_id FROM problem_case WHERE visit_id = ? AND status = 'draft'",
      ),
      draftTo: db.prepare<[number, number]>('UPDATE problem_case SET officer_id = ? WHERE id = ?'),
      atReceptionList: db.prepare<
        [string],
        {
          id: number;
          queue_no: number;
          full_name: string;
          at_reception_since: string;
          reason: string | null;
        }
      >(AT_RECEPTION_SQL),
    };
  }

  /** Announces a called visitor again, at the same room and desk; refused once they came. */
  recall(officerId: number, visitId: number): { visit: QueueVisit; recalls: number } {
    return this.db
      .transaction(() => {
        const visit = this.queue.get(visitId);
        if (visit.status !== 'called') throw new AppError('VISIT_NOT_CALLED');
        if (visit.officerId !== officerId) throw new AppError('VISIT_NOT_YOURS');
        const place = this.q.place.get(visitId);
        const desk = this.desks.mine(officerId);
        this.q.event.run({
          visitId,
          at: this.now().toISOString(),
          kind: 'recalled',
          actorId: officerId,
          // The officer may have moved desks since the first call: send the visitor to where
          // the officer sits now.
          room: desk?.room ?? place?.call_room ?? null,
          desk: desk?.desk ?? place?.call_desk ?? null,
          toOfficerId: null,
          reason: null,
        });
        this.audit.record({
          actorId: officerId,
          action: 'visit.recall',
          entity: 'visit',
          entityId: visitId,
        });
        return { visit: this.queue.get(visitId), recalls: this.q.recalls.get(visitId)?.n ?? 0 };
      })
      .immediate();
  }

  /**
   * Hands a called or served visitor to another officer (or the officer at a desk), who finds
   * them called at their own desk with the drafts of their problems; or sends them back to
   * reception, out of the queue until reception releases them.
   */
  transfer(officerId: number, visitId: number, target: TransferTarget, reason: string): QueueVisit {
    return this.db
      .transaction(() => {
        const visit = this.queue.get(visitId);
        if (visit.status !== 'called' && visit.status !== 'in_consultation') {
          throw new AppError('VISIT_STATE_CHANGED');
        }
        if (visit.officerId !== officerId) throw new AppError('VISIT_NOT_YOURS');
        const at = this.now().toISOString();
        if (target.to === 'reception') {
          this.q.toReception.run(at, visitId);
          this.q.event.run({
            visitId,
            at,
            kind: 'sent_to_reception',
            actorId: officerId,
            room: 'resepsionis',
            desk: null,
            toOfficerId: null,
            reason,
          });
          this.record(officerId, visitId, { to: 'reception' });
          return this.queue.get(visitId);
        }
        const toId = target.to === 'officer' ? target.officerId : this.officerAtDesk(target);
        if (toId === officerId) throw new AppError('TRANSFER_TO_SELF');
        const to = this.q.officer.get(toId);
        if (!to) throw new AppError('NOT_FOUND');
        if (to.active !== 1) throw new AppError('TRANSFER_TARGET_INACTIVE');
        if (to.officer !== 1) throw new AppError('TRANSFER_TARGET_NOT_OFFICER');
        const desk = this.desks.mine(toId);
        this.q.handTo.run(toId, visitId);
        this.q.event.run({
          visitId,
          at,
          kind: 'transferred',
          actorId: officerId,
          room: desk?.room ?? null,
          desk: desk?.desk ?? null,
          toOfficerId: toId,
          reason,
        });
        for (const draft of this.q.drafts.all(visitId)) {
          this.q.draftTo.run(toId, draft.id);
          this.audit.record({
            actorId: officerId,
            action: 'case.transfer',
            entity: 'case',
            entityId: draft.case_code,
            detail: { fromOfficerId: draft.officer_id, toOfficerId: toId },
          });
        }
        this.record(officerId, visitId, { to: 'officer', toOfficerId: toId });
        return this.queue.get(visitId);
      })
      .immediate();
  }

  atReception(day: string): {
    visitId: number;
    queueLabel: string;
    fullName: string;
    since: string;
    reason: string | null;
  }[] {
    return this.q.atReceptionList.all(day).map((r) => ({
      visitId: r.id,
      queueLabel: formatQueueNumber(r.queue_no),
      fullName: r.full_name,
      since: r.at_reception_since,
      reason: r.reason,
    }));
  }

  /** Reception puts a visitor an officer sent back into the queue again, in their old place. */
  releaseFromReception(actorId: number, visitId: number): void {
    this.db
      .transaction(() => {
        const row = this.q.atReception.get(visitId);
        if (!row) throw new AppError('NOT_FOUND');
        if (row.status !== 'waiting' || row.at_reception_since === null) {
          throw new AppError('VISIT_NOT_AT_RECEPTION');
        }
        this.q.release.run(visitId);
        this.q.event.run({
          visitId,
          at: this.now().toISOString(),
          kind: 'released',
          actorId,
          room: null,
          desk: null,
          toOfficerId: null,
          reason: null,
        });
        this.audit.record({
          actorId,
          action: 'visit.releaseFromReception',
          entity: 'visit',
          entityId: visitId,
        });
      })
      .immediate();
  }

  private officerAtDesk(desk: { room: 'konsultasi' | 'layanan'; desk: number }): number {
    const holder = this.desks.holderOf(desk);
    if (holder === null) throw new AppError('DESK_UNSTAFFED');
    return holder;
  }

  private record(officerId: number, visitId: number, detail: Record<string, unknown>): void {
    this.audit.record({
      actorId: officerId,
      action: 'visit.transfer',
      entity: 'visit',
      entityId: visitId,
      detail,
    });
  }
}
