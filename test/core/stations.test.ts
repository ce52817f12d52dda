import { afterEach, describe, expect, it } from 'vitest';
import { contractId } from '../../shared/api/lan-protocol';
import { STATION_BY_CREDENTIAL_SQL } from '../../electron/core/stations/station-registry';
import { PairingThrottle } from '../../electron/core/stations/pairing-throttle';
import { cleanup, startWithAdmin, TestClock, type TestCore } from '../helpers/temp-core';

let t: TestCore | undefined;
afterEach(async () => {
  await cleanup(t);
  t = undefined;
});

async function paired(core: TestCore, kind: 'reception' | 'consultation' | 'survey' | 'display') {
  const { code } = await core.must('stations.createPairingCode', { kind });
  return core.core.stations.pair({ code, name: `PC ${kind}`, version: '0.1.0' }, '10.0.0.5');
}

describe('station registry', () => {
  it('finds a station by the hash of its credential with one index lookup', async () => {
    t = await startWithAdmin();
    const plan = (
      t.core.db.prepare(`EXPLAIN QUERY PLAN ${STATION_BY_CREDENTIAL_SQL}`).all('x') as {
        detail: string;
      }[]
    ).map((p) => p.detail);
    expect(plan.join('\n')).toContain('USING INDEX station_credential');
    expect(plan.filter((d) => d.startsWith('SCAN'))).toEqual([]);
  });

  it('keeps only hashes of codes and credentials', async () => {
    t = await startWithAdmin();
    const { code } = await t.must('stations.createPairingCode', { kind: 'reception' });
    const result = t.core.stations.pair({ code, name: 'Depan', version: '0.1.0' }, '10.0.0.5');
    const dump = JSON.stringify([
      t.core.db.prepare('SELECT * FROM station').all(),
      t.core.db.prepare('SELECT * FROM pairing_code').all(),
      t.core.db.prepare('SELECT * FROM audit').all(),
    ]);
    expect(dump).not.toContain(result.credential);
    expect(dump).not.toContain(code.replace('-', ''));
    expect(t.core.stations.lookup(result.credential)).toMatchObject({ ok: true });
  });

  it('writes last seen at most once a minute while the address stays the same', async () => {
    const clock = new TestClock();
    t = await startWithAdmin({ clock });
    const { stationId } = await paired(t, 'reception');
    const seen = () =>
      t?.core.db
        .prepare('SELECT last_seen_at, address FROM station WHERE id = ?')
        .get(stationId) as {
        last_seen_at: string | null;
        address: string;
      };
    t.core.stations.noteSeen(stationId, '10.0.0.5');
    const first = seen().last_seen_at;
    clock.advance(30_000);
    t.core.stations.noteSeen(stationId, '10.0.0.5');
    expect(seen().last_seen_at).toBe(first);
    t.core.stations.noteSeen(stationId, '10.0.0.6');
    expect(seen().address).toBe('10.0.0.6');
    const moved = seen().last_seen_at;
    expect(moved).not.toBe(first);
    clock.advance(61_000);
    t.core.stations.noteSeen(stationId, '10.0.0.6');
    expect(seen().last_seen_at).toBe(clock.now().toISOString());
  });

  it('audits a refused code without the code or the address', async () => {
    t = await startWithAdmin();
    expect(() =>
      t?.core.stations.pair({ code: 'ABCD2345', name: 'X', version: '0.1.0' }, '10.9.8.7'),
    ).toThrow();
    const rows = JSON.stringify(
      t.core.db.prepare("SELECT * FROM audit WHERE action = 'stations.pair_refused'").all(),
    );
    expect(rows).toContain('pair_refused');
    expect(rows).not.toContain('ABCD2345');
    expect(rows).not.toContain('10.9.8.7');
  });
});

describe('pairing throttle', () => {
  it('holds back one address after five misses and everyone after twenty', () => {
    const clock = new TestClock();
    const throttle = new PairingThrottle(
      { windowMs: 60_000, perAddress: 5, overall: 20 },
      clock.now,
    );
    for (let i = 0; i < 5; i++) throttle.failed('a');
    expect(throttle.retryAfterSeconds('a')).toBe(60);
    expect(throttle.retryAfterSeconds('b')).toBe(0);
    for (let i = 0; i < 15; i++) throttle.failed(`x${i}`);
    expect(throttle.retryAfterSeconds('b')).toBeGreaterThan(0);
    clock.advance(60_001);
    expect(throttle.retryAfterSeconds('a')).toBe(0);
  });
});

describe('calls through a station', () => {
  it('refuses a session made at one station at another and on the hub itself', async () => {
    t = await startWithAdmin();
    const a = await paired(t, 'reception');
    const b = await paired(t, 'reception');
    const at = (id: number) => ({ id, kind: 'reception' as const });
    const login = await t.core.dispatch(
      'auth.login',
      { username: 'siti', pin: '135790' },
      { window: 'staff', station: at(a.stationId) },
    );
    if (!login.ok) throw new Error('login failed');
    const token = (login.value as { sessionToken: string }).sessionToken;
    const me = (station?: number) =>
      t?.core.dispatch(
        'auth.me',
        {},
        {
          window: 'staff',
          sessionToken: token,
          ...(station !== undefined && { station: at(station) }),
        },
      );
    expect(await me(a.stationId)).toMatchObject({ ok: true });
    expect(await me(b.stationId)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await me()).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    // The hub's own sessions stay unbound, and are refused at a station.
    expect(
      await t.core.dispatch(
        'auth.me',
        {},
        { window: 'staff', sessionToken: t.token, station: at(a.stationId) },
      ),
    ).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await t.call('auth.me', {})).toMatchObject({ ok: true });
  });

  it('acts with the roles the station kind allows: an admin at reception cannot call the next visitor', async () => {
    t = await startWithAdmin();
    const a = await paired(t, 'reception');
    const station = { id: a.stationId, kind: 'reception' as const };
    const login = await t.core.dispatch(
      'auth.login',
      { username: 'siti', pin: '135790' },
      { window: 'staff', station },
    );
    const value = login.ok
      ? (login.value as { sessionToken: string; staff: { roles: string[] } })
      : null;
    expect(value?.staff.roles.sort()).toEqual(['admin', 'receptionist', 'supervisor']);
    const next = await t.core.dispatch(
      'queue.callNext',
      {},
      {
        window: 'staff',
        sessionToken: value?.sessionToken,
        station,
      },
    );
    expect(next).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('names the contract the hub speaks', () => {
    expect(contractId()).toMatch(/^[0-9a-f]{16}$/);
  });
});
