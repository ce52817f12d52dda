import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/open-database';
import {
  AFFECTED_BY_PERIOD_SQL,
  AFFECTED_BY_STATION_SQL,
} from '../../electron/core/privacy/breach-export';
import { REQUEST_LIST_SQL } from '../../electron/core/privacy/requests/request-register';
import { tempDir } from '../helpers/temp-core';

const db = openDatabase(join(tempDir(), 'privacy-plans.sqlite'));
afterAll(() => db.close());

function plan(sql: string, params: unknown): string {
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[])
    .map((p) => p.detail)
    .join('\n');
}

describe('personal-data queries that grow with history read from indexes', () => {
  it('lists the request register newest first from the index of receipt times, with no sort', () => {
    const p = plan(REQUEST_LIST_SQL, 500);
    expect(p).toMatch(/SCAN r USING INDEX privacy_request_received/);
    expect(p).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
  });

  it("finds a period's affected people through the visits of those days, never all visits", () => {
    const p = plan(AFFECTED_BY_PERIOD_SQL, { from: '2026-11-01', to: '2026-11-30' });
    expect(p).toMatch(
      /SEARCH visit USING (COVERING )?INDEX sqlite_autoindex_visit_1 \(service_day>\? AND service_day<\?\)/,
    );
    expect(p).toMatch(/SEARCH x USING INTEGER PRIMARY KEY/);
    expect(p).not.toMatch(/SCAN visit\b(?! USING)/);
    expect(p).not.toMatch(/SCAN (v|c|a)\b/);
  });

  it("finds a station's affected people from the read log's station index", () => {
    const p = plan(AFFECTED_BY_STATION_SQL, {
      from: '2026-11-01',
      to: '2026-11-30',
      station: 1,
      since: '2026-10-31T17:00:00.000Z',
      until: '2026-11-30T17:00:00.000Z',
    });
    expect(p).toMatch(
      /SEARCH r USING INDEX read_log_station \(station_id=\? AND at>\? AND at<\?\)/,
    );
    expect(p).not.toMatch(/SCAN r\b/);
    expect(p).not.toMatch(/SCAN (v|c|a|visit)\b(?! USING)/);
  });
});
