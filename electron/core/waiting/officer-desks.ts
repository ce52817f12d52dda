import type { Desk } from '../../../shared/domain/desk';
import type { TransferOfficer } from '../../../shared/api/methods/waiting';
import type { AuditLog } from '../audit';
import type { Db } from '../db/open-database';

type DeskRow = { room: Desk['room']; desk: number };

/** Where each officer sits. One officer per desk: choosing a taken desk moves it. */
export class OfficerDesks {
  private readonly q;

  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    private readonly now: () => Date,
  ) {
    this.q = {
      mine: db.prepare<[number], DeskRow>('SELECT room, desk FROM officer_desk WHERE staff_id = ?'),
      holder: db.prepare<[string, number], { staff_id: number; full_name: string }>(
        `SELECT d.staff_id, s.full_name FROM officer_desk d JOIN staff s ON s.id = d.staff_id
          WHERE d.room = ? AND d.desk = ?`,
      ),
      release: db.prepare<[number]>('DELETE FROM officer_desk WHERE staff_id = ?'),
      choose: db.prepare<[number, string, number, string]>(
        `INSERT INTO officer_desk (staff_id, room, desk, chosen_at) VALUES (?, ?, ?, ?)
           ON CONFLICT (staff_id) DO UPDATE SET room = excluded.room, desk = excluded.desk,
             chosen_at = excluded.chosen_at`,
      ),
      officers: db.prepare<
        [number],
        { id: number; full_name: string; room: Desk['room'] | null; desk: number | null }
      >(
        `SELECT s.id, s.full_name, d.room, d.desk FROM staff s
           JOIN staff_role r ON r.staff_id = s.id AND r.role = 'officer'
           LEFT JOIN officer_desk d ON d.staff_id = s.id
          WHERE s.active = 1 AND s.id <> ?
          ORDER BY d.room IS NULL, d.room, d.desk, s.full_name`,
      ),
    };
  }

  mine(staffId: number): Desk | null {
    return this.q.mine.get(staffId) ?? null;
  }

  /** The officer at this desk, if any. */
  holderOf(desk: Desk): number | null {
    return this.q.holder.get(desk.room, desk.desk)?.staff_id ?? null;
  }

  choose(staffId: number, desk: Desk): { desk: Desk; tookFrom: string | null } {
    return this.db
      .transaction(() => {
        const holder = this.q.holder.get(desk.room, desk.desk);
        const tookFrom = holder && holder.staff_id !== staffId ? holder : null;
        if (tookFrom) this.q.release.run(tookFrom.staff_id);
        this.q.choose.run(staffId, desk.room, desk.desk, this.now().toISOString());
        this.audit.record({
          actorId: staffId,
          action: 'desk.choose',
          entity: 'staff',
          entityId: staffId,
          detail: { ...desk, ...(tookFrom && { fromStaffId: tookFrom.staff_id }) },
        });
        return { desk, tookFrom: tookFrom?.full_name ?? null };
      })
      .immediate();
  }

  /** The other active officers, those with a desk first, in desk order. */
  transferTargets(staffId: number): TransferOfficer[] {
    return this.q.officers.all(staffId).map((r) => ({
      officerId: r.id,
      fullName: r.full_name,
      room: r.room,
      desk: r.desk,
    }));
  }
}
