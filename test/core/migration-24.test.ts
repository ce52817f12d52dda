import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../electron/core/db/open-database';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { periodRanges, tallySql } from '../../electron/core/reports/ikm-report';
import { SKM_ELEMENTS } from '../../shared/domain/skm';
import { tempDir } from '../helpers/temp-core';

const FIGURES = ['respondents', ...SKM_ELEMENTS.flatMap((e) => [`${e}_sum`, `${e}_count`])];
const MONTHS_FROM_DAYS = `SELECT substr(service_day, 1, 7) AS service_month, officer_id, category,
    ${FIGURES.map((f) => `sum(${f}) AS ${f}`).join(', ')}
  FROM survey_tally GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`;
const MONTHS = `SELECT service_month, officer_id, category, ${FIGURES.join(', ')}
  FROM survey_tally_month ORDER BY 1, 2, 3`;

const addTally = (db: Db) => {
  const upsert = db.prepare<[string, number, string, number, number, number, number, number]>(
    `INSERT INTO survey_tally (service_day, officer_id, category, respondents, persyaratan_sum,
       persyaratan_count, waktu_sum, waktu_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (service_day, officer_id, category) DO UPDATE SET
       respondents = respondents + excluded.respondents,
       persyaratan_sum = persyaratan_sum + excluded.persyaratan_sum,
       persyaratan_count = persyaratan_count + excluded.persyaratan_count,
       waktu_sum = waktu_sum + excluded.waktu_sum, waktu_count = waktu_count + excluded.waktu_count`,
  );
  // The second element's answer is the first's, one step better or the same.
  return {
    run: (day: string, officer: number, category: string, n: number, sum: number, count: number) =>
      upsert.run(day, officer, category, n, sum, count, Math.min(4 * count, sum + count), count),
  };
};

function staff(db: Db, n: number): void {
  const insert = db.prepare<[string, string]>(
    "INSERT INTO staff (username, full_name, pin_hash, created_at) VALUES (?, ?, 'x', 'now')",
  );
  for (let i = 1; i <= n; i++) insert.run(`petugas${i}`, `Petugas ${i}`);
}

