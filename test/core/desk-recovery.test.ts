import { execFileSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { unlockAtDesk } from '../../electron/core/auth/desk-recovery';
import { ADMIN, cleanup, startWithAdmin, type TestCore } from '../helpers/temp-core';

let t: TestCore;
afterEach(() => cleanup(t));

const code = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'OK' : r.error?.code);
const login = (pin: string) => t.call('auth.login', { username: ADMIN.username, pin });

async function lockTheOnlyAdmin(): Promise<void> {
  for (const pin of ['000000', '000001', '000002']) await login(pin);
  expect(code(await login(ADMIN.pin))).toBe('LOCKED_OUT');
}

describe('the locked-out only administrator at the desk', () => {
  it('gets back in after an unlock from the desk computer, while Loket runs, audited', async () => {
    t = await startWithAdmin();
    await lockTheOnlyAdmin();
    expect(unlockAtDesk(t.dataDir, 'Siti', t.clock.now)).toBe('unlocked');
    expect(code(await login(ADMIN.pin))).toBe('OK');
    expect(
      t.core.db
        .prepare("SELECT actor_id, entity_id FROM audit WHERE action = 'staff.unlock_at_desk'")
        .all(),
    ).toEqual([{ actor_id: null, entity_id: '1' }]);
    expect(unlockAtDesk(t.dataDir, 'nobody', t.clock.now)).toBe('unknown');
  });

  it('has a command for it', async () => {
    t = await startWithAdmin();
    await lockTheOnlyAdmin();
    const out = execFileSync(
      process.execPath,
      ['--import', 'tsx', 'electron/unlock-staff.ts', '--data-dir', t.dataDir, ADMIN.username],
      { encoding: 'utf8' },
    );
    expect(out).toContain('Kunci akun siti sudah dibuka');
    expect(code(await login(ADMIN.pin))).toBe('OK');
  });
});
