import { SLA_TARGET_MS, slaState, type SlaPause, type SlaState } from '../../../shared/domain/sla';
import {
  measureSla,
  type CountingMode,
  type CountingRules,
} from '../../../shared/domain/sla-counting';

export interface FollowUpClock extends SlaState {
  /** The admin's counting mode the clock was counted in, as the 1x24 report counts it. */
  countingMode: CountingMode;
}

/**
 * A case's 1x24 clock on the follow-up screen, counted the way the admin set for the reports:
 * calendar hours as before, or only the desk's service hours less holidays, so the officer's
 * clock and the supervisor's compliance report never disagree about the same case.
 */
export function followUpClock(
  escalatedAt: string,
  pauses: readonly SlaPause[],
  now: Date,
  stoppedAt: string | null,
  rules: CountingRules,
): FollowUpClock {
  const calendar = slaState(escalatedAt, pauses, now, stoppedAt);
  if (rules.mode === 'calendar') return { ...calendar, countingMode: 'calendar' };
  const stopMs = stoppedAt ? Math.min(Date.parse(stoppedAt), now.getTime()) : now.getTime();
  const m = measureSla(escalatedAt, pauses, stopMs, rules);
  return {
    elapsedMs: m.netMs,
    remainingMs: SLA_TARGET_MS - m.netMs,
    overdue: m.netMs > SLA_TARGET_MS,
    pausedFor: calendar.pausedFor,
    pausedMsByReason: m.pausedMsByReason,
    countingMode: 'service_hours',
  };
}
