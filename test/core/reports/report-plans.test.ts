import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/core/db/open-database';
import { IKM_RAW_SQL } from '../../../electron/core/reports/ikm-document';
import { serviceGroupsSql, visitFactsSql } from '../../../electron/core/reports/service-report';
import {
  SLA_CASES_SQL,
  SLA_COLUMN_QUERIES,
  SLA_CONFIRMATIONS_SQL,
  SLA_PAUSES_SQL,
} from '../../../electron/core/reports/sla-report';
import { tempDir } from '../../helpers/temp-core';

const db = openDatabase(join(tempDir(), 'report-plans.sqlite'));
afterAll(() => db.close());

function plan(sql: string, ...params: unknown[]): string {
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[])
    .map((p) => p.detail)
    .join('\n');
}

const SPAN = ['2026-11-01', '2026-11-30'];
const INSTANTS = ['2026-10-31T17:00:00.000Z', '2026-11-30T17:00:00.000Z'];

/** Reports grow with history: five years of a busy desk must not be walked for one month. */
describe('report queries read a period through indexes', () => {
  it("reads a period's visits by service day, and each visit's events and case by index", () => {
    const p = plan(visitFactsSql(false), ...SPAN);
    expect(p).toMatch(
      /SEARCH v USING INDEX sqlite_autoindex_visit_1 \(service_day>\? AND service_day<\?\)/,
    );
    expect(p).toMatch(/SEARCH e USING COVERING INDEX visit_event_kind \(visit_id=\? AND kind=\?\)/);
    expect(p).toMatch(/SEARCH x USING COVERING INDEX problem_case_visit \(visit_id=\?\)/);
    expect(p).not.toMatch(/SCAN (v|e|c|x)\b/);
  });

  it("reads the cases escalated in a period through migration 19's index", () => {
    const p = plan(SLA_CASES_SQL, ...INSTANTS);
    expect(p).toMatch(
      /SEARCH c USING INDEX problem_case_escalated \(escalated_at>\? AND escalated_at<\?\)/,
    );
    expect(p).not.toMatch(/SCAN c\b/);
    expect(p).not.toMatch(/TEMP B-TREE/);
  });

  it('reads their pauses and confirmations by case', () => {
    const pauses = plan(SLA_PAUSES_SQL, ...INSTANTS);
    expect(pauses).toMatch(/problem_case_escalated/);
    expect(pauses).toMatch(/SEARCH p USING INDEX sla_pause_case \(case_id=\?\)/);
    const confirmations = plan(SLA_CONFIRMATIONS_SQL, ...INSTANTS);
    expect(confirmations).toMatch(/SEARCH f USING INDEX confirmation_case \(case_id=\?\)/);
    expect(confirmations).not.toMatch(/SCAN f\b/);
  });

  it('reads the cases, pauses and confirmations as JSON columns by the same indexes, unsorted', () => {
    const [cases, pauses, confirmations] = SLA_COLUMN_QUERIES.map((q) => plan(q, ...INSTANTS));
    for (const p of [cases, pauses, confirmations]) {
      expect(p).toMatch(/problem_case_escalated \(escalated_at>\? AND escalated_at<\?\)/);
      expect(p).not.toMatch(/TEMP B-TREE/);
      expect(p).not.toMatch(/SCAN (c|l|x|p|f)\b/);
    }
    expect(pauses).toMatch(/SEARCH p USING INDEX sla_pause_case \(case_id=\?\)/);
    expect(confirmations).toMatch(/SEARCH f USING INDEX confirmation_case \(case_id=\?\)/);
  });

  it("aggregates a period's visit facts in one range of the key, with no sort for any cut", () => {
    for (const cut of [
      null,
      'officer',
      'category',
      'application',
      'visitor_type',
      'lpse',
    ] as const) {
      const p = plan(serviceGroupsSql(cut, false), ...SPAN);
      expect(p).toMatch(/SEARCH f USING PRIMARY KEY \(service_day>\? AND service_day<\?\)/);
      expect(p).not.toMatch(/TEMP B-TREE/);
      expect(p).not.toMatch(/SCAN/);
    }
  });

  it("reads a period's survey answers by month for the raw sheet, in the index's order", () => {
    const p = plan(IKM_RAW_SQL, ...SPAN);
    expect(p).toMatch(/survey_response_month \(service_month>\? AND service_month<\?\)/);
    // A million answers are streamed, never sorted in memory first.
    expect(p).not.toMatch(/TEMP B-TREE/);
  });
});
