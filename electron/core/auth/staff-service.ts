import type { Role } from '../../../shared/domain/roles';
import type { Staff } from '../../../shared/domain/staff';
import type { AuditLog } from '../audit';
import type { Db } from '../db/open-database';
import { AppError } from '../errors';
import { reserveAttempt, secondsUntil, type AttemptState, type Reservation } from './lockout';
import { DUMMY_PIN_HASH, hashPin, verifyPin } from './pin-hash';
import { ScryptGate } from './scrypt-gate';
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
/** Usernames that match no active account whose wrong attempts are remembered (oldest forgotten). */
const MAX_REMEMBERED_UNKNOWN = 1000;

interface Attempt {
  row: StaffRow | undefined;
  reservation: Reservation;
}

export class StaffService {
  private readonly q;
  private readonly gate = new ScryptGate(2);
  /**
   * Unknown (or deactivated) usernames get the same lock-out as real ones, kept in memory, so
   * that the answers do not tell which usernames exist.
   */
  private readonly unknownAttempts = new Map<string, AttemptState>();

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
      countAttempt: db.prepare<[number, string | null, number]>(
        'UPDATE staff SET failed_pin_count = ?, locked_until = ? WHERE id = ?',
      ),
      clearFailures: db.prepare<[number]>(
        'UPDATE staff SET failed_pin_count = 0, locked_until = NULL WHERE id = ?',
      ),
      setPin: db.prepare<[string, number]>(
        'UPDATE staff SET pin_hash = ?, failed_pin_count = 0, locked_until = NULL WHERE id = ?',
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
    const pinHash = await this.gate.queued(() => hashPin(input.pin));
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
    const pinHash = await this.gate.queued(() => hashPin(input.pin));
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

  /**
   * The attempt is counted (and the lock it would earn set) before anything else, in one write
   * transaction, so that parallel attempts cannot all see the same unlocked row; only then may it
   * wait for a PIN check, which is refused with BUSY beyond the bound (the attempt stays counted).
   * Known, unknown and locked usernames cost one PIN check each and get the same answers.
   */
  async login(username: string, pin: string): Promise<{ sessionToken: string; staff: Staff }> {
    const { row, reservation } = this.reserve(username);
    const release = this.gate.admitLogin(username);
    try {
      const right = await verifyPin(pin, row?.pin_hash ?? DUMMY_PIN_HASH);
      if (reservation.kind === 'locked') {
        throw new AppError('LOCKED_OUT', { retryAfterSeconds: reservation.retryAfterSeconds });
      }
      if (!row || !right) this.refuse(row, reservation, 'INVALID_CREDENTIALS');
      this.db.transaction(() => {
        this.q.clearFailures.run(row.id);
        this.audit.record({
          actorId: row.id,
          action: 'auth.login',
          entity: 'staff',
          entityId: row.id,
        });
      })();
      const staff = this.get(row.id);
      return { sessionToken: this.sessions.create(staff.id, staff.roles), staff };
    } finally {
      release();
    }
  }

  /** A logged-in member changes their own PIN; a wrong current PIN counts like a wrong login. */
  async changeOwnPin(
    staffId: number,
    sessionToken: string | undefined,
    currentPin: string,
    newPin: string,
  ): Promise<void> {
    const username = this.get(staffId).username;
    const { row, reservation } = this.reserve(username);
    const release = this.gate.admitLogin(username);
    try {
      const right = row !== undefined && (await verifyPin(currentPin, row.pin_hash));
      if (reservation.kind === 'locked') {
        throw new AppError('LOCKED_OUT', { retryAfterSeconds: reservation.retryAfterSeconds });
      }
      if (!row || !right) this.refuse(row, reservation, 'CURRENT_PIN_WRONG');
      const pinHash = await hashPin(newPin);
      this.db
        .transaction(() => {
          this.q.setPin.run(pinHash, staffId);
          this.audit.record({
            actorId: staffId,
            action: 'auth.change_pin',
            entity: 'staff',
            entityId: staffId,
          });
        })
        .immediate();
    } finally {
      release();
    }
    // Whoever else knew the old PIN and is logged in elsewhere is logged out.
    this.sessions.endAllFor(staffId, sessionToken);
  }

  /** An administrator sets a new PIN for someone who forgot theirs; their sessions end. */
  async resetPin(actorId: number, staffId: number, newPin: string): Promise<Staff> {
    this.get(staffId);
    const pinHash = await this.gate.queued(() => hashPin(newPin));
    const staff = this.db
      .transaction(() => {
        this.q.setPin.run(pinHash, staffId);
        this.audit.record({
          actorId,
          action: 'staff.reset_pin',
          entity: 'staff',
          entityId: staffId,
        });
        return this.get(staffId);
      })
      .immediate();
    this.sessions.endAllFor(staffId);
    return staff;
  }

  /** An administrator lifts a lock-out at once (the person is standing at the desk). */
  unlock(actorId: number, staffId: number): Staff {
    return this.db
      .transaction(() => {
        const before = this.get(staffId);
        this.q.clearFailures.run(staffId);
        this.audit.record({
          actorId,
          action: 'staff.unlock',
          entity: 'staff',
          entityId: staffId,
          detail: { wasLockedUntil: before.lockedUntil },
        });
        return this.get(staffId);
      })
      .immediate();
  }

  private reserve(username: string): Attempt {
    return this.db
      .transaction((): Attempt => {
        const row = this.q.byUsername.get(username);
        if (!row || row.active === 0)
          return { row: undefined, reservation: this.reserveUnknown(username) };
        const reservation = reserveAttempt(
          { failedCount: row.failed_pin_count, lockedUntil: row.locked_until },
          this.now(),
        );
        if (reservation.kind === 'counted') {
          // Read and written inside one immediate transaction: no other attempt, in this process
          // or another host on the same file, sees the row between the two.
          this.q.countAttempt.run(
            reservation.next.failedCount,
            reservation.next.lockedUntil,
            row.id,
          );
        }
        return { row, reservation };
      })
      .immediate();
  }

  private reserveUnknown(username: string): Reservation {
    const state = this.unknownAttempts.get(username) ?? { failedCount: 0, lockedUntil: null };
    const reservation = reserveAttempt(state, this.now());
    if (reservation.kind === 'counted') {
      this.unknownAttempts.delete(username);
      this.unknownAttempts.set(username, reservation.next);
      if (this.unknownAttempts.size > MAX_REMEMBERED_UNKNOWN) {
        const oldest = this.unknownAttempts.keys().next();
        if (!oldest.done) this.unknownAttempts.delete(oldest.value);
      }
    }
    return reservation;
  }

  /** The attempt was counted already; say why it failed, and audit it for a real account. */
  private refuse(
    row: StaffRow | undefined,
    reservation: Extract<Reservation, { kind: 'counted' }>,
    code: 'INVALID_CREDENTIALS' | 'CURRENT_PIN_WRONG',
  ): never {
    if (row) {
      this.audit.record({
        actorId: null,
        action: 'auth.login_failed',
        entity: 'staff',
        entityId: row.id,
        detail: {
          failures: reservation.next.failedCount,
          lockSeconds: reservation.lockSeconds,
        },
      });
    }
    if (reservation.lockSeconds > 0) {
      throw new AppError('LOCKED_OUT', { retryAfterSeconds: reservation.lockSeconds });
    }
    throw new AppError(code);
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
      lockedUntil: secondsUntil(row.locked_until, this.now()) > 0 ? row.locked_until : null,
      roles: this.q.roles.all(row.id).map((r) => r.role),
    };
  }
}
