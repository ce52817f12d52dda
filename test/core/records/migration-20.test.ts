import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../electron/core/db/migrations';
import { openDatabase } from '../../../electron/core/db/open-database';
import { tempDir } from '../../helpers/temp-core';

describe('migration 20: cancelled check-ins, records indexes, the audit actions', () => {
  it('keeps old visits uncancelled and lists the actions already in the trail', () => {
    const file = join(tempDir(), 'm20.sqlite');
    const old = openDatabase(
      file,
      MIGRATIONS.filter((m) => m.version < 20),
    );
    old.exec(`
      INSERT INTO staff (id, username, full_name, pin_hash, created_at)
        VALUES (1, 'siti', 'Siti', 'x', '2026-01-01T00:00:00Z');
      INSERT INTO visitor (id, full_name, phone, created_at, updated_at)
        VALUES (1, 'Budi', '+6281234567890', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
      INSERT INTO visit (visitor_id, service_day, queue_no, purpose, full_name, phone,
          checked_in_at, consent_version, consent_at, checked_in_by)
        VALUES (1, '2026-01-01', 1, 'Konsultasi', 'Budi', '+6281234567890',
          '2026-01-01T01:00:00Z', 'v1', '2026-01-01T01:00:00Z', 1);
      INSERT INTO audit (at, actor_id, action, entity) VALUES
        ('2026-01-01T01:00:00Z', 1, 'visit.checkIn', 'visit'),
        ('2026-01-01T01:00:00Z', 1, 'visit.checkIn', 'visit'),
        ('2026-01-01T01:00:00Z', 1, 'auth.login', 'staff');
    `);
    old.close();

    const db = openDatabase(file);
    expect(db.prepare('SELECT cancelled_at, cancelled_by, cancel_reason FROM visit').all()).toEqual(
      [{ cancelled_at: null, cancelled_by: null, cancel_reason: null }],
    );
    const actions = () => db.prepare('SELECT action FROM audit_action').pluck().all();
    expect(actions()).toEqual(['auth.login', 'visit.checkIn']);
    db.prepare(
      "INSERT INTO audit (at, actor_id, action, entity) VALUES ('2026-01-02T00:00:00Z', 1, 'visit.correct', 'visit')",
    ).run();
    expect(actions()).toEqual(['auth.login', 'visit.checkIn', 'visit.correct']);
    const strict = db
      .prepare("SELECT strict FROM pragma_table_list WHERE name = 'audit_action'")
      .pluck()
      .get();
    expect(strict).toBe(1);
    // A cancelled check-in names a staff member who exists.
    expect(() => db.prepare('UPDATE visit SET cancelled_by = 99').run()).toThrow(/FOREIGN KEY/);
    db.close();
  });
});
