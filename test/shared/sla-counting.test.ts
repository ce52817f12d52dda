import { describe, expect, it } from 'vitest';
import {
  periodSpan,
  shiftPeriod,
  spanInstants,
  spanRefusal,
} from '../../shared/domain/report-period';
import { countedMs, measureSla, type CountingRules } from '../../shared/domain/sla-counting';

const at = (local: string) => Date.parse(`${local.replace(' ', 'T')}:00+07:00`);
const H = 3600_000;
const serviceHours = (holidays: string[] = []): CountingRules => ({
  mode: 'service_hours',
  hours: { start: '08:00', end: '16:00', weekdays: [1, 2, 3, 4, 5] },
  holidays: new Set(holidays),
});

describe('counting the 1x24 target', () => {
  it('counts every clock hour in calendar mode', () => {
    const calendar: CountingRules = { ...serviceHours(), mode: 'calendar' };
    expect(countedMs(at('2026-11-06 15:00'), at('2026-11-09 09:00'), calendar)).toBe(66 * H);
  });

  it('counts only the daily window on working days, less holidays, in service-hours mode', () => {
    // Friday 15:00 → Monday 09:00: Friday 15–16 and Monday 08–09.
    expect(countedMs(at('2026-11-06 15:00'), at('2026-11-09 09:00'), serviceHours())).toBe(2 * H);
    // Before opening and after closing count nothing.
    expect(countedMs(at('2026-11-09 06:00'), at('2026-11-09 07:59'), serviceHours())).toBe(0);
    expect(countedMs(at('2026-11-09 16:00'), at('2026-11-09 23:00'), serviceHours())).toBe(0);
    // A holiday on Monday: only Friday's hour.
    expect(
      countedMs(at('2026-11-06 15:00'), at('2026-11-09 09:00'), serviceHours(['2026-11-09'])),
    ).toBe(1 * H);
  });

  it('takes overlapping pauses once and measures them with the same rules', () => {
    const m = measureSla(
      new Date(at('2026-11-02 08:00')).toISOString(),
      [
        {
          reason: 'user',
          startedAt: new Date(at('2026-11-02 10:00')).toISOString(),
          endedAt: new Date(at('2026-11-02 12:00')).toISOString(),
        },
        {
          reason: 'network',
          startedAt: new Date(at('2026-11-02 11:00')).toISOString(),
          endedAt: new Date(at('2026-11-02 13:00')).toISOString(),
        },
      ],
      at('2026-11-02 16:00'),
      serviceHours(),
    );
    expect(m).toEqual({
      grossMs: 8 * H,
      pausedMs: 3 * H,
      netMs: 5 * H,
      pausedMsByReason: {
        user: 2 * H,
        network: 1 * H,
        development: 0,
        infrastructure: 0,
        coordination: 0,
      },
    });
  });
});

describe('report periods', () => {
  it('spans the day, the Monday-to-Sunday week, the month, the quarter and the year of a day', () => {
    expect(periodSpan('week', '2026-11-04')).toEqual({ from: '2026-11-02', to: '2026-11-08' });
    expect(periodSpan('month', '2026-02-10')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(periodSpan('quarter', '2026-11-24')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(periodSpan('year', '2026-11-24')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(shiftPeriod('month', '2026-03-31', -1)).toBe('2026-02-28');
    expect(shiftPeriod('week', '2026-11-04', 1)).toBe('2026-11-09');
  });

  it('bounds a span of WIB days by instants, and refuses the future and more than five years', () => {
    expect(spanInstants({ from: '2026-11-01', to: '2026-11-30' })).toEqual({
      start: '2026-10-31T17:00:00.000Z',
      end: '2026-11-30T17:00:00.000Z',
    });
    expect(spanRefusal({ from: '2026-11-25', to: '2026-11-30' }, '2026-11-24')).toBe(
      'REPORT_PERIOD_IN_FUTURE',
    );
    expect(spanRefusal({ from: '2026-11-01', to: '2026-11-30' }, '2026-11-24')).toBeNull();
    expect(spanRefusal({ from: '2021-01-01', to: '2025-12-31' }, '2026-11-24')).toBeNull();
    expect(spanRefusal({ from: '2021-01-01', to: '2026-01-01' }, '2026-11-24')).toBe(
      'REPORT_PERIOD_TOO_LONG',
    );
  });
});
