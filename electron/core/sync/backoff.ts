/**
 * Exponential backoff with jitter: attempt n waits about base·2ⁿ, capped, spread over the upper
 * half of that interval so that cases that failed together do not retry together.
 */
export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 10_000, maxMs: 30 * 60_000 };

export function retryDelayMs(attempt: number, policy: BackoffPolicy, random: () => number): number {
  const ceiling = Math.min(policy.baseMs * 2 ** Math.min(attempt, 30), policy.maxMs);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