describe('migration 24: the IKM tallies by month', () => {
  it("fills the months from a desk's daily tallies", () => {
    const file = join(tempDir(), 'm24.sqlite');
    const before = openDatabase(
      file,
      MIGRATIONS.filter((m) => m.version < 24),
    );
    staff(before, 2);
    const tally = addTally(before);
    tally.run('2026-10-30', 1, 'akun_login', 3, 10, 3);
    tally.run('2026-10-31', 1, 'akun_login', 2, 7, 2);
    tally.run('2026-10-31', 2, '', 1, 4, 1);
    tally.run('2026-11-02', 1, 'akun_login', 1, 2, 1);
    before.close();
    const db = openDatabase(file);
    expect(db.prepare(MONTHS).all()).toEqual(db.prepare(MONTHS_FROM_DAYS).all());
    expect(db.prepare(MONTHS).all()).toHaveLength(3);
    db.close();
  });

  it('keeps each month the sum of its days whatever is written, changed or removed', () => {
    const db = openDatabase(join(tempDir(), 'm24-triggers.sqlite'));
    staff(db, 3);
    const tally = addTally(db);
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return Math.floor((seed / 2147483648) * n);
    };
    db.transaction(() => {
      for (let i = 0; i < 300; i++) {
        const day = `2026-${String(1 + rand(3)).padStart(2, '0')}-${String(1 + rand(28)).padStart(2, '0')}`;
        tally.run(
          day,
          1 + rand(3),
          ['', 'akun_login', 'proses_tender'][rand(3)]!,
          1,
          1 + rand(4),
          1,
        );
      }
    })();
    expect(db.prepare(MONTHS).all()).toEqual(db.prepare(MONTHS_FROM_DAYS).all());
    // A day moved to another month, then a few days removed: no month keeps an empty row.
    db.prepare(
      `UPDATE survey_tally SET service_day = '2026-04-' || substr(service_day, 9)
         WHERE service_day LIKE '2026-02-0%'`,
    ).run();
    db.prepare(
      'UPDATE survey_tally SET respondents = respondents + 1, waktu_sum = waktu_sum + 2 WHERE officer_id = 2',
    ).run();
    db.prepare("DELETE FROM survey_tally WHERE service_day LIKE '2026-01-1%'").run();
    db.prepare("DELETE FROM survey_tally WHERE service_day LIKE '2026-03-%'").run();
    expect(db.prepare(MONTHS).all()).toEqual(db.prepare(MONTHS_FROM_DAYS).all());
    expect(
      db
        .prepare("SELECT count(*) AS n FROM survey_tally_month WHERE service_month = '2026-03'")
        .get(),
    ).toEqual({ n: 0 });
    db.close();
  });

  it('splits a period into its whole months and the days around them', () => {
    expect(periodRanges('2025-11-15', '2026-02-10')).toEqual([
      '2025-11-15',
      '2025-11-30',
      '2026-02-01',
      '2026-02-10',
      '2025-12',
      '2026-01',
    ]);
    expect(periodRanges('2026-01-01', '2026-12-31')).toEqual([
      '1',
      '0',
      '1',
      '0',
      '2026-01',
      '2026-12',
    ]);
    expect(periodRanges('2024-02-01', '2024-02-29')).toEqual([
      '1',
      '0',
      '1',
      '0',
      '2024-02',
      '2024-02',
    ]);
    expect(periodRanges('2026-01-31', '2026-02-01')).toEqual([
      '2026-01-31',
      '2026-02-01',
      '1',
      '0',
      '1',
      '0',
    ]);
    expect(periodRanges('2026-03-02', '2026-03-31')).toEqual([
      '2026-03-02',
      '2026-03-31',
      '1',
      '0',
      '1',
      '0',
    ]);
  });

  it('gives every period the same figures as its daily tallies alone', () => {
    const db = openDatabase(join(tempDir(), 'm24-report.sqlite'));
    staff(db, 3);
    const tally = addTally(db);
    let seed = 11;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return Math.floor((seed / 2147483648) * n);
    };
    const start = Date.parse('2025-11-01T00:00:00Z');
    const day = (offset: number) =>
      new Date(start + offset * 86_400_000).toISOString().slice(0, 10);
    db.transaction(() => {
      for (let i = 0; i < 2000; i++) {
        const category = ['', 'akun_login', 'proses_tender'][rand(3)]!;
        tally.run(day(rand(200)), 1 + rand(3), category, 1, 1 + rand(4), 1);
      }
    })();
    const periods: [string, string][] = [
      ['2025-11-01', '2026-05-19'],
      ['2025-11-15', '2026-02-10'],
      ['2026-01-01', '2026-01-31'],
      ['2026-01-31', '2026-02-01'],
      ['2024-01-01', '2027-12-31'],
      ...Array.from({ length: 40 }, () => {
        const a = rand(200);
        return [day(a), day(a + rand(120))] as [string, string];
      }),
    ];
    const keys: [string, string?][] = [
      ["''"],
      ['officer_id'],
      ['category'],
      ['substr(service_day, 1, 7)', 'service_month'],
    ];
    for (const [dayKey, monthKey] of keys) {
      const q = db.prepare(tallySql(dayKey, monthKey));
      for (const [from, to] of periods) {
        const daysOnly = q.all(from, to, '1', '0', '1', '0');
        expect(q.all(...periodRanges(from, to)), `${dayKey} ${from}..${to}`).toEqual(daysOnly);
      }
    }
    db.close();
  });

  it("reads the period's tallies by primary key, days and months alike", () => {
    const db = openDatabase(join(tempDir(), 'm24-plan.sqlite'));
    const steps = (
      db
        .prepare(`EXPLAIN QUERY PLAN ${tallySql('officer_id')}`)
        .all(...periodRanges('2026-01-15', '2026-12-31')) as { detail: string }[]
    )
      .map((r) => r.detail)
      .join('\n');
    expect(steps).toMatch(
      /SEARCH survey_tally USING PRIMARY KEY \(service_day>\? AND service_day<\?\)/,
    );
    expect(steps).toMatch(
      /SEARCH survey_tally_month USING PRIMARY KEY \(service_month>\? AND service_month<\?\)/,
    );
    expect(steps).not.toMatch(/SCAN survey_tally/);
    db.close();
  });
});
