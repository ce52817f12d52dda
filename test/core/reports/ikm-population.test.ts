import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, startWithAdmin, type TestCore } from '../../helpers/temp-core';
import { ReportSeed } from './report-seed';

let t: TestCore | undefined;
afterEach(() => cleanup(t));

describe('the IKM population', () => {
  it('counts the visitors who were served, not every visit row', async () => {
    t = await startWithAdmin();
    const seed = new ReportSeed(t.core.db);
    const day = '2026-11-03';
    for (let i = 0; i < 3; i++) seed.visit({ day, checkedIn: `${day} 09:0${i}` });
    seed.visit({ day, checkedIn: `${day} 10:00`, status: 'in_consultation' });
    seed.visit({ day, checkedIn: `${day} 10:05`, status: 'no_show' });
    seed.visit({ day, checkedIn: `${day} 10:10`, leftUnserved: true });
    seed.visit({ day, checkedIn: `${day} 10:15`, status: 'waiting' });
    const r = await t.must('report.ikm', { from: day, to: day });
    expect(r.population).toBe(4);
  });
});
