import { dateTimeFormat } from './formatters';

/** Times are stored in UTC (ISO 8601) and shown in WIB; the service day is the WIB calendar day. */
export const SERVICE_TIME_ZONE = 'Asia/Jakarta';

const dayFormatter = new Intl.DateTimeFormat('en-CA', {
  timeZone: SERVICE_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The WIB calendar day of an instant, as YYYY-MM-DD. */
export function serviceDayOf(instant: Date): string {
  return dayFormatter.format(instant);
}

/**
 * One reading of the clock as the desk records it: the UTC time stamp and its service day, so
 * that the two cannot straddle midnight WIB.
 */
export function serviceMoment(instant: Date): { at: string; serviceDay: string } {
  return { at: instant.toISOString(), serviceDay: serviceDayOf(instant) };
}

export const SERVICE_DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

const TIME_WIB: Intl.DateTimeFormatOptions = {
  timeZone: SERVICE_TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
};

export function formatTimeWib(iso: string, locale: string): string {
  return dateTimeFormat(locale, TIME_WIB).format(new Date(iso));
}

const DAY_LONG: Intl.DateTimeFormatOptions = {
  timeZone: 'UTC',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
};

/** "Selasa, 24 November 2026" */
export function formatDayLong(day: string, locale: string): string {
  return dateTimeFormat(locale, DAY_LONG).format(new Date(`${day}T00:00:00Z`));
}

export function minutesBetween(fromIso: string, to: Date): number {
  return Math.max(0, Math.floor((to.getTime() - new Date(fromIso).getTime()) / 60_000));
}

const localFormatter = new Intl.DateTimeFormat('en-CA', {
  timeZone: SERVICE_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** An instant as a `datetime-local` input value in WIB ("2026-11-24T09:30"). */
export function toWibLocalInput(instant: Date): string {
  const parts = Object.fromEntries(
    localFormatter.formatToParts(instant).map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** A `datetime-local` value read as WIB (UTC+7, no daylight saving), as UTC ISO; null if invalid. */
export function fromWibLocalInput(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null;
  const ms = Date.parse(`${value}:00+07:00`);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}
