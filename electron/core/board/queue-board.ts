import type { BoardCall } from '../../../shared/api/methods/board';
import { formatQueueNumber } from '../../../shared/domain/queue';
import type { AuditLog } from '../audit';
import type { SessionStore } from '../auth/sessions';
import type { Db } from '../db/open-database';
import { AppError } from '../errors';

/** The board shows at most this many current calls (several officers call at once). */
export const MAX_CURRENT = 10;
export const RECENT = 5;

/**
 * Both read one service day through the (service_day, queue_no) unique index: what the board
 * reads on every push or fallback poll stays one day's rows however long the history grows.
 */
export const CURRENT_CALLS_SQL = `SELECT queue_no, called_at FROM visit
   WHERE service_day = ? AND status = 'called' AND called_at IS NOT NULL
   ORDER BY called_at DESC, id DESC LIMIT ${MAX_CURRENT}`;
export const RECENT_CALLS_SQL = `SELECT queue_no, called_at FROM visit
   WHERE service_day = ? AND status <> 'called' AND called_at IS NOT NULL
   ORDER BY called_at DESC, id DESC LIMIT ${RECENT}`;

type Row = { queue_no: number; called_at: string };
const toCall = (r: Row): BoardCall => ({
  queueLabel: formatQueueNumber(r.queue_no),
  calledAt: r.called_at,
});

/** The waiting-room board: queue labels and call times of one service day, nothing personal. */
export class QueueBoard {
  private readonly q;

  constructor(
    db: Db,
    private readonly audit: AuditLog,
    private readonly sessions: SessionStore,
  ) {
    this.q = {
      current: db.prepare<[string], Row>(CURRENT_CALLS_SQL),
      recent: db.prepare<[string], Row>(RECENT_CALLS_SQL),
    };
  }

  openDisplay(staffId: number, staffToken: string | undefined): { displayToken: string } {
    if (!staffToken) throw new AppError('UNAUTHENTICATED');
    this.audit.record({
      actorId: staffId,
      action: 'board.openDisplay',
      entity: 'staff',
      entityId: staffId,
    });
    return { displayToken: this.sessions.createDisplay(staffToken, 'display') };
  }

  calls(day: string): { day: string; current: BoardCall[]; recent: BoardCall[] } {
    return {
      day,
      current: this.q.current.all(day).map(toCall),
      recent: this.q.recent.all(day).map(toCall),
    };
  }
}
