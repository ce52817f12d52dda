import { describe, expect, it } from 'vitest';
import { slaState, SLA_TARGET_MS, type SlaPause } from '../../shared/domain/sla';

const H = 3_600_000;
const at = (hours: number) =>
  new Date(Date.parse('2026-11-24T02:00:00Z') + hours * H).toISOString();
const ESCALATED = at(0);

describe('the 1x24-hour clock', () => {
  it('counts from escalation and is overdue after 24 counted hours', () => {
    expect(slaState(ESCALATED, [], new Date(at(10)))).toMatchObject({
      elapsedMs: 10 * H,
      remainingMs: 14 * H,
      overdue: false,
      pausedFor: null,
    });
    expect(slaState(ESCALATED, [], new Date(at(24))).overdue).toBe(false);
    expect(slaState(ESCALATED, [], new Date(at(25)))).toMatchObject({
      remainingMs: -1 * H,
      overdue: true,
    });
  });

  it('excludes paused time, per reason', () => {
    const pauses: SlaPause[] = [
      { reason: 'user', startedAt: at(2), endedAt: at(12) },
      { reason: 'development', startedAt: at(20), endedAt: null },
    ];
    const s = slaState(ESCALATED, pauses, new Date(at(30)));
    // 30 h since escalation − 10 h waiting on the user − 10 h (open) on development = 10 h.
    expect(s.elapsedMs).toBe(10 * H);
    expect(s.pausedFor).toBe('development');
    expect(s.pausedMsByReason).toMatchObject({ user: 10 * H, development: 10 * H, network: 0 });
    expect(s.overdue).toBe(false);
  });

  it('counts overlapping pauses once', () => {
    const pauses: SlaPause[] = [
      { reason: 'network', startedAt: at(1), endedAt: at(5) },
      { reason: 'coordination', startedAt: at(3), endedAt: at(8) },
    ];
    expect(slaState(ESCALATED, pauses, new Date(at(10))).elapsedMs).toBe(3 * H);
  });

  it('stops when the backend resolved the case', () => {
    const s = slaState(ESCALATED, [], new Date(at(40)), at(20));
    expect(s).toMatchObject({
      elapsedMs: 20 * H,
      overdue: false,
      remainingMs: SLA_TARGET_MS - 20 * H,
    });
  });

  it('ignores a pause that started before escalation or after the stop', () => {
    const pauses: SlaPause[] = [
      { reason: 'user', startedAt: at(-5), endedAt: at(1) },
      { reason: 'user', startedAt: at(21), endedAt: at(22) },
    ];
    expect(slaState(ESCALATED, pauses, new Date(at(30)), at(20)).elapsedMs).toBe(19 * H);
  });
});
