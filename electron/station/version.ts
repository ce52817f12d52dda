import packageJson from '../../package.json';

/** This installation's Loket version (package.json), sent to the hub at pairing and compared. */
export const LOKET_VERSION: string = packageJson.version;

/**
 * Which side is behind: the one with the lower dotted version. Equal versions with different
 * contracts (a development build) name the hub, which serves every station.
 */
export function sideToUpdate(stationVersion: string, hubVersion: string): 'hub' | 'station' {
  const parts = (v: string) => v.split(/[.+-]/).map((p) => Number.parseInt(p, 10) || 0);
  const a = parts(stationVersion);
  const b = parts(hubVersion);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d > 0 ? 'hub' : 'station';
  }
  return 'hub';
}
