import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { openDatabase } from '../../electron/core/db/open-database';
import { tempDir } from '../helpers/temp-core';

describe('migration 15: the processing notice per visit, requests, restriction, read log', () => {
  const file = join(tempDir(), 'm15.sqlite');
  const now = '2026-11-24T02:00:00.000Z';
  const before = openDatabase(
    file,
    MIGRATIONS.filter((m) => m.version < 16),
  );
  before
    .prepare(
      "INSERT INTO staff (username, full_name, pin_hash, created_at) VALUES ('a', 'A', 'x', ?)",
    )
    .run(now);
  before
    .prepare(
      "INSERT INTO visitor (full_name, phone, created_at, updated_at) VALUES ('Budi', '+6281234567890', ?, ?)",
    )
    .run(now, now);
  before
    .prepare(
      `INSERT INTO visit (visitor_id, service_day, queue_no, purpose, full_name, phone,
         checked_in_at, consent_version, consent_at, checked_in_by)
       VALUES (1, '2026-11-24', 1, 'p', 'Budi', '+6281234567890', ?, '2026-11-v1', ?, 1)`,
    )
    .run(now, now);
  before.close();
  const db = openDatabase(file);

  it('keeps a visit recorded under the old consent as it was, with no notice', () => {
    expect(
      db
        .prepare(
          'SELECT consent_version, consent_at, notice_version, notice_delivery, notice_at, contact_consent_version FROM visit',
        )
        .get(),
    ).toEqual({
      consent_version: '2026-11-v1',
      consent_at: now,
      notice_version: null,
      notice_delivery: null,
      notice_at: null,
      contact_consent_version: null,
    });
  });

  it('accepts only the known ways of giving the notice', () => {
    const set = db.prepare('UPDATE visit SET notice_delivery = ? WHERE id = 1');
    set.run('read_out');
    expect(() => set.run('whispered')).toThrow(/CHECK/);
  });

  it('keeps requests to their kinds, and an answer always with its outcome', () => {
    const insert = db.prepare(
      `INSERT INTO privacy_request (kind, requester_name, channel, received_at, due_at,
         registered_by, registered_at, answered_at, outcome)
       VALUES (?, 'Budi', 'in_person', ?, ?, 1, ?, ?, ?)`,
    );
    insert.run('access', now, now, now, null, null);
    insert.run('erasure', now, now, now, now, 'fulfilled');
    expect(() => insert.run('gossip', now, now, now, null, null)).toThrow(/CHECK/);
    expect(() => insert.run('access', now, now, now, now, null)).toThrow(/CHECK/);
    expect(() => insert.run('access', now, now, now, null, 'refused')).toThrow(/CHECK/);
  });

  it('makes the read log append-only', () => {
    db.prepare(
      "INSERT INTO read_log (at, staff_id, method, entity, entity_id) VALUES (?, 1, 'case.get', 'case', '1')",
    ).run(now);
    expect(() => db.prepare("UPDATE read_log SET entity_id = '2'").run()).toThrow(/append-only/);
    expect(() =>
      db
        .prepare("INSERT INTO read_log (at, method, entity) VALUES (?, 'x', 'survey_response')")
        .run(now),
    ).toThrow(/CHECK/);
  });

  it('parks outbox entries of a restricted person, however they are written or requeued', () => {
    db.prepare(
      `INSERT INTO problem_case (case_code, visit_id, officer_id, reporter_name, reporter_phone,
         created_at, updated_at) VALUES ('KS-1', 1, 1, 'Budi', '+62', ?, ?)`,
    ).run(now, now);
    const enqueue = db.prepare(
      `INSERT INTO outbox (case_id, operation, idempotency_key, next_attempt_at, created_at, updated_at)
       VALUES (1, 'add_note', ?, ?, ?, ?)`,
    );
    enqueue.run('k1', now, now, now);
    db.prepare(
      'INSERT INTO processing_restriction (visitor_id, restricted_at, restricted_by) VALUES (1, ?, 1)',
    ).run(now);
    enqueue.run('k2', now, now, now);
    db.prepare("UPDATE outbox SET state = 'queued' WHERE idempotency_key = 'k1'").run();
    expect(
      db
        .prepare(
          "SELECT idempotency_key AS k, state, json_extract(last_error, '$.kind') AS kind FROM outbox ORDER BY id",
        )
        .all(),
    ).toEqual([
      { k: 'k1', state: 'failed', kind: 'restricted' },
      { k: 'k2', state: 'failed', kind: 'restricted' },
    ]);
  });
});
