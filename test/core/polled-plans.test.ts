import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CASES_OF_DAY_SQL } from '../../electron/core/consultation/cases';
import { openDatabase } from '../../electron/core/db/open-database';
import { FOLLOW_UP_OPEN_SQL, FOLLOW_UP_PAUSES_SQL } from '../../electron/core/followup/follow-up';
import {
  OUTBOX_DELIVERED_LIST_SQL,
  OUTBOX_WAITING_LIST_SQL,
} from '../../electron/core/sync/outbox-store';
import { VISITOR_SEARCH_SQL } from '../../electron/core/reception/visitors';
import { ANNOUNCEMENTS_SQL } from '../../electron/core/board/queue-board';
import { AT_RECEPTION_SQL } from '../../electron/core/waiting/call-actions';
import { tempDir } from '../helpers/temp-core';

const db = openDatabase(join(tempDir(), 'plans.sqlite'));
afterAll(() => db.close());

function plan(sql: string, ...params: unknown[]): string {
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[])
    .map((p) => p.detail)
    .join('\n');
}

describe('calls that poll or grow with history read from indexes', () => {
  it("counts the day's cases for the next case code through the unique index of codes", () => {
    const p = plan(CASES_OF_DAY_SQL, 'KS-7QF2-261124-', 'KS-7QF2-261124.');
    expect(p).toMatch(
      /SEARCH problem_case USING COVERING INDEX sqlite_autoindex_problem_case_1 \(case_code>\? AND case_code<\?\)/,
    );
  });

  it('lists open follow-ups from their partial index, never every case', () => {
    const p = plan(FOLLOW_UP_OPEN_SQL);
    expect(p).toMatch(/SCAN c USING INDEX problem_case_follow_up/);
    expect(p).not.toMatch(/SCAN c\b(?! USING)/);
    expect(p).not.toMatch(/TEMP B-TREE/);
  });

  it("reads all open follow-ups' pauses in one statement, by index", () => {
    const p = plan(FOLLOW_UP_PAUSES_SQL);
    expect(p).toMatch(/USING INDEX problem_case_follow_up/);
    expect(p).toMatch(/SEARCH p USING INDEX sla_pause_case \(case_id=\?\)/);
    expect(p).not.toMatch(/SCAN p\b/);
  });

  it('lists the send queue from the partial indexes of waiting and delivered entries', () => {
    const waiting = plan(OUTBOX_WAITING_LIST_SQL, 500);
    expect(waiting).toMatch(/outbox_waiting/);
    expect(waiting).not.toMatch(/SCAN o\b(?! USING)/);
    const delivered = plan(OUTBOX_DELIVERED_LIST_SQL, 500);
    expect(delivered).toMatch(/SCAN o USING INDEX outbox_delivered/);
    expect(delivered).not.toMatch(/TEMP B-TREE/);
  });

  it('searches visitors from the full-text index in recency order, with no sort', () => {
    for (const sql of [VISITOR_SEARCH_SQL]) {
      const p = plan(sql, '"di"*', 8);
      expect(p).toMatch(/VIRTUAL TABLE INDEX/);
      expect(p).toMatch(
        /SEARCH r USING (COVERING )?INDEX sqlite_autoindex_visitor_recency_1 \(seq=\?\)/,
      );
      expect(p).toMatch(/SEARCH v USING INTEGER PRIMARY KEY/);
      expect(p).not.toMatch(/SCAN (v|r)\b/);
    }
    expect(plan(VISITOR_SEARCH_SQL, '"di"*', 8)).not.toMatch(/TEMP B-TREE/);
  });

  it("reads the board's announcements of the day from their partial index, newest first", () => {
    const p = plan(ANNOUNCEMENTS_SQL, '2026-11-23T17:00:00.000Z');
    expect(p).toMatch(/SEARCH e USING INDEX visit_event_announced \(at>\?\)/);
    expect(p).toMatch(/SEARCH v USING INTEGER PRIMARY KEY/);
    expect(p).not.toMatch(/TEMP B-TREE/);
  });

  it("lists the visitors sent back to reception from one day's visits, by index", () => {
    const p = plan(AT_RECEPTION_SQL, '2026-11-24');
    expect(p).toMatch(/SEARCH v USING INDEX \w+ \((service_day|status)=\?/);
    expect(p).toMatch(/SEARCH e USING INDEX visit_event_(visit|kind) \(visit_id=\?/);
    expect(p).not.toMatch(/SCAN (v|e)\b/);
  });
});
