import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../electron/core/errors';
import {
  decideSecretWrite,
  keychainSecretStore,
  readSecret,
  secretFileFor,
  type KeychainLike,
} from '../../electron/main/secret-storage';
import { id } from '../../shared/i18n/id';
import { en } from '../../shared/i18n/en';
import {
  ADMIN,
  cleanup,
  startTestCore,
  startWithAdmin,
  tempDir,
  type TestCore,
} from '../helpers/temp-core';

/** A keychain that really encrypts (AES-GCM under its own key): a reset keychain is a new key. */
function keychain(options: { available?: boolean; backend?: string } = {}): KeychainLike {
  const key = randomBytes(32);
  return {
    isEncryptionAvailable: () => options.available ?? true,
    getSelectedStorageBackend: () => options.backend ?? 'gnome_libsecret',
    encryptString(plain) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return Buffer.concat([iv, c.getAuthTag(), body]);
    },
    decryptString(encrypted) {
      const d = createDecipheriv('aes-256-gcm', key, encrypted.subarray(0, 12));
      d.setAuthTag(encrypted.subarray(12, 28));
      return Buffer.concat([d.update(encrypted.subarray(28)), d.final()]).toString('utf8');
    },
  };
}

describe('storing the helpdesk secret with safeStorage', () => {
  it('stores it where the keychain encrypts', () => {
    expect(decideSecretWrite(keychain(), 'linux')).toEqual({ store: true });
    expect(decideSecretWrite(keychain({ backend: 'basic_text' }), 'win32')).toEqual({
      store: true,
    });
  });

  it('refuses when encryption is unavailable', () => {
    expect(decideSecretWrite(keychain({ available: false }), 'win32')).toEqual({
      store: false,
      reason: 'encryption_unavailable',
    });
  });

  it("refuses Linux's basic_text backend, whose key every Chromium knows", () => {
    expect(decideSecretWrite(keychain({ backend: 'basic_text' }), 'linux')).toEqual({
      store: false,
      reason: 'basic_text',
    });
  });

  it('tells the admin why on the secret field, and writes nothing', () => {
    const file = secretFileFor(tempDir());
    for (const [chain, key] of [
      [keychain({ backend: 'basic_text' }), 'secretKeychainBasicText'],
      [keychain({ available: false }), 'secretKeychainUnavailable'],
    ] as const) {
      const store = keychainSecretStore(file, chain, 'linux', () => {});
      let error: unknown;
      try {
        store.set('rt-password');
      } catch (err) {
        error = err;
      }
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).details.fields).toEqual({ secret: `desktop.${key}` });
      expect(id.desktop[key]).toMatch(/kata sandi|rahasia/i);
      expect(en.desktop[key]).toBeTruthy();
      expect(existsSync(file)).toBe(false);
    }
  });

  it('keeps the secret encrypted in a private file inside the data folder', () => {
    const dataDir = tempDir();
    const file = secretFileFor(dataDir);
    expect(file.startsWith(join(dataDir, 'secrets'))).toBe(true);
    const store = keychainSecretStore(file, keychain(), 'linux', () => {});
    store.set('rt-password');
    expect(readFileSync(file).includes('rt-password')).toBe(false);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(store.get()).toBe('rt-password');
  });
});

describe('reading a secret that no longer decrypts', () => {
  it('reads nothing for no file, the secret when it decrypts, undecryptable otherwise', () => {
    const chain = keychain();
    expect(readSecret(null, chain)).toEqual({ kind: 'none' });
    expect(readSecret(chain.encryptString('s'), chain)).toEqual({ kind: 'secret', secret: 's' });
    expect(readSecret(keychain().encryptString('s'), chain)).toEqual({ kind: 'undecryptable' });
    expect(readSecret(chain.encryptString('s'), keychain({ available: false }))).toEqual({
      kind: 'undecryptable',
    });
  });

  it('asks for it again (reads as none kept) after a keychain reset, instead of throwing', () => {
    const file = secretFileFor(tempDir());
    keychainSecretStore(file, keychain(), 'linux', () => {}).set('rt-password');
    const lines: string[] = [];
    const afterReset = keychainSecretStore(file, keychain(), 'linux', (l) => lines.push(l));
    expect(afterReset.get()).toBeNull();
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain('rt-password');
    afterReset.set('new-password');
    expect(afterReset.get()).toBe('new-password');
  });
});

describe('the admin saving a helpdesk secret the keychain refuses', () => {
  let t: TestCore | undefined;
  afterEach(() => cleanup(t));

  it('answers on the secret field and leaves the saved settings as they were', async () => {
    const dataDir = tempDir();
    const chain = keychain();
    t = await startWithAdmin({
      dataDir,
      secretStore: keychainSecretStore(secretFileFor(dataDir), chain, 'linux', () => {}),
    });
    const first = {
      kind: 'json',
      url: 'https://helpdesk.lkpp.go.id/loket/v1',
      secret: 'token-1',
    } as const;
    await t.must('helpdesk.saveSettings', first);
    chain.getSelectedStorageBackend = () => 'basic_text';
    const refused = await t.call('helpdesk.saveSettings', {
      kind: 'json',
      url: 'https://other.example.go.id/v1',
      secret: 'token-2',
    });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe('VALIDATION');
      expect(refused.error.fields).toEqual({ secret: 'desktop.secretKeychainBasicText' });
    }
    // As saved on disk, not only as cached: the next start reads the same settings.
    await t.stop();
    t = startTestCore({
      dataDir,
      secretStore: keychainSecretStore(secretFileFor(dataDir), chain, 'linux', () => {}),
    });
    t.token = (
      await t.must('auth.login', { username: ADMIN.username, pin: ADMIN.pin })
    ).sessionToken;
    expect(await t.must('helpdesk.getSettings', {})).toMatchObject({
      url: first.url,
      hasSecret: true,
    });
  });
});
