/**
 * The backend helpdesk's secret in the desktop app: encrypted with Electron's safeStorage (the
 * OS keychain) into a file next to the data folder it belongs to. The decisions are here, without
 * an Electron import, so they are unit-tested; main.ts passes Electron's safeStorage in.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AppError } from '../core/errors';
import type { SecretStore } from '../core/settings/secret-store';

/** What main.ts passes in: the part of Electron's safeStorage this module uses. */
export interface KeychainLike {
  isEncryptionAvailable(): boolean;
  /** Linux only: which keychain Chromium found ('basic_text' is a fixed, public key). */
  getSelectedStorageBackend?(): string;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

export type SecretWriteDecision =
  { store: true } | { store: false; reason: 'encryption_unavailable' | 'basic_text' };

/** Where the encrypted secret lives: inside the data folder, so it moves and goes with it. */
export function secretFileFor(dataDir: string): string {
  return join(dataDir, 'secrets', 'helpdesk.safestorage');
}

/**
 * Whether the keychain protects a secret at all. On Linux without a keyring (GNOME Keyring,
 * KWallet), Chromium falls back to `basic_text`: "encrypted" with a key every copy of Chromium
 * knows, which is plain text in all but name.
 */
export function decideSecretWrite(
  keychain: Pick<KeychainLike, 'isEncryptionAvailable' | 'getSelectedStorageBackend'>,
  platform: NodeJS.Platform,
): SecretWriteDecision {
  if (!keychain.isEncryptionAvailable()) return { store: false, reason: 'encryption_unavailable' };
  if (platform === 'linux' && keychain.getSelectedStorageBackend?.() === 'basic_text') {
    return { store: false, reason: 'basic_text' };
  }
  return { store: true };
}

/** The field message the admin sees on the secret field when it is refused, per reason. */
export const REFUSAL_MESSAGE_KEY = {
  encryption_unavailable: 'desktop.secretKeychainUnavailable',
  basic_text: 'desktop.secretKeychainBasicText',
} as const;

export type SecretReadOutcome =
  | { kind: 'secret'; secret: string }
  | { kind: 'none' }
  /** Encrypted with a key the keychain no longer has (reset keychain, another Windows account). */
  | { kind: 'undecryptable' };

export function readSecret(
  encrypted: Buffer | null,
  keychain: Pick<KeychainLike, 'isEncryptionAvailable' | 'decryptString'>,
): SecretReadOutcome {
  if (encrypted === null || encrypted.length === 0) return { kind: 'none' };
  if (!keychain.isEncryptionAvailable()) return { kind: 'undecryptable' };
  try {
    return { kind: 'secret', secret: keychain.decryptString(encrypted) };
  } catch {
    return { kind: 'undecryptable' };
  }
}

/**
 * A secret that no longer decrypts reads as "none kept", so the admin screen asks for it again
 * (and cases wait as "setup incomplete") instead of every read throwing.
 */
export function keychainSecretStore(
  file: string,
  keychain: KeychainLike,
  platform: NodeJS.Platform,
  log: (line: string) => void,
): SecretStore {
  return {
    get() {
      const outcome = readSecret(existsSync(file) ? readFileSync(file) : null, keychain);
      if (outcome.kind === 'undecryptable') {
        log(
          'helpdesk secret no longer decrypts (keychain reset or another account): enter it again',
        );
      }
      return outcome.kind === 'secret' ? outcome.secret : null;
    },
    set(secret) {
      const decision = decideSecretWrite(keychain, platform);
      if (!decision.store) {
        throw new AppError('VALIDATION', {
          fields: { secret: REFUSAL_MESSAGE_KEY[decision.reason] },
        });
      }
      mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
      const temp = `${file}.tmp`;
      writeFileSync(temp, keychain.encryptString(secret), { mode: 0o600 });
      renameSync(temp, file);
    },
  };
}
