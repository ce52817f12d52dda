import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, startWithAdmin, type TestCore } from '../../helpers/temp-core';
import { ReportSeed } from './report-seed';

let t: TestCore | undefined;
afterEach(() => cleanup(t));

/**
 * A week of a desk (Monday 2 – Sunday 8 November 2026) whose figures are worked out by hand in
 * the comments: the expectations are numbers, not calls to the report code.
 */
function seedWeek(core: TestCore) {
  const seed = new ReportSeed(core.core.db);
  const ana = seed.officer('Ana Officer');
  const budi = seed.officer('Budi Officer');
  // Monday: waited 10 min, served 30, solved on the spot.
  const v1 = seed.visit({
    day: '2026-11-02',
    checkedIn: '2026-11-02 09:00',
    officerId: ana,
    visitorType: 'ppk',
    lpse: 'LKPP',
    events: [
      ['called', '2026-11-02 09:10'],
      ['started', '2026-11-02 09:12'],
      ['ended', '2026-11-02 09:42'],
    ],
  });
  seed.problem({ visitId: v1, officerId: ana, status: 'solved', category: 'akun_login' });
  // Monday: called twice (the first call counts): waited 45 (over the 30-minute target),
  // served 20, escalated.
  const v2 = seed.visit({
    day: '2026-11-02',
    checkedIn: '2026-11-02 10:00',
    officerId: budi,
    visitorType: 'pokja',
    events: [
      ['called', '2026-11-02 10:45'],
      ['called', '2026-11-02 10:50'],
      ['started', '2026-11-02 10:51'],
      ['ended', '2026-11-02 11:11'],
    ],
  });
  seed.problem({
    visitId: v2,
    officerId: budi,
    status: 'escalated',
    category: 'proses_tender',
    application: 'spse',
    escalatedAt: '2026-11-02 11:11',
  });
  // Tuesday: called after 20 minutes and not there.
  seed.visit({
    day: '2026-11-03',
    checkedIn: '2026-11-03 13:00',
    status: 'no_show',
    officerId: budi,
    events: [
      ['called', '2026-11-03 13:20'],
      ['no_show', '2026-11-03 13:25'],
    ],
  });
  // Wednesday 23:50 WIB, served after midnight: still Wednesday's visit; waited 15, served 30.
  seed.visit({
    day: '2026-11-04',
    checkedIn: '2026-11-04 23:50',
    officerId: ana,
    events: [
      ['called', '2026-11-05 00:05'],
      ['started', '2026-11-05 00:06'],
      ['ended', '2026-11-05 00:36'],
    ],
  });
  // Thursday: left before anyone called.
  seed.visit({
    day: '2026-11-05',
    checkedIn: '2026-11-05 08:00',
    leftUnserved: true,
    events: [['checked_out', '2026-11-05 08:30']],
  });
  // The next Monday: outside the period.
  seed.visit({
    day: '2026-11-09',
    checkedIn: '2026-11-09 08:00',
    officerId: ana,
    events: [
      ['called', '2026-11-09 09:00'],
      ['started', '2026-11-09 09:00'],
      ['ended', '2026-11-09 10:00'],
    ],
  });
  return { ana, budi };
}

const WEEK = { from: '2026-11-02', to: '2026-11-08' };

describe('the service report', () => {
  it('counts visits, waiting and service times, no-shows and outcomes of a week', async () => {
    t = await startWithAdmin();
    seedWeek(t);
    const r = await t.must('report.service', { ...WEEK, cut: null });
    expect(r.waitTargetMinutes).toBe(30);
    expect(r.totals).toMatchObject({
      visits: 5,
      served: 3,
      noShow: 2,
      noShowPct: 40,
      overTarget: 1,
      overTargetPct: 25,
      solvedOnSpot: 1,
      escalated: 1,
      priority: null,
    });
    // Waits 10, 45, 20, 15: mean 22.5, median (15 + 20) / 2, p90 the 4th of 4.
    expect(r.totals.waiting).toEqual({ count: 4, mean: 22.5, median: 17.5, p90: 45, max: 45 });
    // Services 30, 20, 30.
    expect(r.totals.service).toEqual({ count: 3, mean: 26.67, median: 30, p90: 30, max: 30 });
    // Check-ins by WIB weekday and hour: the midnight visit is Wednesday 23h.
    const cells = r.heatmap.flatMap((row, d) =>
      row.flatMap((n, h) => (n > 0 ? [`${d}:${h}=${n}`] : [])),
    );
    expect(cells).toEqual(['0:9=1', '0:10=1', '1:13=1', '2:23=1', '3:8=1']);
  });

  it('cuts the figures by officer, category and visitor type', async () => {
    t = await startWithAdmin();
    const { ana, budi } = seedWeek(t);
    const byOfficer = await t.must('report.service', { ...WEEK, cut: 'officer' });
    const officer = (id: number | string) => byOfficer.groups.find((g) => g.key === String(id));
    expect(officer(ana)).toMatchObject({ label: 'Ana Officer', figures: { visits: 2, served: 2 } });
    expect(officer(ana)?.figures.waiting.mean).toBe(12.5);
    expect(officer(budi)?.figures).toMatchObject({ visits: 2, served: 1, noShow: 1, escalated: 1 });
    expect(officer('')?.figures.visits).toBe(1);
    const byCategory = await t.must('report.service', { ...WEEK, cut: 'category' });
    expect(byCategory.groups.map((g) => [g.key, g.figures.visits])).toEqual([
      ['', 3],
      ['akun_login', 1],
      ['proses_tender', 1],
    ]);
    const byType = await t.must('report.service', { ...WEEK, cut: 'visitor_type' });
    expect(byType.groups.find((g) => g.key === 'pokja')?.figures.waiting.max).toBe(45);
  });

  it('uses the waiting target the supervisor sets', async () => {
    t = await startWithAdmin();
    seedWeek(t);
    const settings = await t.must('report.settings', {});
    await t.must('report.saveSettings', { ...settings, waitTargetMinutes: 12 });
    const r = await t.must('report.service', { ...WEEK, cut: null });
    // Over 12 minutes: 45, 20 and 15.
    expect(r.totals).toMatchObject({ overTarget: 3, overTargetPct: 75 });
  });

  it('gives an empty report for a period without visits, and refuses the future and > 5 years', async () => {
    t = await startWithAdmin();
    const empty = await t.must('report.service', {
      from: '2026-10-01',
      to: '2026-10-31',
      cut: null,
    });
    expect(empty.totals).toMatchObject({ visits: 0, served: 0, noShowPct: null });
    expect(empty.totals.waiting).toEqual({
      count: 0,
      mean: null,
      median: null,
      p90: null,
      max: null,
    });
    // The test clock stands at 2026-11-24.
    const future = await t.call('report.service', {
      from: '2026-11-25',
      to: '2026-11-30',
      cut: null,
    });
    expect(future.ok ? null : future.error.code).toBe('REPORT_PERIOD_IN_FUTURE');
    const long = await t.call('report.service', {
      from: '2021-11-01',
      to: '2026-11-01',
      cut: null,
    });
    expect(long.ok ? null : long.error.code).toBe('REPORT_PERIOD_TOO_LONG');
    const fiveYears = await t.call('report.service', {
      from: '2021-11-02',
      to: '2026-11-01',
      cut: null,
    });
    expect(fiveYears.ok).toBe(true);
  });
});
