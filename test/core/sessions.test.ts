import { afterEach, describe, expect, it } from 'vitest';
import {
  ADMIN,
  cleanup,
  startWithAdmin,
  TestClock,
  type TestCore,
  type TestCoreOptions,
} from '../helpers/temp-core';

let t: TestCore;
afterEach(() => cleanup(t));

const code = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'OK' : r.error?.code);
const MIN = 60_000;
const HOUR = 60 * MIN;

/** The session limits Loket really runs with (the helper turns the absolute ones off). */
const REAL: TestCoreOptions = {
  sessionIdleMs: 8 * HOUR,
  sessionMaxMs: 12 * HOUR,
  sessionsEndAtServiceDayEnd: true,
};

function display(token: string) {
  return (method: string) => t.core.dispatch(method, {}, { window: 'survey', sessionToken: token });
}

describe('staff sessions end', () => {
  it('does not keep an unattended staff session alive with the banner poll', async () => {
    t = await startWithAdmin({ sessionIdleMs: MIN });
    for (let i = 0; i < 2; i++) {
      t.clock.advance(25_000);
      expect(code(await t.call('sync.status', {}))).toBe('OK');
    }
    t.clock.advance(20_000); // 70 s after the last user action
    expect(code(await t.call('sync.status', {}))).toBe('UNAUTHENTICATED');
  });

  it('keeps a session alive through user actions', async () => {
    t = await startWithAdmin({ sessionIdleMs: MIN });
    for (let i = 0; i < 5; i++) {
      t.clock.advance(50_000);
      expect(code(await t.call('auth.me', {}))).toBe('OK');
    }
  });

  it('ends an active staff session at the end of the WIB service day', async () => {
    t = await startWithAdmin({ ...REAL, clock: new TestClock(new Date('2026-11-24T14:00:00Z')) });
    // 21:00 WIB; the officer keeps working until after midnight.
    for (let i = 0; i < 4; i++) {
      expect(code(await t.call('auth.me', {})), `21:00 + ${i * 45} min`).toBe('OK');
      t.clock.advance(45 * MIN);
    }
    expect(t.clock.current.toISOString()).toBe('2026-11-24T17:00:00.000Z'); // 00:00 WIB
    expect(code(await t.call('auth.me', {}))).toBe('UNAUTHENTICATED');
  });

  it('ends an active staff session twelve hours after login', async () => {
    t = await startWithAdmin({ ...REAL, clock: new TestClock(new Date('2026-11-23T23:00:00Z')) });
    // 06:00 WIB: the day ends at 24:00, twelve hours end it at 18:00.
    for (let h = 0; h < 12; h++) {
      expect(code(await t.call('auth.me', {})), `${6 + h}:00 WIB`).toBe('OK');
      t.clock.advance(HOUR);
    }
    expect(code(await t.call('auth.me', {}))).toBe('UNAUTHENTICATED');
  });
});

describe('survey display sessions', () => {
  it('ends the display when its officer logs out', async () => {
    t = await startWithAdmin(REAL);
    const { displayToken } = await t.must('survey.openDisplay', {});
    expect(code(await display(displayToken)('survey.current'))).toBe('OK');
    await t.must('auth.logout', {});
    expect(code(await display(displayToken)('survey.current'))).toBe('UNAUTHENTICATED');
  });

  it('ends the display at the end of the service day', async () => {
    t = await startWithAdmin({ ...REAL, clock: new TestClock(new Date('2026-11-24T15:00:00Z')) });
    const { displayToken } = await t.must('survey.openDisplay', {});
    t.clock.advance(HOUR + 59 * MIN); // 23:59 WIB
    expect(code(await display(displayToken)('survey.current'))).toBe('OK');
    t.clock.advance(MIN);
    expect(code(await display(displayToken)('survey.current'))).toBe('UNAUTHENTICATED');
  });

  it('ends the display when its officer is deactivated', async () => {
    t = await startWithAdmin(REAL);
    const adminToken = t.token;
    const rina = await t.must('staff.create', {
      fullName: 'Rina',
      username: 'rina',
      pin: '975310',
      roles: ['officer'],
    });
    t.token = (await t.must('auth.login', { username: 'rina', pin: '975310' })).sessionToken;
    const { displayToken } = await t.must('survey.openDisplay', {});
    t.token = adminToken;
    await t.must('staff.setActive', { staffId: rina.id, active: false });
    expect(code(await display(displayToken)('survey.current'))).toBe('UNAUTHENTICATED');
  });

  it('replaces the officer’s display on each "Buka layar survei" instead of piling them up', async () => {
    t = await startWithAdmin(REAL);
    const first = (await t.must('survey.openDisplay', {})).displayToken;
    const second = (await t.must('survey.openDisplay', {})).displayToken;
    expect(second).not.toBe(first);
    expect(code(await display(first)('survey.current'))).toBe('UNAUTHENTICATED');
    expect(code(await display(second)('survey.current'))).toBe('OK');
  });

  it('keeps the display while the officer’s own screen idles (same-window survey mode)', async () => {
    t = await startWithAdmin({ ...REAL, sessionIdleMs: 30 * MIN });
    const { displayToken } = await t.must('survey.openDisplay', {});
    t.clock.advance(2 * HOUR);
    expect(code(await t.call('auth.me', {}))).toBe('UNAUTHENTICATED');
    expect(code(await display(displayToken)('survey.current'))).toBe('OK');
    // A PIN at the display turns it back into a staff screen: a fresh login.
    expect(code(await t.call('auth.login', { username: ADMIN.username, pin: ADMIN.pin }))).toBe(
      'OK',
    );
  });
});
