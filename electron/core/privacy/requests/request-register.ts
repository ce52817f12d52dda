import {
  ANSWER_WITHIN_MS,
  requestClock,
  type PrivacyRequest,
  type RequestKind,
  type RequestOutcome,
} from '../../../../shared/domain/privacy-request';
import type { AuditLog } from '../../audit';
import type { Db } from '../../db/open-database';
import { AppError } from '../../errors';

interface Row {
  id: number;
  kind: RequestKind;
  requester_name: string;
  requester_contact: string | null;
  channel: PrivacyRequest['channel'];
  detail: string | null;
  visitor_id: number | null;
  visitor_name: string | null;
  received_at: string;
  due_at: string;
  registered_by: string;
  answered_at: string | null;
  answered_by: string | null;
  outcome: RequestOutcome | null;
  answer: string | null;
}

const SELECT = `SELECT r.id, r.kind, r.requester_name, r.requester_contact, r.channel, r.detail,
    r.visitor_id, v.full_name AS visitor_name, r.received_at, r.due_at,
    s.full_name AS registered_by, r.answered_at, a.full_name AS answered_by, r.outcome, r.answer
  FROM privacy_request r
  JOIN staff s ON s.id = r.registered_by
  LEFT JOIN staff a ON a.id = r.answered_by
  LEFT JOIN visitor v ON v.id = r.visitor_id`;

/** The register, newest first, from the index of receipt times. Parameter: the limit. */
export const REQUEST_LIST_SQL = `${SELECT} ORDER BY r.received_at DESC LIMIT ?`;
const LIST_LIMIT = 500;

export interface NewRequest {
  kind: RequestKind;
  requesterName: string;
  requesterContact?: string | undefined;
  channel: PrivacyRequest['channel'];
  receivedAt?: string | undefined;
  detail?: string | undefined;
  visitorId?: number | undefined;
}

/** The register of visitors' requests and their 3 × 24-hour clocks. */
export class RequestRegister {
  private readonly q;

  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    private readonly now: () => Date,
  ) {
    this.q = {
      insert: db.prepare(
        `INSERT INTO privacy_request (kind, requester_name, requester_contact, channel, detail,
           visitor_id, received_at, due_at, registered_by, registered_at)
         VALUES (@kind, @name, @contact, @channel, @detail, @visitorId, @receivedAt, @dueAt,
           @actorId, @at)`,
      ),
      one: db.prepare<[number], Row>(`${SELECT} WHERE r.id = ?`),
      list: db.prepare<[number], Row>(REQUEST_LIST_SQL),
      visitor: db.prepare<[number], { id: number }>(
        'SELECT id FROM visitor WHERE id = ? AND anonymised_at IS NULL',
      ),
      link: db.prepare<[number, number]>(
        'UPDATE privacy_request SET visitor_id = ? WHERE id = ? AND answered_at IS NULL',
      ),
      answer: db.prepare<[string, number, string, string, number]>(
        `UPDATE privacy_request SET answered_at = ?, answered_by = ?, outcome = ?, answer = ?
          WHERE id = ? AND answered_at IS NULL`,
      ),
    };
  }

  register(actorId: number, r: NewRequest): PrivacyRequest {
    const at = this.now().toISOString();
    // A request dated in the future cannot have been received: its clock starts now.
    const receivedAt =
      r.receivedAt && r.receivedAt < at ? new Date(r.receivedAt).toISOString() : at;
    const dueAt = new Date(Date.parse(receivedAt) + ANSWER_WITHIN_MS).toISOString();
    return this.db
      .transaction(() => {
        if (r.visitorId !== undefined) this.assertPerson(r.visitorId);
        const id = Number(
          this.q.insert.run({
            kind: r.kind,
            name: r.requesterName,
            contact: r.requesterContact ?? null,
            channel: r.channel,
            detail: r.detail ?? null,
            visitorId: r.visitorId ?? null,
            receivedAt,
            dueAt,
            actorId,
            at,
          }).lastInsertRowid,
        );
        this.audit.record({
          actorId,
          action: 'privacy.registerRequest',
          entity: 'privacy_request',
          entityId: id,
          detail: { kind: r.kind, receivedAt, visitorId: r.visitorId ?? null },
        });
        return this.get(id);
      })
      .immediate();
  }

  get(id: number): PrivacyRequest {
    const row = this.q.one.get(id);
    if (!row) throw new AppError('NOT_FOUND');
    return this.toView(row);
  }

  list(openOnly: boolean): PrivacyRequest[] {
    const rows = this.q.list.all(LIST_LIMIT).map((r) => this.toView(r));
    return openOnly ? rows.filter((r) => r.answeredAt === null) : rows;
  }

  link(actorId: number, requestId: number, visitorId: number): PrivacyRequest {
    return this.db
      .transaction(() => {
        const before = this.get(requestId);
        if (before.answeredAt !== null) throw new AppError('PRIVACY_REQUEST_ANSWERED');
        this.assertPerson(visitorId);
        this.q.link.run(visitorId, requestId);
        this.audit.record({
          actorId,
          action: 'privacy.linkPerson',
          entity: 'privacy_request',
          entityId: requestId,
          detail: { visitorId },
        });
        return this.get(requestId);
      })
      .immediate();
  }

  answer(
    actorId: number,
    requestId: number,
    outcome: RequestOutcome,
    text: string,
  ): PrivacyRequest {
    return this.db
      .transaction(() => {
        const before = this.get(requestId);
        if (before.answeredAt !== null) throw new AppError('PRIVACY_REQUEST_ANSWERED');
        // "Fulfilled" is only true of someone: a person not found is answered as such.
        if (outcome === 'fulfilled' && before.visitorId === null) {
          throw new AppError('PRIVACY_REQUEST_NEEDS_PERSON');
        }
        const at = this.now().toISOString();
        this.q.answer.run(at, actorId, outcome, text, requestId);
        const after = this.get(requestId);
        this.audit.record({
          actorId,
          action: 'privacy.answerRequest',
          entity: 'privacy_request',
          entityId: requestId,
          detail: { outcome, late: after.clock === 'answered_late' },
        });
        return after;
      })
      .immediate();
  }

  /** Notes on a request's own audit trail, in the transaction of what served it. */
  noteServed(actorId: number, requestId: number | undefined, action: string): void {
    if (requestId === undefined) return;
    const r = this.get(requestId);
    if (r.answeredAt !== null) throw new AppError('PRIVACY_REQUEST_ANSWERED');
    this.audit.record({
      actorId,
      action,
      entity: 'privacy_request',
      entityId: requestId,
    });
  }

  private assertPerson(visitorId: number): void {
    if (!this.q.visitor.get(visitorId)) {
      throw new AppError('NOT_FOUND', { fields: { visitorId: 'validation.personNotFound' } });
    }
  }

  private toView(r: Row): PrivacyRequest {
    return {
      id: r.id,
      kind: r.kind,
      requesterName: r.requester_name,
      requesterContact: r.requester_contact,
      channel: r.channel,
      detail: r.detail,
      visitorId: r.visitor_id,
      visitorName: r.visitor_name,
      receivedAt: r.received_at,
      dueAt: r.due_at,
      registeredBy: r.registered_by,
      answeredAt: r.answered_at,
      answeredBy: r.answered_by,
      outcome: r.outcome,
      answer: r.answer,
      clock: requestClock(r.due_at, r.answered_at, this.now()).state,
    };
  }
}
