import { execFileSync } from 'node:child_process';

/** The rate every clip is recorded at, so that they chain without resampling. */
export const RATE = 22050;
/** Every spoken clip is levelled to this RMS loudness (dBFS). */
export const TARGET_RMS_DB = -20;

/** A file's RMS level in dBFS, as `sox FILE -n stats` reports it (on stderr). */
export function rmsDb(file: string): number {
  const stats = execFileSync('sh', ['-c', 'sox "$0" -n stats 2>&1', file], { encoding: 'utf8' });
  const line = /RMS lev dB\s+(-?[\d.]+)/.exec(stats);
  if (!line?.[1]) throw new Error(`no RMS level for ${file}: ${stats}`);
  return Number(line[1]);
}
