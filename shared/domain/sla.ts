/**
 * The backend helpdesk's 1x24-hour target (LKPP's service standard): the clock starts when the
 * case is escalated and does not run while the case waits on the user, app development,
 * infrastructure, the network, or coordination with other parties. Each pause has a reason and
 * a start; an open pause has no end yet.
 */
export const SLA_TARGET_MS = 24 * 60 * 60 * 1000;

export const PAUSE_REASONS = [
  'user',
  'development',
  'infrastructure',
  'network',
  'coordination',
] as const;
export type PauseReason = (typeof PAUSE_REASONS)[number];

export interface SlaPause {
  reason: PauseReason;
  startedAt: string;
  endedAt: string | null;
}

export interface SlaState {
  /** Time counted against the target: since escalation, less every pause. */
  elapsedMs: number;
  /** Negative when overdue. */
  remainingMs: number;
  overdue: boolean;
  /** The reason of the pause in force now, if any. */
  pausedFor: PauseReason | null;
  /** Paused time per reason, for the compliance report. */
  pausedMsByReason: Record<PauseReason, number>;
}

export function slaState(
  escalatedAt: string,
  pauses: readonly SlaPause[],
  now: Date,
  stoppedAt?: string | null,
): SlaState {
  const start = Date.parse(escalatedAt);
  const end = stoppedAt ? Math.min(Date.parse(stoppedAt), now.getTime()) : now.getTime();
  const pausedMsByReason = Object.fromEntries(PAUSE_REASONS.map((r) => [r, 0])) as Record<
    PauseReason,
    number
  >;
  // Pauses may overlap (officer and backend both pause): count covered time once, by merging.
  const intervals = pauses
    .map((p) => ({
      reason: p.reason,
      from: Math.max(Date.parse(p.startedAt), start),
      to: Math.min(p.endedAt ? Date.parse(p.endedAt) : end, end),
    }))
    .filter((i) => i.to > i.from)
    .sort((a, b) => a.from - b.from);
  let paused = 0;
  let coveredUntil = start;
  for (const i of intervals) {
    const from = Math.max(i.from, coveredUntil);
    if (i.to > from) {
      paused += i.to - from;
      pausedMsByReason[i.reason] += i.to - from;
      coveredUntil = i.to;
    }
  }
  const elapsedMs = Math.max(0, end - start - paused);
  const open = pauses.find((p) => p.endedAt === null && Date.parse(p.startedAt) <= end);
  return {
    elapsedMs,
    remainingMs: SLA_TARGET_MS - elapsedMs,
    overdue: elapsedMs > SLA_TARGET_MS,
    pausedFor: stoppedAt ? null : (open?.reason ?? null),
    pausedMsByReason,
  };
}
