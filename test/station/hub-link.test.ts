import { describe, expect, it } from 'vitest';
import { HubLinkTracker } from '../../electron/station/hub-link';
import type { HubLink } from '../../shared/api/methods/station';
import { sideToUpdate } from '../../electron/station/version';

function tracker(start = '2026-12-02T01:00:00.000Z') {
  let now = new Date(start);
  const link = new HubLinkTracker(() => now, 'connected');
  const changes: HubLink[] = [];
  link.onChange((l) => changes.push(l));
  return { link, changes, at: (iso: string) => (now = new Date(iso)) };
}

describe('the station link state', () => {
  it('keeps "unreachable since" at the first failure, however often it fails again', () => {
    const t = tracker();
    t.at('2026-12-02T02:15:00.000Z');
    t.link.unreachable();
    t.at('2026-12-02T02:20:00.000Z');
    t.link.unreachable();
    expect(t.link.current()).toEqual({ state: 'unreachable', since: '2026-12-02T02:15:00.000Z' });
    expect(t.changes).toHaveLength(1);
  });

  it('goes back to connected with a new since, and tells its listeners', () => {
    const t = tracker();
    t.link.unreachable();
    t.at('2026-12-02T03:00:00.000Z');
    t.link.connected();
    expect(t.link.current()).toEqual({ state: 'connected', since: '2026-12-02T03:00:00.000Z' });
    expect(t.changes.map((c) => c.state)).toEqual(['unreachable', 'connected']);
  });

  it('stays revoked for good: no later answer makes calls possible again', () => {
    const t = tracker();
    t.link.refused('STATION_REVOKED');
    t.link.connected();
    t.link.unreachable();
    t.link.incompatible('hub', '9.9.9');
    expect(t.link.current()).toMatchObject({ state: 'refused', code: 'STATION_REVOKED' });
    expect(t.link.blocksCalls()).toBe(true);
  });

  it('lets another key on the hub address pass once the real hub answers', () => {
    const t = tracker();
    t.link.refused('HUB_CERT_MISMATCH');
    expect(t.link.blocksCalls()).toBe(false);
    t.link.connected();
    expect(t.link.current().state).toBe('connected');
  });

  it('blocks calls while incompatible, and an unreachable hub does not hide that', () => {
    const t = tracker();
    t.link.incompatible('station', '0.2.0');
    t.link.unreachable();
    expect(t.link.current()).toMatchObject({ state: 'incompatible', update: 'station' });
    expect(t.link.blocksCalls()).toBe(true);
    t.link.connected();
    expect(t.link.blocksCalls()).toBe(false);
  });
});

describe('which side to update', () => {
  it('names the side with the lower version', () => {
    expect(sideToUpdate('0.1.0', '0.2.0')).toBe('station');
    expect(sideToUpdate('0.10.0', '0.9.3')).toBe('hub');
    expect(sideToUpdate('1.0.0', '1.0.0')).toBe('hub');
  });
});
