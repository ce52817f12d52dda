import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { openDatabase } from '../../electron/core/db/open-database';
import { tempDir } from '../helpers/temp-core';

describe('migration 18: reports (cases by escalation, holidays, 1x24 exclusions)', () => {
  const file = join(tempDir(), 'm18.sqlite');
  const before = openDatabase(
    file,
    MIGRATIONS.filter((m) => m.version < 19),
  );
  before.exec(`
    INSERT INTO staff (username, full_name, pin_hash, created_at) VALUES ('a', 'A', 'x', 'n');
    INSERT INTO visitor (full_name, phone, created_at, updated_at) VALUES ('V', '+62812', 'n', 'n');
    INSERT INTO visit (visitor_id, service_day, queue_no, purpose, full_name, phone, checked_in_at,
      consent_version, consent_at, checked_in_by) VALUES (1, '2026-11-02', 1, 'p', 'V', '+62812', 'n', 'v1', 'n', 1);
    INSERT INTO problem_case (case_code, visit_id, officer_id, status, reporter_name, reporter_phone,
      created_at, updated_at, escalated_at) VALUES ('K-1', 1, 1, 'escalated', 'V', '+62812', 'n', 'n',
      '2026-11-02T03:00:00.000Z');
  `);
  before.close();
  const db = openDatabase(file);
  afterAll(() => db.close());

  it('keeps the cases written before it and adds STRICT tables for holidays and exclusions', () => {
    expect(db.prepare('SELECT case_code FROM problem_case').pluck().all()).toEqual(['K-1']);
    const strict = db
      .prepare(
        "SELECT name, strict FROM pragma_table_list WHERE name IN ('service_holiday', 'sla_exclusion')",
      )
      .all();
    expect(strict).toEqual(
      expect.arrayContaining([
        { name: 'service_holiday', strict: 1 },
        { name: 'sla_exclusion', strict: 1 },
      ]),
    );
  });

  it('refuses a holiday that is not a day, an exclusion without a note or with another reason', () => {
    const holiday = db.prepare(
      "INSERT INTO service_holiday (day, name, added_at) VALUES (?, 'Libur', 'n')",
    );
    holiday.run('2026-12-25');
    expect(() => holiday.run('25-12-2026')).toThrow(/CHECK/);
    expect(() => holiday.run('2026-12-25')).toThrow(/UNIQUE|PRIMARY/);
    const exclusion = db.prepare(
      "INSERT INTO sla_exclusion (case_id, reason, note, marked_by, marked_at) VALUES (1, ?, ?, 1, 'n')",
    );
    expect(() => exclusion.run('holiday', 'x')).toThrow(/CHECK/);
    expect(() => exclusion.run('development', '')).toThrow(/CHECK/);
    expect(() =>
      db
        .prepare(
          "INSERT INTO sla_exclusion (case_id, reason, note, marked_by, marked_at) VALUES (99, 'user', 'x', 1, 'n')",
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
    exclusion.run('development', 'Perlu pengembangan');
  });

  it('finds cases by escalation time and confirmations by case through its indexes', () => {
    const names = db
      .prepare(
        "SELECT name FROM sqlite_schema WHERE type = 'index' AND name IN ('problem_case_escalated', 'confirmation_case')",
      )
      .pluck()
      .all();
    expect(names.sort()).toEqual(['confirmation_case', 'problem_case_escalated']);
  });
});
