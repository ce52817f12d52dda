import type { DurationStats } from '../../../shared/domain/reports';

const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * Mean, median (the middle value, or the mean of the two middle ones), 90th percentile (nearest
 * rank: the smallest value with at least 90% of the values at or below it) and maximum, rounded
 * to 2 decimals once at the end. `values` may be in any order; it is sorted in place.
 */
export function durationStats(values: number[]): DurationStats {
  const n = values.length;
  if (n === 0) return { count: 0, mean: null, median: null, p90: null, max: null };
  values.sort((a, b) => a - b);
  const sum = values.reduce((a, b) => a + b, 0);
  const mid = Math.floor(n / 2);
  const median = n % 2 === 1 ? values[mid]! : (values[mid - 1]! + values[mid]!) / 2;
  const p90 = values[Math.max(0, Math.ceil(0.9 * n) - 1)]!;
  return {
    count: n,
    mean: round2(sum / n),
    median: round2(median),
    p90: round2(p90),
    max: round2(values[n - 1]!),
  };
}

/** A share as a percentage with 1 decimal, or null when there is nothing to share. */
export function percent(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 1000) / 10;
}
