import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CALL_NEXT_SQL } from '../../electron/core/consultation/officer-queue';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { openDatabase, type Db } from '../../electron/core/db/open-database';
import { tempDir } from '../helpers/temp-core';

let db: Db | undefined;
afterEach(() => db?.close());

const plan = (sql: string, params: Record<string, unknown>) =>
  (db!.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map(
    (p) => p.detail,
  );

function seedVisit(d: Db, queueNo: number): number {
  d.exec(`INSERT OR IGNORE INTO staff (id, username, full_name, pin_hash, created_at)
            VALUES (1, 'siti', 'Siti', 'x', '2026-11-24T01:00:00Z');
          INSERT OR IGNORE INTO visitor (id, full_name, phone, created_at, updated_at)
            VALUES (1, 'Budi', '+6281234567890', '2026-11-24T01:00:00Z', '2026-11-24T01:00:00Z')`);
  return Number(
    d
      .prepare(
        `INSERT INTO visit (visitor_id, service_day, queue_no, purpose, full_name, phone,
           checked_in_at, consent_version, consent_at, checked_in_by)
         VALUES (1, '2026-11-24', ?, 'Konsultasi', 'Budi', '+6281234567890',
           '2026-11-24T01:00:00Z', 'v1', '2026-11-24T01:00:00Z', 1)`,
      )
      .run(queueNo).lastInsertRowid,
  );
}

describe('migration 17: the priority lane and printed slips', () => {
  it('keeps visits of before as regular ones and takes only the known reasons', () => {
    const file = join(tempDir(), 'm18.sqlite');
    const before = openDatabase(
      file,
      MIGRATIONS.filter((m) => m.version < 18),
    );
    const old = seedVisit(before, 1);
    before.close();
    db = openDatabase(file);
    expect(
      db.prepare('SELECT priority_reason, priority_note FROM visit WHERE id = ?').get(old),
    ).toEqual({ priority_reason: null, priority_note: null });
    const id = seedVisit(db, 2);
    db.prepare(`UPDATE visit SET priority_reason = 'ibu_hamil' WHERE id = ?`).run(id);
    expect(() =>
      db!.prepare(`UPDATE visit SET priority_reason = 'vip' WHERE id = ?`).run(id),
    ).toThrow(/CHECK constraint/);
  });

  it('records slips with their visit, and a case receipt only with its case', () => {
    db = openDatabase(join(tempDir(), 'm18b.sqlite'));
    const visit = seedVisit(db, 1);
    const insert = db.prepare(
      `INSERT INTO slip_print (visit_id, case_id, kind, via, reprint, at, actor_id)
       VALUES (?, ?, ?, ?, 0, '2026-11-24T01:00:00Z', 1)`,
    );
    insert.run(visit, null, 'queue', 'thermal');
    expect(() => insert.run(visit, null, 'case', 'pdf')).toThrow(/CHECK constraint/);
    expect(() => insert.run(visit, null, 'queue', 'fax')).toThrow(/CHECK constraint/);
    expect(() => insert.run(visit + 100, null, 'queue', 'pdf')).toThrow(/FOREIGN KEY/);
  });

  it("calls the next visitor from the waiting-order index, never walking or sorting the day's visits", () => {
    db = openDatabase(join(tempDir(), 'm18c.sqlite'));
    const steps = plan(CALL_NEXT_SQL, { officerId: 1, at: 'x', day: '2026-11-24' });
    expect(steps.join('\n')).toMatch(
      /SEARCH visit USING INDEX visit_waiting_order \(service_day=\?\)/,
    );
    expect(steps.filter((d) => d.startsWith('SCAN') || d.includes('TEMP B-TREE'))).toEqual([]);
  });
});
