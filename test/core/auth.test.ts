import { afterEach, describe, expect, it } from 'vitest';
import { lockSecondsAfter } from '../../electron/core/auth/lockout';
import { createCore } from '../../electron/core/core';
import {
  ADMIN,
  cleanup,
  startTestCore,
  startWithAdmin,
  TestClock,
  type TestCore,
} from '../helpers/temp-core';

let t: TestCore;
afterEach(() => cleanup(t));

const code = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'OK' : r.error?.code);

describe('first-run setup', () => {
  it('asks for the first administrator exactly once, and stores no PIN in the clear', async () => {
    t = startTestCore();
    expect(await t.must('setup.status', {})).toEqual({ needsFirstAdmin: true });
    const admin = await t.must('setup.createFirstAdmin', ADMIN);
    expect(admin.roles).toEqual(['admin', 'officer', 'receptionist', 'supervisor']);
    expect(await t.must('setup.status', {})).toEqual({ needsFirstAdmin: false });
    expect(code(await t.call('setup.createFirstAdmin', { ...ADMIN, username: 'other' }))).toBe(
      'SETUP_ALREADY_DONE',
    );
    const { pin_hash } = t.core.db.prepare('SELECT pin_hash FROM staff').get() as {
      pin_hash: string;
    };
    expect(pin_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(pin_hash).not.toContain(ADMIN.pin);
  });

  it('lets only one of two simultaneous first-run screens succeed', async () => {
    t = startTestCore();
    const results = await Promise.all([
      t.call('setup.createFirstAdmin', ADMIN),
      t.call('setup.createFirstAdmin', { ...ADMIN, username: 'rival' }),
    ]);
    expect(results.map(code).sort()).toEqual(['OK', 'SETUP_ALREADY_DONE']);
    expect(t.core.db.prepare('SELECT count(*) AS n FROM staff').get()).toEqual({ n: 1 });
  });

  it('refuses a PIN shorter than 6 digits or with letters', async () => {
    t = startTestCore();
    for (const pin of ['12345', 'abcdef', '12345a', '']) {
      const r = await t.call('setup.createFirstAdmin', { ...ADMIN, pin });
      expect(r.ok ? null : r.error.fields?.pin, pin).toBe(
        pin === '' ? 'validation.pinFormat' : 'validation.pinFormat',
      );
    }
  });
});

describe('login and lock-out', () => {
  it('grows the delay after repeated wrong PINs, up to five minutes', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 20].map(lockSecondsAfter)).toEqual([
      0, 0, 30, 60, 120, 240, 300, 300,
    ]);
  });

  it('locks after three wrong PINs, even against the right PIN, and lets in after the delay', async () => {
    t = await startWithAdmin();
    const login = (pin: string) => t.call('auth.login', { username: ADMIN.username, pin });
    expect(code(await login('000000'))).toBe('INVALID_CREDENTIALS');
    expect(code(await login('000001'))).toBe('INVALID_CREDENTIALS');
    const third = await login('000002');
    expect(third.ok ? null : third.error).toMatchObject({
      code: 'LOCKED_OUT',
      retryAfterSeconds: 30,
    });
    expect(third.ok ? '' : third.error.message).toBe(
      'Terlalu banyak PIN salah. Coba lagi dalam 30 detik.',
    );
    expect(code(await login(ADMIN.pin))).toBe('LOCKED_OUT');
    t.clock.advance(31_000);
    expect(code(await login('999999'))).toBe('LOCKED_OUT'); // the fourth failure doubles the delay
    t.clock.advance(61_000);
    expect(code(await login(ADMIN.pin))).toBe('OK');
    // Success resets the count.
    expect(code(await login('000000'))).toBe('INVALID_CREDENTIALS');
  });

  it('keeps a lock-out across a restart of the host', async () => {
    const clock = new TestClock();
    t = await startWithAdmin({ clock });
    for (const pin of ['000000', '000001', '000002'])
      await t.call('auth.login', { username: ADMIN.username, pin });
    t.close();
    t.core = createCore({ dataDir: t.dataDir, now: clock.now, logError: () => {} });
    const r = await t.call('auth.login', { username: ADMIN.username, pin: ADMIN.pin });
    expect(code(r)).toBe('LOCKED_OUT');
  });

  it('gives the same answer for an unknown user as for a wrong PIN', async () => {
    t = await startWithAdmin();
    expect(code(await t.call('auth.login', { username: 'nobody', pin: '123456' }))).toBe(
      'INVALID_CREDENTIALS',
    );
  });

  it('ends a session after the idle time', async () => {
    t = await startWithAdmin({ sessionIdleMs: 60_000 });
    expect(code(await t.call('auth.me', {}))).toBe('OK');
    t.clock.advance(59_000);
    expect(code(await t.call('auth.me', {}))).toBe('OK');
    t.clock.advance(61_000);
    expect(code(await t.call('auth.me', {}))).toBe('UNAUTHENTICATED');
  });

  it('logs out', async () => {
    t = await startWithAdmin();
    expect(code(await t.call('auth.logout', {}))).toBe('OK');
    expect(code(await t.call('auth.me', {}))).toBe('UNAUTHENTICATED');
  });
});

