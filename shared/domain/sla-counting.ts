import { z } from 'zod';
import type { PauseReason, SlaPause } from './sla';

/**
 * How the 1x24-hour target is counted. The standard writes "1x24 jam", which read literally is
 * 24 clock hours ('calendar', the default); 'service_hours' counts only the desk's daily window on
 * its working days, less the public holidays and cuti bersama the admin lists
 * (shared/domain/compliance.md §3). Every report says which one it used.
 */
export const COUNTING_MODES = ['calendar', 'service_hours'] as const;
export type CountingMode = (typeof COUNTING_MODES)[number];

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'validation.timeFormat' });

export const serviceHoursSchema = z
  .object({
    start: clock,
    end: clock,
    /** ISO weekdays: 1 Monday … 7 Sunday. */
    weekdays: z.array(z.number().int().min(1).max(7)).min(1).max(7),
  })
  .refine((h) => h.start < h.end, { error: 'validation.hoursOrder', path: ['end'] });
export type ServiceHours = z.infer<typeof serviceHoursSchema>;

export const DEFAULT_SERVICE_HOURS: ServiceHours = {
  start: '08:00',
  end: '16:00',
  weekdays: [1, 2, 3, 4, 5],
};

export interface CountingRules {
  mode: CountingMode;
  hours: ServiceHours;
  /** WIB days (YYYY-MM-DD) that are not working days. */
  holidays: ReadonlySet<string>;
}

const DAY_MS = 24 * 3600_000;
const WIB_MS = 7 * 3600_000;
const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Milliseconds between two instants that count under the rules. */
export function countedMs(fromMs: number, toMs: number, rules: CountingRules): number {
  if (toMs <= fromMs) return 0;
  if (rules.mode === 'calendar') return toMs - fromMs;
  const open = minutesOf(rules.hours.start) * 60_000;
  const close = minutesOf(rules.hours.end) * 60_000;
  const weekdays = rules.hours.weekdays;
  const holidays = rules.holidays.size > 0 ? rules.holidays : null;
  let total = 0;
  // WIB has no daylight saving: a WIB day starts at a fixed offset from a UTC day. The weekday
  // is counted from the day's number (1970-01-01 was a Thursday), not read from a Date: the
  // 1x24 report measures thousands of cases.
  for (
    let dayStart = Math.floor((fromMs + WIB_MS) / DAY_MS) * DAY_MS - WIB_MS;
    dayStart < toMs;
    dayStart += DAY_MS
  ) {
    const day = (dayStart + WIB_MS) / DAY_MS;
    const isoWeekday = ((((day + 3) % 7) + 7) % 7) + 1;
    if (!weekdays.includes(isoWeekday)) continue;
    if (holidays?.has(new Date(dayStart + WIB_MS).toISOString().slice(0, 10))) continue;
    const a = Math.max(fromMs, dayStart + open);
    const b = Math.min(toMs, dayStart + close);
    if (b > a) total += b - a;
  }
  return total;
}

export interface SlaMeasure {
  /** Escalation to resolution (or now), counted under the rules. */
  grossMs: number;
  /** Of which the case was paused (overlapping pauses once). */
  pausedMs: number;
  netMs: number;
  pausedMsByReason: Record<PauseReason, number>;
}

/**
 * The 1x24 clock of one case under a counting mode: the same merging of overlapping pauses as
 * slaState (shared/domain/sla.ts), each piece measured with `countedMs`.
 */
export function measureSla(
  escalatedAt: string,
  pauses: readonly SlaPause[],
  stopMs: number,
  rules: CountingRules,
): SlaMeasure {
  const start = Date.parse(escalatedAt);
  // A literal, not a spread or Object.fromEntries: the 1x24 report measures thousands of cases.
  const pausedMsByReason: Record<PauseReason, number> = {
    user: 0,
    development: 0,
    infrastructure: 0,
    network: 0,
    coordination: 0,
  };
  if (pauses.length === 0) {
    const grossMs = countedMs(start, stopMs, rules);
    return { grossMs, pausedMs: 0, netMs: Math.max(0, grossMs), pausedMsByReason };
  }
  const intervals = pauses
    .map((p) => ({
      reason: p.reason,
      from: Math.max(Date.parse(p.startedAt), start),
      to: Math.min(p.endedAt ? Date.parse(p.endedAt) : stopMs, stopMs),
    }))
    .filter((i) => i.to > i.from)
    .sort((a, b) => a.from - b.from);
  let pausedMs = 0;
  let coveredUntil = start;
  for (const i of intervals) {
    const from = Math.max(i.from, coveredUntil);
    if (i.to > from) {
      const piece = countedMs(from, i.to, rules);
      pausedMs += piece;
      pausedMsByReason[i.reason] += piece;
      coveredUntil = i.to;
    }
  }
  const grossMs = countedMs(start, stopMs, rules);
  return { grossMs, pausedMs, netMs: Math.max(0, grossMs - pausedMs), pausedMsByReason };
}
