import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/open-database';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { tempDir } from '../helpers/temp-core';

describe('migration 17: desks, call places, recalls and transfers', () => {
  const file = join(tempDir(), 'm17.sqlite');
  const before = openDatabase(
    file,
    MIGRATIONS.filter((m) => m.version < 17),
  );
  const now = '2026-11-24T02:00:00.000Z';
  before
    .prepare(
      "INSERT INTO staff (username, full_name, pin_hash, created_at) VALUES ('a', 'A', 'x', ?)",
    )
    .run(now);
  before
    .prepare(
      `INSERT INTO visitor (full_name, phone, created_at, updated_at)
       VALUES ('Budi', '+6281234567890', ?, ?)`,
    )
    .run(now, now);
  before
    .prepare(
      `INSERT INTO visit (visitor_id, service_day, queue_no, purpose, full_name, phone, status,
         officer_id, checked_in_at, called_at, consent_version, consent_at, checked_in_by)
       VALUES (1, '2026-11-24', 1, 'p', 'Budi', '+6281234567890', 'called', 1, ?, ?, 'v1', ?, 1)`,
    )
    .run(now, now, now);
  const addEvent = before.prepare<[string]>(
    `INSERT INTO visit_event (visit_id, at, kind, actor_id) VALUES (1, '${now}', ?, 1)`,
  );
  addEvent.run('checked_in');
  addEvent.run('called');
  before.close();
  const db = openDatabase(file);

  it('keeps every event through the rebuild, with its id, and no place for the old ones', () => {
    expect(
      db
        .prepare('SELECT id, kind, actor_id, room, desk, to_officer_id, reason FROM visit_event')
        .all(),
    ).toEqual([
      {
        id: 1,
        kind: 'checked_in',
        actor_id: 1,
        room: null,
        desk: null,
        to_officer_id: null,
        reason: null,
      },
      {
        id: 2,
        kind: 'called',
        actor_id: 1,
        room: null,
        desk: null,
        to_officer_id: null,
        reason: null,
      },
    ]);
    expect(db.prepare('SELECT call_room, call_desk, at_reception_since FROM visit').get()).toEqual({
      call_room: null,
      call_desk: null,
      at_reception_since: null,
    });
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });

  it("fills a call's place from the officer's desk, and the visit's place from every call", () => {
    db.prepare(
      "INSERT INTO officer_desk (staff_id, room, desk, chosen_at) VALUES (1, 'layanan', 7, ?)",
    ).run(now);
    db.prepare(
      `INSERT INTO visit_event (visit_id, at, kind, actor_id) VALUES (1, ?, 'called', 1)`,
    ).run(now);
    expect(db.prepare('SELECT room, desk FROM visit_event ORDER BY id DESC LIMIT 1').get()).toEqual(
      { room: 'layanan', desk: 7 },
    );
    expect(db.prepare('SELECT call_room, call_desk FROM visit').get()).toEqual({
      call_room: 'layanan',
      call_desk: 7,
    });
    // A transfer names its own place; a step that is not a call leaves the place alone.
    db.prepare(
      `INSERT INTO visit_event (visit_id, at, kind, actor_id, room, reason)
       VALUES (1, ?, 'sent_to_reception', 1, 'resepsionis', 'r')`,
    ).run(now);
    db.prepare(
      `INSERT INTO visit_event (visit_id, at, kind, actor_id) VALUES (1, ?, 'released', 1)`,
    ).run(now);
    expect(db.prepare('SELECT call_room, call_desk FROM visit').get()).toEqual({
      call_room: 'resepsionis',
      call_desk: null,
    });
  });

  it('refuses an unknown event kind or room, and a second officer at one desk', () => {
    expect(() =>
      db
        .prepare(`INSERT INTO visit_event (visit_id, at, kind) VALUES (1, ?, 'teleported')`)
        .run(now),
    ).toThrow(/CHECK/);
    expect(() =>
      db
        .prepare(
          `INSERT INTO visit_event (visit_id, at, kind, room) VALUES (1, ?, 'recalled', 'dapur')`,
        )
        .run(now),
    ).toThrow(/CHECK/);
    db.prepare(
      "INSERT INTO staff (username, full_name, pin_hash, created_at) VALUES ('b', 'B', 'x', ?)",
    ).run(now);
    expect(() =>
      db
        .prepare(
          "INSERT INTO officer_desk (staff_id, room, desk, chosen_at) VALUES (2, 'layanan', 7, ?)",
        )
        .run(now),
    ).toThrow(/UNIQUE/);
    expect(() =>
      db
        .prepare(
          "INSERT INTO officer_desk (staff_id, room, desk, chosen_at) VALUES (2, 'layanan', 100, ?)",
        )
        .run(now),
    ).toThrow(/CHECK/);
  });
});
