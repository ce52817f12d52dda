import type { Db } from '../db/open-database';

export type OutboxState = 'queued' | 'sending' | 'delivered' | 'failed';
export type OutboxOperation = 'create_ticket' | 'add_note';

export interface OutboxEntry {
  id: number;
  caseId: number;
  caseCode: string;
  operation: OutboxOperation;
  idempotencyKey: string;
  payload: string | null;
  state: OutboxState;
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
}

interface Row {
  id: number;
  case_id: number;
  case_code: string;
  operation: OutboxOperation;
  idempotency_key: string;
  payload: string | null;
  state: OutboxState;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  created_at: string;
  updated_at: string;
}

const toEntry = (r: Row): OutboxEntry => ({
  id: r.id,
  caseId: r.case_id,
  caseCode: r.case_code,
  operation: r.operation,
  idempotencyKey: r.idempotency_key,
  payload: r.payload,
  state: r.state,
  attempts: r.attempts,
  nextAttemptAt: r.next_attempt_at,
  lastError: r.last_error,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const SELECT = `SELECT o.*, c.case_code FROM outbox o JOIN problem_case c ON c.id = o.case_id`;

const LIST_LIMIT = 500;
/**
 * The send queue in two reads, each from a partial index (migrations 10 and 14), instead of
 * sorting every entry ever written on each poll. Parameter: the limit.
 */
export const OUTBOX_WAITING_LIST_SQL = `${SELECT}
  WHERE o.state IN ('queued', 'sending', 'failed') ORDER BY o.created_at DESC LIMIT ?`;
export const OUTBOX_DELIVERED_LIST_SQL = `${SELECT}
  WHERE o.state = 'delivered' ORDER BY o.created_at DESC LIMIT ?`;

/**
 * The next due entries. The `IN` repeats the partial index's condition so that SQLite uses it
 * (it cannot tell that state = 'queued' implies it) instead of walking every delivered entry.
 */
export const DUE_SQL = `${SELECT} WHERE o.state IN ('queued', 'sending') AND o.state = 'queued'
    AND o.next_attempt_at <= ?
    AND NOT EXISTS (SELECT 1 FROM outbox b WHERE b.case_id = o.case_id AND b.id < o.id
                    AND b.state <> 'delivered')
    AND NOT EXISTS (SELECT 1 FROM outbox s WHERE s.case_id = o.case_id AND s.state = 'sending')
  ORDER BY o.next_attempt_at, o.id LIMIT ?`;

/** What the staff banner reads on every poll: from the index of entries not delivered. */
export const WAITING_SQL = `SELECT count(*) AS count, min(created_at) AS oldest,
    coalesce(sum(state = 'failed' AND json_extract(last_error, '$.kind') = 'setup'), 0) AS setup
  FROM outbox WHERE state IN ('queued', 'sending', 'failed')`;

/** The IN repeats the partial index's condition so that SQLite uses it. */
export const REQUEUE_SETUP_SQL = `UPDATE outbox
    SET state = 'queued', next_attempt_at = ?, last_error = NULL, updated_at = ?
  WHERE state IN ('queued', 'sending', 'failed') AND state = 'failed'
    AND json_extract(last_error, '$.kind') = 'setup'
  RETURNING id, case_id`;

/** The outbox table's state changes, each one committed before anything else happens. */
export class OutboxStore {
  private readonly q;

  constructor(private readonly db: Db) {
    this.q = {
      enqueue: db.prepare<
        [
          {
            caseId: number;
            operation: OutboxOperation;
            key: string;
            payload: string | null;
            at: string;
          },
        ]
      >(
        `INSERT INTO outbox (case_id, operation, idempotency_key, payload, next_attempt_at, created_at, updated_at)
         VALUES (@caseId, @operation, @key, @payload, @at, @at, @at)`,
      ),
      // One attempt in flight per case, and a case's operations in the order they were written.
      due: db.prepare<[string, number], Row>(DUE_SQL),
      claim: db.prepare<[string, number]>(
        `UPDATE outbox SET state = 'sending', updated_at = ? WHERE id = ? AND state = 'queued'`,
      ),
      recover: db.prepare<[string]>(
        `UPDATE outbox SET state = 'queued', next_attempt_at = max(next_attempt_at, ?)
          WHERE state = 'sending'`,
      ),
      delivered: db.prepare<[string, number]>(
        `UPDATE outbox SET state = 'delivered', last_error = NULL, updated_at = ? WHERE id = ?`,
      ),
      retry: db.prepare<[string, string, string, number]>(
        `UPDATE outbox SET state = 'queued', attempts = attempts + 1, next_attempt_at = ?,
           last_error = ?, updated_at = ? WHERE id = ?`,
      ),
      defer: db.prepare<[string, string, number]>(
        `UPDATE outbox SET state = 'queued', next_attempt_at = ?, updated_at = ? WHERE id = ?`,
      ),
      hold: db.prepare<[string, string, number]>(
        `UPDATE outbox SET state = 'queued', last_error = ?, updated_at = ? WHERE id = ?`,
      ),
      park: db.prepare<[string, string, number]>(
        `UPDATE outbox SET state = 'failed', attempts = attempts + 1, last_error = ?, updated_at = ?
          WHERE id = ?`,
      ),
      retryNow: db.prepare<[string, string, number]>(
        `UPDATE outbox SET state = 'queued', next_attempt_at = ?, updated_at = ?
          WHERE id = ? AND state IN ('queued', 'failed')`,
      ),
      notDelivered: db.prepare<[number], Row>(OUTBOX_WAITING_LIST_SQL),
      latestDelivered: db.prepare<[number], Row>(OUTBOX_DELIVERED_LIST_SQL),
      one: db.prepare<[number], Row>(`${SELECT} WHERE o.id = ?`),
      waiting: db.prepare<[], { count: number; oldest: string | null; setup: number }>(WAITING_SQL),
      requeueSetup: db.prepare<[string, string], { id: number; case_id: number }>(
        REQUEUE_SETUP_SQL,
      ),
    };
  }

  /**
   * Queues work for the backend helpdesk, due at once. Call it inside the transaction of the
   * change that causes it, so that neither is kept without the other.
   */
  enqueue(e: {
    caseId: number;
    operation: OutboxOperation;
    idempotencyKey: string;
    payload?: string | null;
    at: string;
  }): number {
    return Number(
      this.q.enqueue.run({
        caseId: e.caseId,
        operation: e.operation,
        key: e.idempotencyKey,
        payload: e.payload ?? null,
        at: e.at,
      }).lastInsertRowid,
    );
  }

  /**
   * After a crash, whatever was marked as sending goes back to the queue, but not before
   * `notBefore`: a request that was in flight may still complete at the backend, and looking the
   * case up before it has would create a second ticket.
   */
  recoverInFlight(notBefore: string): void {
    this.q.recover.run(notBefore);
  }

  claimDue(now: string, limit: number): OutboxEntry[] {
    return this.db
      .transaction(() => {
        const due = this.q.due.all(now, limit);
        for (const r of due) this.q.claim.run(now, r.id);
        return due.map((r) => toEntry({ ...r, state: 'sending' }));
      })
      .immediate();
  }

  markDelivered(id: number, now: string): void {
    this.q.delivered.run(now, id);
  }

  scheduleRetry(id: number, nextAttemptAt: string, error: string, now: string): void {
    this.q.retry.run(nextAttemptAt, error, now, id);
  }

  /** Back to the queue until `nextAttemptAt`, without counting an attempt. */
  defer(id: number, nextAttemptAt: string, now: string): void {
    this.q.defer.run(nextAttemptAt, now, id);
  }

  /** Back to the queue without counting an attempt (the worker itself is holding back). */
  hold(id: number, error: string, now: string): void {
    this.q.hold.run(error, now, id);
  }

  park(id: number, error: string, now: string): void {
    this.q.park.run(error, now, id);
  }

  retryNow(id: number, now: string): boolean {
    return this.q.retryNow.run(now, now, id).changes === 1;
  }

  /** What waits first, then the latest delivered; newest first in each, 500 in all. */
  list(): OutboxEntry[] {
    const waiting = this.q.notDelivered.all(LIST_LIMIT);
    const delivered =
      waiting.length < LIST_LIMIT ? this.q.latestDelivered.all(LIST_LIMIT - waiting.length) : [];
    return [...waiting, ...delivered].map(toEntry);
  }

  get(id: number): OutboxEntry | undefined {
    const r = this.q.one.get(id);
    return r ? toEntry(r) : undefined;
  }

  /** What is not delivered yet: how many, since when, and how many wait for the setup. */
  waiting(): { count: number; oldestSince: string | null; parkedForSetup: number } {
    const r = this.q.waiting.get();
    return {
      count: r?.count ?? 0,
      oldestSince: r?.oldest ?? null,
      parkedForSetup: r?.setup ?? 0,
    };
  }

  /** Entries parked because the backend was not set up for them go back to the queue. */
  requeueParkedForSetup(now: string): { id: number; caseId: number }[] {
    return this.q.requeueSetup.all(now, now).map((r) => ({ id: r.id, caseId: r.case_id }));
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }
}
