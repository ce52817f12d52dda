import { X509Certificate } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from 'selfsigned';

/** The hub's key and self-signed certificate, kept in the data folder for the hub alone. */
export interface HubTlsMaterial {
  key: string;
  cert: string;
  /** SHA-256 of the certificate as `AB:CD:…`: what a station pins at pairing. */
  fingerprint256: string;
}

const FOLDER = 'hub';
const KEY_FILE = 'hub-key.pem';
const CERT_FILE = 'hub-cert.pem';
/** Stations pin the fingerprint, not a CA's word: a long life only spares re-pairing every PC. */
const VALIDITY_YEARS = 20;

export function hubTlsPaths(dataDir: string): { dir: string; key: string; cert: string } {
  const dir = join(dataDir, FOLDER);
  return { dir, key: join(dir, KEY_FILE), cert: join(dir, CERT_FILE) };
}

export function fingerprintOf(certPem: string): string {
  return new X509Certificate(certPem).fingerprint256;
}

/** The material made at an earlier start, or null when there is none yet. */
export function readHubTls(dataDir: string): HubTlsMaterial | null {
  const paths = hubTlsPaths(dataDir);
  if (!existsSync(paths.key) || !existsSync(paths.cert)) return null;
  const cert = readFileSync(paths.cert, 'utf8');
  return { key: readFileSync(paths.key, 'utf8'), cert, fingerprint256: fingerprintOf(cert) };
}

/**
 * The hub's key and certificate: made once at the first start of hub mode (EC P-256, signed
 * with SHA-256, by `selfsigned`), then read back at every start, so the fingerprint stations
 * pinned stays the same across restarts.
 */
export async function ensureHubTls(dataDir: string, hubName: string): Promise<HubTlsMaterial> {
  const existing = readHubTls(dataDir);
  if (existing) return existing;
  const paths = hubTlsPaths(dataDir);
  mkdirSync(paths.dir, { recursive: true, mode: 0o700 });
  chmodSync(paths.dir, 0o700);
  const notBeforeDate = new Date();
  const notAfterDate = new Date(notBeforeDate);
  notAfterDate.setUTCFullYear(notAfterDate.getUTCFullYear() + VALIDITY_YEARS);
  const pems = await generate(
    [{ name: 'commonName', value: `Loket hub ${hubName}`.slice(0, 64) }],
    {
      keyType: 'ec',
      curve: 'P-256',
      algorithm: 'sha256',
      notBeforeDate,
      notAfterDate,
      extensions: [
        { name: 'basicConstraints', cA: false },
        { name: 'keyUsage', digitalSignature: true },
        { name: 'extKeyUsage', serverAuth: true },
      ],
    },
  );
  // The key first: a certificate without its key would be read back as a half-made pair.
  writeFileSync(paths.key, pems.private, { mode: 0o600, flag: 'wx' });
  writeFileSync(paths.cert, pems.cert, { mode: 0o600, flag: 'wx' });
  return { key: pems.private, cert: pems.cert, fingerprint256: fingerprintOf(pems.cert) };
}
