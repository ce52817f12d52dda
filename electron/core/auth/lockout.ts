/**
 * Growing delay after wrong PINs: the first FREE_ATTEMPTS failures cost nothing, then each
 * further failure locks the account for twice as long as the one before, up to MAX_LOCK.
 */
export const FREE_ATTEMPTS = 3;
export const FIRST_LOCK_SECONDS = 30;
export const MAX_LOCK_SECONDS = 15 * 60;

export function lockSecondsAfter(failedCount: number): number {
  if (failedCount < FREE_ATTEMPTS) return 0;
  const doublings = failedCount - FREE_ATTEMPTS;
  return Math.min(FIRST_LOCK_SECONDS * 2 ** Math.min(doublings, 20), MAX_LOCK_SECONDS);
}

export function secondsUntil(lockedUntil: string | null, now: Date): number {
  if (lockedUntil === null) return 0;
  return Math.max(0, Math.ceil((new Date(lockedUntil).getTime() - now.getTime()) / 1000));
}
