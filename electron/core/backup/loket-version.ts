import packageJson from '../../../package.json';

/** The Loket that writes a backup names itself in it; a newer one's backup is not restored. */
export const LOKET_VERSION: string = packageJson.version;

export function isNewerVersion(candidate: string, than: string): boolean {
  const parts = (v: string) => v.split(/[.+-]/).map((p) => Number.parseInt(p, 10) || 0);
  const a = parts(candidate);
  const b = parts(than);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d > 0;
  }
  return false;
}
