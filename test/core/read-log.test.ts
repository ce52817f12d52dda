import { afterEach, describe, expect, it } from 'vitest';
import { contract, METHOD_NAMES } from '../../shared/api/contract';
import { escalateCase } from '../helpers/escalate';
import { cleanup, startWithAdmin, type TestCore } from '../helpers/temp-core';

let t: TestCore;
afterEach(() => cleanup(t));

const FULL = 2;
const log = () =>
  t.core.db
    .prepare('SELECT staff_id, station_id, method, entity, entity_id FROM read_log ORDER BY id')
    .all();

describe('the read-access log', () => {
  it("leaves the desk's connection synced at every commit after a read-log entry", async () => {
    t = await startWithAdmin();
    const synchronous = () => t.core.db.pragma('synchronous', { simple: true });
    expect(synchronous()).toBe(FULL);
    await t.must('visitor.search', { query: 'budi' });
    // In the log before the answer, synced by the checkpointer or the next durable commit.
    expect(log()).toHaveLength(1);
    expect(synchronous()).toBe(FULL);
  });

  it('records who viewed a case, and nothing of its content', async () => {
    t = await startWithAdmin();
    const { caseId } = await escalateCase(t, { description: 'ISI-KASUS-RAHASIA' });
    t.core.db.exec('DELETE FROM read_log');
    await t.must('case.get', { caseId });
    expect(log()).toEqual([
      {
        staff_id: 1,
        station_id: null,
        method: 'case.get',
        entity: 'case',
        entity_id: String(caseId),
      },
    ]);
    const row = JSON.stringify(t.core.db.prepare('SELECT * FROM read_log').all());
    expect(row).not.toMatch(/RAHASIA|Budi|0812/);
  });

  it("records each person a search showed, and a person's record opened by a supervisor", async () => {
    t = await startWithAdmin();
    await escalateCase(t, { fullName: 'Budi Santoso' });
    t.core.db.exec('DELETE FROM read_log');
    const found = await t.must('visitor.search', { query: 'budi' });
    expect(found).toHaveLength(1);
    await t.must('privacy.person', { visitorId: found[0]!.visitorId });
    await t.must('visitor.search', { query: 'nobody-like-this' });
    expect(log()).toEqual([
      {
        staff_id: 1,
        station_id: null,
        method: 'visitor.search',
        entity: 'visitor',
        entity_id: '1',
      },
      {
        staff_id: 1,
        station_id: null,
        method: 'privacy.person',
        entity: 'visitor',
        entity_id: '1',
      },
      {
        staff_id: 1,
        station_id: null,
        method: 'visitor.search',
        entity: 'visitor',
        entity_id: null,
      },
    ]);
  });

  it('records who exported a register or a report, by its day or period', async () => {
    t = await startWithAdmin();
    await t.must('register.export', { day: '2026-11-24', format: 'csv' });
    await t.must('report.ikmExport', { from: '2026-11-01', to: '2026-11-30', format: 'pdf' });
    expect(log()).toEqual([
      {
        staff_id: 1,
        station_id: null,
        method: 'register.export',
        entity: 'register',
        entity_id: '2026-11-24',
      },
      {
        staff_id: 1,
        station_id: null,
        method: 'report.ikmExport',
        entity: 'report',
        entity_id: '2026-11-01..2026-11-30',
      },
    ]);
  });

  it('writes nothing for a refused read', async () => {
    t = await startWithAdmin();
    expect((await t.call('case.get', { caseId: 424242 })).ok).toBe(false);
    expect(log()).toEqual([]);
  });

  it('is declared on methods that run on a user action, never on a poll', () => {
    const reads = METHOD_NAMES.filter((m) => 'reads' in contract[m]);
    expect(reads).toEqual(
      expect.arrayContaining(['case.get', 'visitor.search', 'register.export', 'privacy.person']),
    );
    for (const m of reads) expect(contract[m], m).not.toHaveProperty('poll', true);
  });
});
