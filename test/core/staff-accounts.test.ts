import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, cleanup, startWithAdmin, type TestCore } from '../helpers/temp-core';

let t: TestCore;
afterEach(() => cleanup(t));

const code = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'OK' : r.error?.code);
const RINA = { fullName: 'Rina', username: 'rina', pin: '975310', roles: ['officer' as const] };
const loginRina = (pin: string) => t.call('auth.login', { username: 'rina', pin });
const audited = (action: string) =>
  t.core.db.prepare('SELECT actor_id, entity_id FROM audit WHERE action = ?').all(action);

describe('changing one’s own PIN', () => {
  it('needs the current PIN, follows the PIN rules, is audited and logs out other sessions', async () => {
    t = await startWithAdmin();
    const elsewhere = (await t.must('auth.login', { username: ADMIN.username, pin: ADMIN.pin }))
      .sessionToken;
    expect(code(await t.call('auth.changePin', { currentPin: ADMIN.pin, newPin: '12a' }))).toBe(
      'VALIDATION',
    );
    expect(code(await t.call('auth.changePin', { currentPin: '000000', newPin: '246802' }))).toBe(
      'CURRENT_PIN_WRONG',
    );
    expect(code(await t.call('auth.changePin', { currentPin: ADMIN.pin, newPin: '246802' }))).toBe(
      'OK',
    );
    expect(code(await t.call('auth.me', {}))).toBe('OK');
    expect(code(await t.callRaw('auth.me', {}, elsewhere))).toBe('UNAUTHENTICATED');
    expect(code(await t.call('auth.login', { username: ADMIN.username, pin: ADMIN.pin }))).toBe(
      'INVALID_CREDENTIALS',
    );
    expect(code(await t.call('auth.login', { username: ADMIN.username, pin: '246802' }))).toBe(
      'OK',
    );
    expect(audited('auth.change_pin')).toEqual([{ actor_id: 1, entity_id: '1' }]);
  });

  it('counts a wrong current PIN towards the lock-out', async () => {
    t = await startWithAdmin();
    for (const pin of ['000000', '000001'])
      expect(code(await t.call('auth.changePin', { currentPin: pin, newPin: '246802' }))).toBe(
        'CURRENT_PIN_WRONG',
      );
    expect(code(await t.call('auth.changePin', { currentPin: '000002', newPin: '246802' }))).toBe(
      'LOCKED_OUT',
    );
    expect(code(await t.call('auth.changePin', { currentPin: ADMIN.pin, newPin: '246802' }))).toBe(
      'LOCKED_OUT',
    );
  });
});

describe('administering accounts', () => {
  it('resets a forgotten PIN: the old one stops working, the person’s sessions end, audited', async () => {
    t = await startWithAdmin();
    const adminToken = t.token;
    const rina = await t.must('staff.create', RINA);
    for (const pin of ['000000', '000001']) await loginRina(pin);
    const rinaToken = (await t.must('auth.login', { username: 'rina', pin: RINA.pin }))
      .sessionToken;
    for (const pin of ['000000', '000001', '000002']) await loginRina(pin);
    t.token = adminToken;
    expect(code(await t.call('staff.resetPin', { staffId: rina.id, pin: '12' }))).toBe(
      'VALIDATION',
    );
    const after = await t.must('staff.resetPin', { staffId: rina.id, pin: '864200' });
    expect(after.lockedUntil).toBeNull(); // a reset also lifts the lock-out
    expect(code(await t.callRaw('auth.me', {}, rinaToken))).toBe('UNAUTHENTICATED');
    expect(code(await loginRina(RINA.pin))).toBe('INVALID_CREDENTIALS');
    expect(code(await loginRina('864200'))).toBe('OK');
    expect(audited('staff.reset_pin')).toEqual([{ actor_id: 1, entity_id: String(rina.id) }]);
  });

  it('lets only an administrator reset a PIN', async () => {
    t = await startWithAdmin();
    await t.must('staff.create', RINA);
    t.token = (await t.must('auth.login', { username: 'rina', pin: RINA.pin })).sessionToken;
    expect(code(await t.call('staff.resetPin', { staffId: 1, pin: '864200' }))).toBe('FORBIDDEN');
  });

  it('reactivates a deactivated account, audited', async () => {
    t = await startWithAdmin();
    const rina = await t.must('staff.create', RINA);
    await t.must('staff.setActive', { staffId: rina.id, active: false });
    expect((await t.must('staff.setActive', { staffId: rina.id, active: true })).active).toBe(true);
    expect(code(await loginRina(RINA.pin))).toBe('OK');
    expect(audited('staff.activate')).toEqual([{ actor_id: 1, entity_id: String(rina.id) }]);
  });
});