describe('roles and windows', () => {
  async function loginAs(
    roles: ('receptionist' | 'officer' | 'supervisor' | 'admin')[],
  ): Promise<void> {
    t = await startWithAdmin();
    await t.must('staff.create', { fullName: 'Rina', username: 'rina', pin: '975310', roles });
    t.token = (await t.must('auth.login', { username: 'rina', pin: '975310' })).sessionToken;
  }

  it('lets a receptionist check visitors in but not manage staff', async () => {
    await loginAs(['receptionist']);
    expect(code(await t.call('visitor.search', { query: 'bu' }))).toBe('OK');
    expect(code(await t.call('staff.list', {}))).toBe('FORBIDDEN');
  });

  it('lets an officer see the day but not check visitors in or search them', async () => {
    await loginAs(['officer']);
    expect(code(await t.call('visit.listForDay', {}))).toBe('OK');
    expect(code(await t.callRaw('visit.checkIn', {}))).toBe('FORBIDDEN');
    expect(code(await t.call('visitor.search', { query: 'bu' }))).toBe('FORBIDDEN');
  });

  it('refuses everything but public methods without a session, and unknown methods', async () => {
    t = await startWithAdmin();
    expect(code(await t.callRaw('visit.listForDay', {}, 'forged-token'))).toBe('UNAUTHENTICATED');
    expect(code(await t.callRaw('setup.status', {}, 'forged-token'))).toBe('OK');
    expect(code(await t.callRaw('db.dropEverything', {}))).toBe('UNKNOWN_METHOD');
    expect(code(await t.callRaw('toString', {}))).toBe('UNKNOWN_METHOD');
    expect(code(await t.callRaw('__proto__', {}))).toBe('UNKNOWN_METHOD');
  });

  it('refuses staff methods from the visitor-facing window whatever the session', async () => {
    t = await startWithAdmin();
    for (const method of ['staff.list', 'visit.checkIn', 'visitor.search', 'auth.login']) {
      const r = await t.core.dispatch(method, {}, { window: 'survey', sessionToken: t.token });
      expect(code(r), method).toBe('WINDOW_NOT_ALLOWED');
    }
  });

  it('refuses input that does not match the schema, with field codes', async () => {
    t = await startWithAdmin();
    const r = await t.callRaw('staff.setActive', { staffId: 'one', active: 'yes', extra: 1 });
    expect(r.ok ? null : r.error.fields).toEqual({
      staffId: 'validation.invalid',
      active: 'validation.invalid',
    });
  });
});

describe('staff administration', () => {
  it('adds staff with their roles, refuses a taken username, and audits who did it', async () => {
    t = await startWithAdmin();
    const rina = await t.must('staff.create', {
      fullName: 'Rina',
      username: 'Rina',
      pin: '975310',
      roles: ['receptionist', 'receptionist'],
    });
    expect(rina).toMatchObject({ username: 'rina', roles: ['receptionist'], active: true });
    expect(
      code(
        await t.call('staff.create', {
          fullName: 'R2',
          username: 'rina',
          pin: '975310',
          roles: ['officer'],
        }),
      ),
    ).toBe('USERNAME_TAKEN');
    const audit = t.core.db
      .prepare("SELECT actor_id, entity_id FROM audit WHERE action = 'staff.create'")
      .all();
    expect(audit).toEqual([
      { actor_id: 1, entity_id: '1' },
      { actor_id: 1, entity_id: String(rina.id) },
    ]);
  });

  it('deactivates staff: their session ends and they cannot log in', async () => {
    t = await startWithAdmin();
    const adminToken = t.token;
    const rina = await t.must('staff.create', {
      fullName: 'Rina',
      username: 'rina',
      pin: '975310',
      roles: ['receptionist'],
    });
    t.token = (await t.must('auth.login', { username: 'rina', pin: '975310' })).sessionToken;
    const rinaToken = t.token;
    t.token = adminToken;
    expect((await t.must('staff.setActive', { staffId: rina.id, active: false })).active).toBe(
      false,
    );
    expect(code(await t.callRaw('auth.me', {}, rinaToken))).toBe('UNAUTHENTICATED');
    expect(code(await t.call('auth.login', { username: 'rina', pin: '975310' }))).toBe(
      'INVALID_CREDENTIALS',
    );
    await t.must('staff.setActive', { staffId: rina.id, active: true });
    expect(code(await t.call('auth.login', { username: 'rina', pin: '975310' }))).toBe('OK');
  });

  it('never deactivates the last active administrator', async () => {
    t = await startWithAdmin();
    expect(code(await t.call('staff.setActive', { staffId: 1, active: false }))).toBe('LAST_ADMIN');
    const second = await t.must('staff.create', {
      fullName: 'Adi',
      username: 'adi',
      pin: '975310',
      roles: ['admin'],
    });
    expect(code(await t.call('staff.setActive', { staffId: second.id, active: false }))).toBe('OK');
    expect(code(await t.call('staff.setActive', { staffId: 1, active: false }))).toBe('LAST_ADMIN');
  });
});
