import { join } from 'node:path';
import { AuditLog } from '../audit';
import { DATABASE_FILE } from '../core';
import { openDatabase } from '../db/open-database';

/**
 * The way back for a locked-out (last) administrator: whoever can run a command on the desk
 * computer, with its data folder, lifts the lock-out of one account. Anyone with that access can
 * read the database anyway; the unlock is audited like an administrator's.
 */
export function unlockAtDesk(
  dataDir: string,
  username: string,
  now: () => Date = () => new Date(),
): 'unlocked' | 'unknown' {
  const db = openDatabase(join(dataDir, DATABASE_FILE));
  try {
    const audit = new AuditLog(db, now);
    return db
      .transaction(() => {
        const row = db
          .prepare<[string], { id: number; locked_until: string | null }>(
            'SELECT id, locked_until FROM staff WHERE username = ?',
          )
          .get(username.trim().toLowerCase());
        if (!row) return 'unknown' as const;
        db.prepare<[number]>(
          'UPDATE staff SET failed_pin_count = 0, locked_until = NULL WHERE id = ?',
        ).run(row.id);
        audit.record({
          actorId: null,
          action: 'staff.unlock_at_desk',
          entity: 'staff',
          entityId: row.id,
          detail: { wasLockedUntil: row.locked_until },
        });
        return 'unlocked' as const;
      })
      .immediate();
  } finally {
    db.close();
  }
}
