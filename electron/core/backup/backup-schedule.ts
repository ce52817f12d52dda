import { serviceDayOf } from '../../../shared/time';

/** After a failed attempt the schedule tries again this much later (a USB disk plugged back in). */
export const RETRY_AFTER_MS = 60 * 60_000;

/** The instant the daily backup is due on a WIB service day ("HH:MM" WIB; WIB has no DST). */
export function dueInstant(day: string, dailyAt: string): Date {
  return new Date(`${day}T${dailyAt}:00+07:00`);
}

/**
 * Whether the daily backup should run now: nothing succeeded since the latest scheduled time
 * that has passed; after a failure, not again before the retry interval. A PC that was off at
 * the time runs it as soon as Loket is open again.
 */
export function isBackupDue(input: {
  now: Date;
  dailyAt: string;
  lastSuccessAt: string | null;
  lastAttemptAt: string | null;
}): boolean {
  // The latest scheduled time that has passed: today's, or yesterday's before today's time.
  let due = dueInstant(serviceDayOf(input.now), input.dailyAt);
  if (input.now < due) due = new Date(due.getTime() - 86_400_000);
  if (input.lastSuccessAt && new Date(input.lastSuccessAt) >= due) return false;
  if (
    input.lastAttemptAt &&
    input.now.getTime() - new Date(input.lastAttemptAt).getTime() < RETRY_AFTER_MS
  )
    return false;
  return true;
}
