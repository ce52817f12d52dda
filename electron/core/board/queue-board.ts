import type { BoardAnnouncement, BoardCall } from '../../../shared/api/methods/board';
import type { CallPlace } from '../../../shared/domain/desk';
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
 * The current calls come newest announcement first: a recall or a transfer brings an earlier
 * call back to the top, where the board shows it largest (each call's own events, by index).
 */
export const CURRENT_CALLS_SQL = `SELECT queue_no, called_at, call_room, call_desk FROM visit
   WHERE service_day = ? AND status = 'called' AND called_at IS NOT NULL
   ORDER BY coalesce((SELECT max(e.at) FROM visit_event e WHERE e.visit_id = visit.id
                        AND e.kind IN ('called', 'recalled', 'transferred')), called_at) DESC,
            id DESC
   LIMIT ${MAX_CURRENT}`;
export const RECENT_CALLS_SQL = `SELECT queue_no, called_at, call_room, call_desk FROM visit
   WHERE service_day = ? AND status <> 'called' AND called_at IS NOT NULL
   ORDER BY called_at DESC, id DESC LIMIT ${RECENT}`;

/**
 * What the board says aloud: the day's latest calls, recalls and transfers, read newest first
 * from the partial index of announcing events (events grow forever; a day's are few).
 */
export const ANNOUNCEMENTS_SQL = `SELECT e.id, e.at, e.room, e.desk, v.queue_no
   FROM visit_event e JOIN visit v ON v.id = e.visit_id
   WHERE e.kind IN ('called', 'recalled', 'transferred', 'sent_to_reception') AND e.at >= ?
   ORDER BY e.at DESC, e.id DESC LIMIT ${RECENT}`;

type Row = {
  queue_no: number;
  called_at: string;
  call_room: CallPlace['room'];
  call_desk: number | null;
};
const toCall = (r: Row): BoardCall => ({
  queueLabel: formatQueueNumber(r.queue_no),
  calledAt: r.called_at,
  room: r.call_room,
  desk: r.call_desk,
});
type AnnouncementRow = {
  id: number;
  at: string;
  room: CallPlace['room'];
  desk: number | null;
  queue_no: number;
};
const toAnnouncement = (r: AnnouncementRow): BoardAnnouncement => ({
  id: r.id,
  queueLabel: formatQueueNumber(r.queue_no),
  at: r.at,
  room: r.room,
  desk: r.desk,
});

/** The UTC instant a service day (WIB, UTC+7, no daylight saving) begins. */
export function dayStartUtc(day: string): string {
  return new Date(`${day}T00:00:00+07:00`).toISOString();
}

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
      announcements: db.prepare<[string], AnnouncementRow>(ANNOUNCEMENTS_SQL),
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

  calls(day: string): {
    day: string;
    current: BoardCall[];
    recent: BoardCall[];
    announcements: BoardAnnouncement[];
  } {
    return {
      day,
      current: this.q.current.all(day).map(toCall),
      recent: this.q.recent.all(day).map(toCall),
      announcements: this.q.announcements.all(dayStartUtc(day)).map(toAnnouncement),
    };
  }
}
