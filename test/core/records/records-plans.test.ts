import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/core/db/open-database';
import { MIGRATIONS } from '../../../electron/core/db/migrations';
import {
  CASES_BY_CODE_SQL,
  CASES_BY_TICKET_SQL,
  CASES_OF_VISIT_SQL,
  OFFICER_VISITS_SQL,
  OPEN_CASE_VISITS_SQL,
  PERSON_CANDIDATES_SQL,
  PERSON_SQL,
  VISITS_OF_PERIOD_SQL,
  VISITS_OF_VISITOR_SQL,
} from '../../../electron/core/records/records-search';
import { TRAIL_SQL, VISIT_EVENTS_SQL } from '../../../electron/core/records/case-record';
import { AUDIT_ACTIONS_SQL, AUDIT_SQL } from '../../../electron/core/records/audit-viewer';
import {
  CLOSED_ALL_SQL,
  CLOSED_OF_OFFICER_SQL,
  PAUSES_OF_CASES_SQL,
} from '../../../electron/core/followup/closed-cases';
import { VISITORS_BY_PHONE_SQL } from '../../../electron/core/reception/duplicate-visitor';
import { tempDir } from '../../helpers/temp-core';

const db = openDatabase(join(tempDir(), 'records-plans.sqlite'));
const before = openDatabase(
  join(tempDir(), 'records-plans-20.sqlite'),
  MIGRATIONS.filter((m) => m.version < 20),
);
afterAll(() => {
  db.close();
  before.close();
});

function plan(sql: string, params: unknown[] | Record<string, unknown>, on = db): string {
  const s = on.prepare(`EXPLAIN QUERY PLAN ${sql}`);
  const rows = (Array.isArray(params) ? s.all(...params) : s.all(params)) as { detail: string }[];
  return rows.map((p) => p.detail).join('\n');
}
const scans = (p: string) =>
  p.split('\n').filter((d) => /^SCAN (?!j\b)/.test(d) && !/USING/.test(d));

const DAYS = ['2021-01-01', '2026-12-31'];
const AUDIT = {
  from: '2026-01-01T00:00:00.000Z',
  to: '2026-02-01T00:00:00.000Z',
  beforeAt: '\uffff',
  beforeId: 1e15,
  limit: 51,
  actorId: 1,
  action: 'visit.checkIn',
};

describe('records queries read from indexes, never the whole history', () => {
  it('finds cases by number and by ticket, and the cases of a visit, by index', () => {
    expect(plan(CASES_BY_CODE_SQL, ['KS-7QF2-2611', 'KS-7QF2-2612'])).toMatch(
      /SEARCH problem_case USING INDEX sqlite_autoindex_problem_case_1 \(case_code>\? AND case_code<\?\)/,
    );
    const ticket = plan(CASES_BY_TICKET_SQL, ['4711']);
    expect(ticket).toMatch(/SEARCH l USING (COVERING )?INDEX backend_link_remote \(remote_id=\?\)/);
    expect(plan(CASES_BY_TICKET_SQL, ['4711'], before)).toMatch(/SCAN l/);
    expect(plan(CASES_OF_VISIT_SQL, [1])).toMatch(/SEARCH c USING INDEX problem_case_visit/);
  });

  it("walks a visitor's visits, a period's visits and an officer's visits along their indexes", () => {
    expect(plan(VISITS_OF_VISITOR_SQL, [1, ...DAYS])).toMatch(
      /SEARCH v USING INDEX visit_visitor \(visitor_id=\? AND service_day>\? AND service_day<\?\)/,
    );
    const period = plan(VISITS_OF_PERIOD_SQL, [...DAYS, 51]);
    expect(period).toMatch(
      /SEARCH v USING INDEX sqlite_autoindex_visit_1 \(service_day>\? AND service_day<\?\)/,
    );
    expect(period).not.toMatch(/TEMP B-TREE/);
    const officer = plan(OFFICER_VISITS_SQL, [1, ...DAYS, 51]);
    expect(officer).toMatch(/SEARCH v USING INDEX visit_officer_day/);
    expect(officer).not.toMatch(/TEMP B-TREE/);
    expect(plan(OPEN_CASE_VISITS_SQL, [])).toMatch(/problem_case_follow_up/);
    for (const p of [period, officer]) expect(scans(p)).toEqual([]);
  });

  it("searches people through reception's full-text index in recency order", () => {
    for (const [sql, params] of [
      [PERSON_SQL, ['"budi"*']],
      [PERSON_CANDIDATES_SQL, ['"muhamm"*', '{"phoneOnly":false,"words":[["muhammad"]]}']],
      [VISITORS_BY_PHONE_SQL, ['phone : "6281234567890"', 0]],
    ] as const) {
      const p = plan(sql, [...params]);
      expect(p).toMatch(/VIRTUAL TABLE INDEX/);
      expect(p).toMatch(/SEARCH r USING (COVERING )?INDEX sqlite_autoindex_visitor_recency_1/);
      expect(p).not.toMatch(/TEMP B-TREE/);
      expect(scans(p).filter((d) => !d.startsWith('SCAN s'))).toEqual([]);
    }
  });

  it("reads a case's trail and its visit's events by index", () => {
    expect(plan(TRAIL_SQL, ['case', 'KS-1'])).toMatch(/SEARCH a USING INDEX audit_entity/);
    expect(plan(VISIT_EVENTS_SQL, [1])).toMatch(/SEARCH e USING INDEX visit_event_visit/);
  });

  it('pages the closed follow-ups newest first from their partial indexes', () => {
    const all = plan(CLOSED_ALL_SQL, ['\uffff', 1e15, 51]);
    expect(all).toMatch(/USING INDEX problem_case_closed\b/);
    expect(all).not.toMatch(/TEMP B-TREE/);
    const mine = plan(CLOSED_OF_OFFICER_SQL, [1, '\uffff', 1e15, 51]);
    expect(mine).toMatch(/USING INDEX problem_case_closed_officer/);
    expect(mine).not.toMatch(/TEMP B-TREE/);
    expect(plan(PAUSES_OF_CASES_SQL, ['[1,2]'])).toMatch(/SEARCH p USING INDEX sla_pause_case/);
    expect(plan(CLOSED_ALL_SQL, ['\uffff', 1e15, 51], before)).toMatch(/SCAN c\b/);
  });

  it('pages the audit trail by period, person or action along its own index, with no sort', () => {
    const expected = {
      period: /SEARCH a USING INDEX audit_at \(at>\? AND at<\?\)/,
      actor: /SEARCH a USING INDEX audit_actor_at \(actor_id=\? AND at>\? AND at<\?\)/,
      action: /SEARCH a USING INDEX audit_action_at \(action=\? AND at>\? AND at<\?\)/,
      both: /SEARCH a USING INDEX audit_actor_at \(actor_id=\? AND at>\? AND at<\?\)/,
    };
    for (const kind of ['period', 'actor', 'action', 'both'] as const) {
      const p = plan(AUDIT_SQL[kind], AUDIT);
      expect(p).toMatch(expected[kind]);
      expect(p).not.toMatch(/TEMP B-TREE/);
    }
    expect(plan(AUDIT_SQL.period, AUDIT, before)).toMatch(/SCAN a/);
    expect(plan(AUDIT_ACTIONS_SQL, [])).toMatch(/SCAN audit_action/);
  });
});
