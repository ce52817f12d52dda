import { afterEach, describe, expect, it } from 'vitest';
import { escalateCase } from '../../helpers/escalate';
import { cleanup, startWithAdmin, type TestCore } from '../../helpers/temp-core';

let t: TestCore | undefined;
afterEach(() => cleanup(t));
const H = 3_600_000;

describe("the follow-up screen's 1x24 clock", () => {
  it('counts in the mode the admin set for the reports, and says which', async () => {
    t = await startWithAdmin();
    // Escalated on Tuesday 24 November 2026, 09:00 WIB (the test clock).
    await escalateCase(t);
    // Thursday 09:00 WIB: two calendar days later.
    t.clock.current = new Date('2026-11-26T02:00:00Z');
    let [item] = await t.must('followup.list', {});
    expect(item?.sla).toMatchObject({
      elapsedMs: 48 * H,
      remainingMs: -24 * H,
      overdue: true,
      countingMode: 'calendar',
    });

    const settings = await t.must('report.settings', {});
    await t.must('report.saveSettings', {
      ...settings,
      countingMode: 'service_hours',
      serviceHours: { start: '08:00', end: '16:00', weekdays: [1, 2, 3, 4, 5] },
      holidays: [{ day: '2026-11-25', name: 'Cuti bersama' }],
    });
    [item] = await t.must('followup.list', {});
    // Tuesday 09:00–16:00, Wednesday a holiday, Thursday 08:00–09:00: 8 hours.
    expect(item?.sla).toMatchObject({
      elapsedMs: 8 * H,
      remainingMs: 16 * H,
      overdue: false,
      countingMode: 'service_hours',
    });
  });
});
