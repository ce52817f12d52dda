import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../electron/core/db/migrations';
import { openDatabase } from '../../../electron/core/db/open-database';
import {
  ServiceReporter,
  serviceFirstSeenSql,
  serviceGroupsSql,
} from '../../../electron/core/reports/service-report';
import { VisitFactFill } from '../../../electron/core/reports/visit-fact-fill';
import { tempDir } from '../../helpers/temp-core';

const facts = (db: ReturnType<typeof openDatabase>) =>
  db
    .prepare(
      `SELECT visit_id, status, officer_id, checked_in_ms, called_ms, started_ms, ended_ms,
              case_status, escalated, category FROM visit_fact ORDER BY service_day, queue_no`,
    )
    .all();

/** A desk at schema 21 with one served visit, its events and its case. */
function deskBefore22(): string {
  const file = join(tempDir(), 'm22.sqlite');
  const old = openDatabase(
    file,
    MIGRATIONS.filter((m) => m.version < 22),
  );
  old.exec(`
    INSERT INTO staff (id, username, full_name, pin_hash, created_at)
      VALUES (1, 'siti', 'Siti', 'x', '2026-01-01T00:00:00Z');
    INSERT INTO visitor (id, full_name, phone, created_at, updated_at)
      VALUES (1, 'Budi', '+6281234567890', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
    INSERT INTO visit (id, visitor_id, service_day, queue_no, purpose, full_name, phone, status,
        officer_id, checked_in_at, consent_version, consent_at, checked_in_by)
      VALUES (1, 1, '2026-11-02', 1, 'Konsultasi', 'Budi', '+6281234567890', 'done', 1,
        '2026-11-02T02:00:00.000Z', 'v1', '2026-11-02T02:00:00.000Z', 1);
    INSERT INTO visit_event (visit_id, at, kind) VALUES
      (1, '2026-11-02T02:00:00.000Z', 'checked_in'),
      (1, '2026-11-02T02:15:00.000Z', 'called'),
      (1, '2026-11-02T02:10:00.500Z', 'called'),
      (1, '2026-11-02T02:20:00.000Z', 'started'),
      (1, '2026-11-02T02:40:00.000Z', 'ended'),
      (1, '2026-11-02T02:50:00.000Z', 'ended');
    INSERT INTO problem_case (id, case_code, visit_id, officer_id, status, reporter_name,
        reporter_phone, category, created_at, updated_at)
      VALUES (1, 'K-1', 1, 1, 'solved', 'Budi', '+6281234567890', 'akun_login', 'now', 'now');
  `);
  old.close();
  return file;
}

describe('migration 22: the per-visit facts of the service report', () => {
  it('leaves older visits to the fill after start-up, which a service report waits for', async () => {
    const db = openDatabase(deskBefore22(), undefined, { buildBudgetMs: 0 });
    expect(facts(db)).toEqual([]);
    const reporter = new ServiceReporter(db);
    await reporter.ready();
    expect(facts(db)).toHaveLength(1);
    expect(new VisitFactFill(db).done()).toBe(true);
    db.close();
  });

  it('fills the facts of visits already written, and triggers keep them as events come', () => {
    const file = deskBefore22();

    const db = openDatabase(file);
    const at = (iso: string) => Date.parse(iso);
    expect(facts(db)).toEqual([
      {
        visit_id: 1,
        status: 'done',
        officer_id: 1,
        checked_in_ms: at('2026-11-02T02:00:00.000Z'),
        called_ms: at('2026-11-02T02:10:00.500Z'),
        started_ms: at('2026-11-02T02:20:00.000Z'),
        ended_ms: at('2026-11-02T02:50:00.000Z'),
        case_status: 'solved',
        escalated: 0,
        category: 'akun_login',
      },
    ]);

    // A new visit: checked in, called, its officer and status changed, a case escalated.
    db.exec(`
      INSERT INTO visit (id, visitor_id, service_day, queue_no, purpose, full_name, phone,
          checked_in_at, consent_version, consent_at, checked_in_by)
        VALUES (2, 1, '2026-11-02', 2, 'Konsultasi', 'Budi', '+6281234567890',
          '2026-11-02T03:00:00.000Z', 'v1', '2026-11-02T03:00:00.000Z', 1);
      INSERT INTO visit_event (visit_id, at, kind) VALUES (2, '2026-11-02T03:05:00.000Z', 'called');
      UPDATE visit SET status = 'called', officer_id = 1 WHERE id = 2;
      INSERT INTO problem_case (id, case_code, visit_id, officer_id, status, reporter_name,
          reporter_phone, created_at, updated_at)
        VALUES (2, 'K-2', 2, 1, 'draft', 'Budi', '+6281234567890', 'now', 'now');
      UPDATE problem_case SET status = 'escalated', escalated_at = '2026-11-02T03:30:00.000Z',
          category = 'proses_tender' WHERE id = 2;
      -- A second case of the same visit does not replace the first.
      INSERT INTO problem_case (id, case_code, visit_id, officer_id, status, reporter_name,
          reporter_phone, created_at, updated_at)
        VALUES (3, 'K-3', 2, 1, 'solved', 'Budi', '+6281234567890', 'now', 'now');
    `);
    expect(facts(db)[1]).toEqual({
      visit_id: 2,
      status: 'called',
      officer_id: 1,
      checked_in_ms: at('2026-11-02T03:00:00.000Z'),
      called_ms: at('2026-11-02T03:05:00.000Z'),
      started_ms: null,
      ended_ms: null,
      case_status: 'escalated',
      escalated: 1,
      category: 'proses_tender',
    });
    const strict = db
      .prepare("SELECT strict FROM pragma_table_list WHERE name = 'visit_fact'")
      .pluck()
      .get();
    expect(strict).toBe(1);
    db.close();
  });

  it('reads a span of visit facts by the primary key, for every cut', () => {
    const db = openDatabase(join(tempDir(), 'plans.sqlite'));
    const plan = (sql: string, ...params: unknown[]) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[])
        .map((p) => p.detail)
        .join('\n');
    for (const cut of [
      null,
      'officer',
      'category',
      'application',
      'visitor_type',
      'lpse',
    ] as const) {
      const p = plan(serviceGroupsSql(cut, false), '2026-11-01', '2026-11-30');
      expect(p).toMatch(/SEARCH f USING PRIMARY KEY \(service_day>\? AND service_day<\?\)/);
      expect(p).not.toMatch(/SCAN/);
      if (cut === 'lpse') expect(p).toMatch(/SEARCH v USING INTEGER PRIMARY KEY \(rowid=\?\)/);
      if (cut) {
        const first = plan(serviceFirstSeenSql(cut), '2026-11-01', '2026-11-30', '');
        expect(first).toMatch(/SEARCH f USING PRIMARY KEY \(service_day>\? AND service_day<\?\)/);
      }
    }
    // The triggers find a visit's fact row by its key, never by walking the table.
    const update = plan(
      `UPDATE visit_fact SET called_ms = 1
        WHERE service_day = (SELECT service_day FROM visit WHERE id = 1)
          AND queue_no = (SELECT queue_no FROM visit WHERE id = 1)`,
    );
    expect(update).toMatch(
      /SEARCH visit_fact USING PRIMARY KEY \(service_day=\? AND queue_no=\?\)/,
    );
    expect(update).not.toMatch(/SCAN/);
    db.close();
  });
});
