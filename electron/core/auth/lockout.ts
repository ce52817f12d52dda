/**
 * Growing delay after wrong PINs: the first FREE_ATTEMPTS failures cost nothing, then each
 * further failure locks the account for twice as long as the one before, up to MAX_LOCK.
 * The cap is short on purpose: a lock only delays, so someone sending one wrong PIN per window
 * cannot keep the only administrator out for long, while a 6-digit PIN still takes years to guess.
 */
export const FREE_ATTEMPTS = 3;
export const FIRST_LOCK_SECONDS = 30;
export const MAX_LOCK_SECONDS = 5 * 60;

export function lockSecondsAfter(failedCount: number): number {
  if (failedCount < FREE_ATTEMPTS) return 0;
  const doublings = failedCount - FREE_ATTEMPTS;
  return Math.min(FIRST_LOCK_SECONDS * 2 ** Math.min(doublings, 20), MAX_LOCK_SECONDS);
}

export function secondsUntil(lockedUntil: string | null, now: Date): number {
  if (lockedUntil === null) return 0;
  return Math.max(0, Math.ceil((new Date(lockedUntil).getTime() - now.getTime()) / 1000));
}

export interface AttemptState {
  failedCount: number;
  lockedUntil: string | null;
}

/**
 * What one login attempt does to an account's state, decided before the PIN is checked: while
 * locked it is refused and not counted; otherwise it is counted as failed up front, with the lock
 * that failure would earn, and a right PIN resets the count afterwards.
 */
export type Reservation =
  | { kind: 'locked'; retryAfterSeconds: number }
  | { kind: 'counted'; next: AttemptState; lockSeconds: number };

export function reserveAttempt(state: AttemptState, now: Date): Reservation {
  const wait = secondsUntil(state.lockedUntil, now);
  if (wait > 0) return { kind: 'locked', retryAfterSeconds: wait };
  const failedCount = state.failedCount + 1;
  const lockSeconds = lockSecondsAfter(failedCount);
  const lockedUntil =
    lockSeconds > 0 ? new Date(now.getTime() + lockSeconds * 1000).toISOString() : null;
  return { kind: 'counted', next: { failedCount, lockedUntil }, lockSeconds };
}
