/**
 * The push stream's link as a pure state machine: what to do when it opens, when it is lost,
 * and how long to wait before the next try. No timers or I/O here, so it is tested as data.
 */
export interface LinkState {
  status: 'connecting' | 'open' | 'down';
  /** Consecutive failed or lost connections since the last one that opened. */
  failures: number;
  /** When the link went down (ms), kept through the retries until it opens again. */
  downSince: number | null;
}

export const INITIAL_LINK: LinkState = { status: 'connecting', failures: 0, downSince: null };

export const FIRST_RETRY_MS = 1_000;
export const MAX_RETRY_MS = 30_000;

/** 1 s, 2 s, 4 s … up to 30 s, each with up to a fifth more so that tabs do not retry in step. */
export function retryDelayMs(failures: number, jitter: number): number {
  const base = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, failures - 1));
  return Math.round(base * (1 + 0.2 * Math.min(1, Math.max(0, jitter))));
}

/**
 * The stream opened. Subscribers get a resync every time, the first included: whatever changed
 * while it was down (or before it first opened) was never announced to them.
 */
export function linkOpened(): { state: LinkState; resync: true } {
  return { state: { status: 'open', failures: 0, downSince: null }, resync: true };
}

/** The stream failed to open or ended; when to try again. */
export function linkLost(
  state: LinkState,
  now: number,
  jitter: number,
): { state: LinkState; retryInMs: number } {
  const failures = state.failures + 1;
  return {
    state: { status: 'down', failures, downSince: state.downSince ?? now },
    retryInMs: retryDelayMs(failures, jitter),
  };
}

/** Trying again after the wait; still down for the screens until it opens. */
export function linkRetrying(state: LinkState): LinkState {
  return { ...state, status: state.downSince === null ? 'connecting' : 'down' };
}
