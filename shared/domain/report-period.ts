import { z } from 'zod';
import { SERVICE_DAY_PATTERN } from '../time';

/** The periods a supervisor picks on the Reports screen; each is a span of WIB service days. */
export const PERIOD_KINDS = ['day', 'week', 'month', 'quarter', 'year'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** Reports cover at most five years: longer spans are refused, not cut short in silence. */
export const MAX_REPORT_YEARS = 5;

const day = z.string().regex(SERVICE_DAY_PATTERN, { error: 'validation.dayFormat' });
export const reportSpanSchema = z
  .object({ from: day, to: day })
  .refine((p) => p.from <= p.to, { error: 'validation.periodOrder', path: ['to'] });
export type ReportSpan = z.infer<typeof reportSpanSchema>;

const utc = (d: string) => new Date(`${d}T00:00:00Z`);
const iso = (d: Date) => d.toISOString().slice(0, 10);

/** The span of the period of this kind that contains the anchor day (weeks start on Monday). */
export function periodSpan(kind: PeriodKind, anchor: string): ReportSpan {
  const a = utc(anchor);
  const y = a.getUTCFullYear();
  const m = a.getUTCMonth();
  switch (kind) {
    case 'day':
      return { from: anchor, to: anchor };
    case 'week': {
      const monday = new Date(a);
      monday.setUTCDate(a.getUTCDate() - ((a.getUTCDay() + 6) % 7));
      const sunday = new Date(monday);
      sunday.setUTCDate(monday.getUTCDate() + 6);
      return { from: iso(monday), to: iso(sunday) };
    }
    case 'month':
      return { from: iso(new Date(Date.UTC(y, m, 1))), to: iso(new Date(Date.UTC(y, m + 1, 0))) };
    case 'quarter': {
      const q = Math.floor(m / 3) * 3;
      return { from: iso(new Date(Date.UTC(y, q, 1))), to: iso(new Date(Date.UTC(y, q + 3, 0))) };
    }
    case 'year':
      return { from: `${y}-01-01`, to: `${y}-12-31` };
  }
}

/** The same kind of period just before (-1) or after (+1) the one containing the anchor. */
export function shiftPeriod(kind: PeriodKind, anchor: string, step: -1 | 1): string {
  const span = periodSpan(kind, anchor);
  const edge = utc(step < 0 ? span.from : span.to);
  edge.setUTCDate(edge.getUTCDate() + step);
  return iso(edge);
}

/**
 * Why a span cannot be reported, as an error code, or null when it can: a span that starts
 * after today has nothing to count yet, and more than five years is not a report a desk needs.
 */
export function spanRefusal(
  span: ReportSpan,
  today: string,
): 'REPORT_PERIOD_IN_FUTURE' | 'REPORT_PERIOD_TOO_LONG' | null {
  if (span.from > today) return 'REPORT_PERIOD_IN_FUTURE';
  const limit = utc(span.from);
  limit.setUTCFullYear(limit.getUTCFullYear() + MAX_REPORT_YEARS);
  if (utc(span.to) >= limit) return 'REPORT_PERIOD_TOO_LONG';
  return null;
}

/** The instants (UTC ISO) that bound a span of WIB days: [from 00:00 WIB, the day after `to`). */
export function spanInstants(span: ReportSpan): { start: string; end: string } {
  const start = new Date(Date.parse(`${span.from}T00:00:00+07:00`));
  const end = new Date(Date.parse(`${span.to}T00:00:00+07:00`) + 24 * 3600_000);
  return { start: start.toISOString(), end: end.toISOString() };
}
