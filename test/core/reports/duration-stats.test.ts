import { describe, expect, it } from 'vitest';
import { durationStats, sortedDurationStats } from '../../../electron/core/reports/duration-stats';

/** The figures as the comparator sort and a left-to-right sum gave them before. */
function byComparator(values: number[]) {
  const v = [...values].sort((a, b) => a - b);
  const n = v.length;
  const round2 = (x: number) => Math.round(x * 100) / 100;
  const mid = Math.floor(n / 2);
  return {
    count: n,
    mean: round2(v.reduce((a, b) => a + b, 0) / n),
    median: round2(n % 2 === 1 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2),
    p90: round2(v[Math.max(0, Math.ceil(0.9 * n) - 1)]!),
    max: round2(v[n - 1]!),
  };
}

describe('duration figures', () => {
  it('gives the comparator sort’s figures from the native sort', () => {
    let seed = 7;
    const values = Array.from({ length: 5001 }, () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return (seed % 200_000) / 3_600;
    });
    expect(durationStats([...values])).toStrictEqual(byComparator(values));
    expect(durationStats(values.slice(0, 10))).toStrictEqual(byComparator(values.slice(0, 10)));
    expect(durationStats([])).toStrictEqual({
      count: 0,
      mean: null,
      median: null,
      p90: null,
      max: null,
    });
  });

  it('keeps the comparator for NaN and -0, whose places the native sort would change', () => {
    expect(durationStats([0, -0])).toStrictEqual(byComparator([0, -0]));
    expect(Object.is(durationStats([0, -0]).median, 0)).toBe(true);
    expect(durationStats([3, NaN, 1])).toStrictEqual(byComparator([3, NaN, 1]));
  });

  it('reads milliseconds in order as the minutes they are', () => {
    const ms = Float64Array.from([60_000, 90_000, 91_000, 3_600_000]);
    expect(sortedDurationStats(ms, 60_000)).toStrictEqual(
      durationStats(Array.from(ms, (v) => v / 60_000)),
    );
  });
});
