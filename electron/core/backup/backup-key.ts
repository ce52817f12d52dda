/**
 * The backup key: derived from the admin's passphrase by scrypt with a random salt. The
 * passphrase itself is never kept; the derived key is kept in the secret store (the OS keychain
 * in the desktop app) so the nightly backup runs unattended, and each backup file names the salt
 * and parameters, so a new PC opens it with the passphrase alone.
 */
import { createHmac, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

export const kdfSchema = z.object({
  name: z.literal('scrypt'),
  N: z
    .number()
    .int()
    .min(1024)
    .max(2 ** 20),
  r: z.number().int().min(1).max(32),
  p: z.number().int().min(1).max(16),
  salt: z.string().min(16).max(64),
});
export type Kdf = z.infer<typeof kdfSchema>;

export interface BackupKey {
  kdf: Kdf;
  bytes: Buffer;
}

/** 32 MiB and about a tenth of a second per guess on a desk PC. */
const DEFAULT_COST = { N: 2 ** 15, r: 8, p: 1 } as const;

export function newKdf(): Kdf {
  return { name: 'scrypt', ...DEFAULT_COST, salt: randomBytes(16).toString('base64') };
}

export function deriveKey(passphrase: string, kdf: Kdf): Promise<BackupKey> {
  return new Promise((resolve, reject) => {
    scrypt(
      passphrase.normalize('NFC'),
      Buffer.from(kdf.salt, 'base64'),
      32,
      { N: kdf.N, r: kdf.r, p: kdf.p, maxmem: 128 * kdf.N * kdf.r * 2 },
      (err, bytes) => (err ? reject(err) : resolve({ kdf, bytes })),
    );
  });
}

function mac(key: BackupKey, label: string): Buffer {
  return createHmac('sha256', key.bytes).update(label).digest();
}

/** Written in every file's header: tells a wrong passphrase from a damaged file. */
export function keyCheckOf(key: BackupKey): string {
  return mac(key, 'loket-backup-key-check').subarray(0, 16).toString('base64');
}

export function sameKeyCheck(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The folder of documents sealed with this key (another passphrase starts another folder). */
export function keyIdOf(key: BackupKey): string {
  return mac(key, 'loket-backup-key-id').subarray(0, 8).toString('hex');
}

/** A document's name in the backup: not its SHA-256, which would tell who holds a known file. */
export function documentNameOf(key: BackupKey, sha256: string): string {
  return mac(key, `loket-backup-document:${sha256}`).toString('hex');
}

const storedSchema = z.object({ kdf: kdfSchema, key: z.string().regex(/^[0-9a-f]{64}$/) });

export function serializeKey(key: BackupKey): string {
  return JSON.stringify({ kdf: key.kdf, key: key.bytes.toString('hex') });
}

export function parseStoredKey(text: string | null): BackupKey | null {
  if (text === null) return null;
  try {
    const parsed = storedSchema.safeParse(JSON.parse(text));
    return parsed.success
      ? { kdf: parsed.data.kdf, bytes: Buffer.from(parsed.data.key, 'hex') }
      : null;
  } catch {
    return null;
  }
}
