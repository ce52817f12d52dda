import { afterEach, describe, expect, it, vi } from 'vitest';
import type * as PinHash from '../../electron/core/auth/pin-hash';
import { ADMIN, cleanup, startWithAdmin, type TestCore } from '../helpers/temp-core';

/** Counts every PIN check the core makes, so that "same cost" is asserted without timing. */
const pinChecks = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../electron/core/auth/pin-hash', async (importOriginal) => {
  const real = await importOriginal<typeof PinHash>();
  return {
    ...real,
    verifyPin: (pin: string, stored: string) => {
      pinChecks.count++;
      return real.verifyPin(pin, stored);
    },
  };
});

let t: TestCore;
afterEach(() => cleanup(t));

type Result = { ok: boolean; error?: { code: string; retryAfterSeconds?: number } };
const code = (r: Result) => (r.ok ? 'OK' : r.error?.code);
const login = (username: string, pin: string) => t.call('auth.login', { username, pin });

describe('lock-out under parallel attempts', () => {
  it('locks the account after a burst of parallel wrong PINs and refuses the right PIN while locked', async () => {
    t = await startWithAdmin();
    const burst = await Promise.all(
      Array.from({ length: 300 }, (_, i) => login(ADMIN.username, String(100000 + i))),
    );
    expect(burst.filter((r) => r.ok)).toEqual([]);
    expect(code(await login(ADMIN.username, ADMIN.pin))).toBe('LOCKED_OUT');
    // Each was counted before its PIN was checked; most were told to try again, unchecked.
    expect(new Set(burst.map(code))).toEqual(new Set(['INVALID_CREDENTIALS', 'BUSY']));
    const row = t.core.db
      .prepare('SELECT failed_pin_count, locked_until FROM staff WHERE username = ?')
      .get(ADMIN.username) as { failed_pin_count: number; locked_until: string | null };
    expect(row.failed_pin_count).toBeGreaterThanOrEqual(3);
    expect(row.locked_until).not.toBeNull();
  });

  it('checks at most two PINs at a time and tells the rest to try again, in Indonesian', async () => {
    t = await startWithAdmin();
    const before = pinChecks.count;
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => login(`tamu${i}`, '123456')),
    );
    expect(pinChecks.count - before).toBe(2);
    expect(results.map(code).sort()).toEqual([
      ...Array<string>(8).fill('BUSY'),
      'INVALID_CREDENTIALS',
      'INVALID_CREDENTIALS',
    ]);
    const busy = results.find((r) => code(r) === 'BUSY') as Result & {
      error: { message: string; retryAfterSeconds: number };
    };
    expect(busy.error.retryAfterSeconds).toBeGreaterThan(0);
    expect(busy.error.message).toMatch(/Coba lagi dalam \d+ detik/);
  });

  it('lets only one login per username be in flight', async () => {
    t = await startWithAdmin();
    const [first, second] = await Promise.all([
      login(ADMIN.username, '000000'),
      login(ADMIN.username, ADMIN.pin),
    ]);
    expect(code(first)).toBe('INVALID_CREDENTIALS');
    expect(code(second)).toBe('BUSY');
  });
});

describe('lock-out as a weapon and usernames told apart', () => {
  it('answers an unknown username exactly as a known one, locked or not, with one PIN check each', async () => {
    t = await startWithAdmin();
    const answers: Record<string, Result[]> = { siti: [], nobody: [] };
    for (const username of ['siti', 'nobody']) {
      for (const pin of ['000000', '000001', '000002', ADMIN.pin]) {
        const before = pinChecks.count;
        answers[username]!.push(await login(username, pin));
        expect(pinChecks.count - before, `${username} ${pin}`).toBe(1);
      }
    }
    const shape = (r: Result) => (r.ok ? 'OK' : `${r.error?.code}:${r.error?.retryAfterSeconds}`);
    expect(answers.nobody!.map(shape)).toEqual(answers.siti!.map(shape));
    expect(answers.siti!.map(shape)).toEqual([
      'INVALID_CREDENTIALS:undefined',
      'INVALID_CREDENTIALS:undefined',
      'LOCKED_OUT:30',
      'LOCKED_OUT:30',
    ]);
  });

  it('caps any lock at five minutes, so that a lock only delays', async () => {
    t = await startWithAdmin();
    const locks: number[] = [];
    for (let i = 0; i < 12; i++) {
      const r = await login(ADMIN.username, '000000');
      const wait = r.ok ? 0 : (r.error?.retryAfterSeconds ?? 0);
      locks.push(wait);
      t.clock.advance(wait * 1000);
    }
    expect(Math.max(...locks)).toBe(300);
    await login(ADMIN.username, '000000');
    t.clock.advance(300_000);
    expect(code(await login(ADMIN.username, ADMIN.pin))).toBe('OK');
  });

  it('lets an administrator unlock a locked account at once, audited', async () => {
    t = await startWithAdmin();
    const adminToken = t.token;
    const rina = await t.must('staff.create', {
      fullName: 'Rina',
      username: 'rina',
      pin: '975310',
      roles: ['receptionist'],
    });
    for (const pin of ['000000', '000001', '000002']) await login('rina', pin);
    expect(code(await login('rina', '975310'))).toBe('LOCKED_OUT');
    t.token = adminToken;
    const listed = (await t.must('staff.list', {})).find((s) => s.id === rina.id);
    expect(listed?.lockedUntil).not.toBeNull();
    const unlocked = await t.must('staff.unlock', { staffId: rina.id });
    expect(unlocked.lockedUntil).toBeNull();
    expect(code(await login('rina', '975310'))).toBe('OK');
    expect(
      t.core.db
        .prepare("SELECT actor_id, entity_id FROM audit WHERE action = 'staff.unlock'")
        .all(),
    ).toEqual([{ actor_id: 1, entity_id: String(rina.id) }]);
  });

  it('lets only an administrator unlock', async () => {
    t = await startWithAdmin();
    await t.must('staff.create', {
      fullName: 'Rina',
      username: 'rina',
      pin: '975310',
      roles: ['officer'],
    });
    t.token = (await t.must('auth.login', { username: 'rina', pin: '975310' })).sessionToken;
    expect(code(await t.call('staff.unlock', { staffId: 1 }))).toBe('FORBIDDEN');
  });
});
