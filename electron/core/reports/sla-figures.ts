import type { SlaFigures } from '../../../shared/domain/reports';
import { PAUSE_REASONS, type PauseReason } from '../../../shared/domain/sla';
import { durationStats, percent } from './duration-stats';
import type { CaseFacts } from './sla-report';

const hours = (ms: number) => ms / 3600_000;

/**
 * The 1x24 figures of a set of cases, added one case at a time: the report passes over its
 * cases once for the totals and every group together, instead of once for each.
 */
export class SlaTally {
  private escalated = 0;
  private resolved = 0;
  private rejected = 0;
  private excluded = 0;
  private within = 0;
  private overdue = 0;
  private pausedCases = 0;
  private reopened = 0;
  private counted = 0;
  /** Paused minutes per reason, in PAUSE_REASONS' order, summed in the cases' order. */
  private readonly paused = PAUSE_REASONS.map(() => 0);
  private readonly net: number[] = [];
  private readonly gross: number[] = [];
  private readonly confirmation: number[] = [];

  add(c: CaseFacts): void {
    this.escalated++;
    if (c.finished && c.rejected) this.rejected++;
    if (c.finished && !c.rejected) this.resolved++;
    if (c.excluded) this.excluded++;
    if (c.withinTarget) this.within++;
    if (c.overdue) this.overdue++;
    if (c.measure.pausedMs > 0) this.pausedCases++;
    if (c.reopenedTimes > 0) this.reopened++;
    // An unpaused case adds 0 to every reason: skipping it changes no sum.
    if (c.measure.pausedMs !== 0)
      for (let r = 0; r < PAUSE_REASONS.length; r++)
        this.paused[r]! += c.measure.pausedMsByReason[PAUSE_REASONS[r]!] / 60_000;
    // Times are of the cases the target is about: resolved, not rejected, not excluded.
    if (c.finished && !c.rejected && !c.excluded) {
      this.counted++;
      this.net.push(hours(c.measure.netMs));
      this.gross.push(hours(c.measure.grossMs));
    }
    if (c.confirmationHours !== null) this.confirmation.push(c.confirmationHours);
  }

  figures(): SlaFigures {
    const paused = {} as Record<PauseReason, number>;
    PAUSE_REASONS.forEach((r, i) => (paused[r] = Math.round(this.paused[i]! * 100) / 100));
    return {
      escalated: this.escalated,
      resolved: this.resolved,
      rejected: this.rejected,
      open: this.escalated - this.resolved - this.rejected,
      excluded: this.excluded,
      withinTarget: this.within,
      withinTargetPct: percent(this.within, this.counted),
      overdue: this.overdue,
      pausedCases: this.pausedCases,
      pausedMinutesByReason: paused,
      net: durationStats(this.net),
      gross: durationStats(this.gross),
      reopened: this.reopened,
      confirmation: durationStats(this.confirmation),
    };
  }
}
