import type { Role } from '../../../shared/domain/roles';
import type { Staff } from '../../../shared/domain/staff';
import type { AuditLog } from '../audit';
import type { Db } from '../db/open-database';
import { AppError } from '../errors';
import { lockSecondsAfter, secondsUntil } from './lockout';
import { DUMMY_PIN_HASH, hashPin, verifyPin } from './pin-hash';
import type { SessionStore } from './sessions';

interface StaffRow {
  id: number;
  username: string;
  full_name: string;
  pin_hash: string;
  active: number;
  failed_pin_count: number;
  locked_until: string | null;
}

/** The first administrator runs the desk until others are added, so they hold every role. */
const FIRST_ADMIN_ROLES: readonly Role[] = ['admin', 'supervisor', 'receptionist', 'officer'];

export class StaffService {
  private readonly q;

  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    private readonly sessions: SessionStore,
    private readonly now: () => Date,
  ) {
    this.q = {
      count: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM staff'),
      byUsername: db.prepare<[string], StaffRow>('SELECT * FROM staff WHERE username = ?'),
      byId: db.prepare<[number], StaffRow>('SELECT * FROM staff WHERE id = ?'),
      all: db.prepare<[], StaffRow>('SELECT * FROM staff ORDER BY active DESC, full_name'),
      roles: db.prepare<[number], { role: Role }>(
        'SELECT role FROM staff_role WHERE staff_id = ? ORDER BY role',
      ),
      insert: db.prepare<[string, string, string, string]>(
        'INSERT INTO staff (username, full_name, pin_hash, created_at) VALUES (?, ?, ?, ?)',
      ),
      insertRole: db.prepare<[number, string]>(
        'INSERT INTO staff_role (staff_id, role) VALUES (?, ?)',
      ),
      failed: db.prepare<[string | null, number]>(
        'UPDATE staff SET failed_pin_count = failed_pin_count + 1, locked_until = ? WHERE id = ?',
      ),
      succeeded: db.prepare<[number]>(
        'UPDATE staff SET failed_pin_count = 0, locked_until = NULL WHERE id = ?',
      ),
      setActive: db.prepare<[number, number]>('UPDATE staff SET active = ? WHERE id = ?'),
      activeAdmins: db.prepare<[], { n: number }>(
        `SELECT count(*) AS n FROM staff s JOIN staff_role r ON r.staff_id = s.id
         WHERE s.active = 1 AND r.role = 'admin'`,
      ),
    };
  }

  needsFirstAdmin(): boolean {
    return this.q.count.get()!.n === 0;
  }

  async createFirstAdmin(input: {
    fullName: string;
    username: string;
    pin: string;
  }): Promise<Staff> {
    if (!this.needsFirstAdmin()) throw new AppError('SETUP_ALREADY_DONE');
    const pinHash = await hashPin(input.pin);
    return this.db
      .transaction(() => {
        // Checked again inside the write lock: two first-run screens must not both succeed.
        if (!this.needsFirstAdmin()) throw new AppError('SETUP_ALREADY_DONE');
        return this.insertStaff(null, input.fullName, input.username, pinHash, FIRST_ADMIN_ROLES);
      })
      .immediate();
  }

  async create(
    actorId: number,
    input: { fullName: string; username: string; pin: string; roles: Role[] },
  ): Promise<Staff> {
    const pinHash = await hashPin(input.pin);
    return this.db
      .transaction(() => {
        if (this.q.byUsername.get(input.username)) throw new AppError('USERNAME_TAKEN');
        const roles = [...new Set(input.roles)];
        return this.insertStaff(actorId, input.fullName, input.username, pinHash, roles);
      })
      .immediate();
  }

  private insertStaff(
    actorId: number | null,
    fullName: string,
    username: string,
    pinHash: string,
    roles: readonly Role[],
  ): Staff {
    const id = Number(
      this.q.insert.run(username, fullName, pinHash, this.now().toISOString()).lastInsertRowid,
    );
    for (const role of roles) this.q.insertRole.run(id, role);
    this.audit.record({
      actorId: actorId ?? id,
      action: 'staff.create',
      entity: 'staff',
      entityId: id,
      detail: { username, fullName, roles },
    });
    return this.get(id);
  }

  async login(username: string, pin: string): Promise<{ sessionToken: string; staff: Staff }> {
    const row = this.q.byUsername.get(username);
    if (!row || row.active === 0) {
      await verifyPin(pin, DUMMY_PIN_HASH);
      throw new AppError('INVALID_CREDENTIALS');
    }
    const wait = secondsUntil(row.locked_until, this.now());
    if (wait > 0) throw new AppError('LOCKED_OUT', { retryAfterSeconds: wait });

    if (!(await verifyPin(pin, row.pin_hash))) {
      const failures = row.failed_pin_count + 1;
      const lockSeconds = lockSecondsAfter(failures);
      const lockedUntil =
        lockSeconds > 0 ? new Date(this.now().getTime() + lockSeconds * 1000).toISOString() : null;
      this.db.transaction(() => {
        this.q.failed.run(lockedUntil, row.id);
        this.audit.record({
          actorId: null,
          action: 'auth.login_failed',
          entity: 'staff',
          entityId: row.id,
          detail: { failures, lockSeconds },
        });
      })();
      if (lockSeconds > 0) throw new AppError('LOCKED_OUT', { retryAfterSeconds: lockSeconds });
      throw new AppError('INVALID_CREDENTIALS');
    }

    this.db.transaction(() => {
      this.q.succeeded.run(row.id);
      this.audit.record({
        actorId: row.id,
        action: 'auth.login',
        entity: 'staff',
        entityId: row.id,
      });
    })();
    const staff = this.get(row.id);
    return { sessionToken: this.sessions.create(staff.id, staff.roles), staff };
  }

  list(): Staff[] {
    return this.q.all.all().map((r) => this.toStaff(r));
  }

  get(id: number): Staff {
    const row = this.q.byId.get(id);
    if (!row) throw new AppError('NOT_FOUND');
    return this.toStaff(row);
  }

  setActive(actorId: number, staffId: number, active: boolean): Staff {
    const result = this.db
      .transaction(() => {
        const target = this.get(staffId);
        if (!active && target.active && target.roles.includes('admin')) {
          if (this.q.activeAdmins.get()!.n <= 1) throw new AppError('LAST_ADMIN');
        }
        this.q.setActive.run(active ? 1 : 0, staffId);
        this.audit.record({
          actorId,
          action: active ? 'staff.activate' : 'staff.deactivate',
          entity: 'staff',
          entityId: staffId,
        });
        return this.get(staffId);
      })
      .immediate();
    if (!active) this.sessions.endAllFor(staffId);
    return result;
  }

  private toStaff(row: StaffRow): Staff {
    return {
      id: row.id,
      username: row.username,
      fullName: row.full_name,
      active: row.active === 1,
      roles: this.q.roles.all(row.id).map((r) => r.role),
    };
  }
}
