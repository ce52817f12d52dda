import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  SOUND_CLIPS,
  SPOKEN_CLIPS,
  announcementClips,
  clipUrl,
  type Clip,
} from '../../shared/domain/announcement';
import { RATE, TARGET_RMS_DB, rmsDb } from '../../scripts/voice-levels';

/** The clips as the board fetches them: the renderer's public folder (vite's publicDir). */
const PUBLIC = resolve(import.meta.dirname, '../../resources/public');
const fileOf = (clip: Clip) => join(PUBLIC, clipUrl(clip));
const soxi = (flag: string, file: string) =>
  execFileSync('soxi', [flag, file], { encoding: 'utf8' }).trim();

const work = mkdtempSync(join(tmpdir(), 'loket-voice-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the recorded clips in resources/', () => {
  const all = [...Object.keys(SPOKEN_CLIPS), ...Object.keys(SOUND_CLIPS)] as Clip[];

  it('has every clip, mono at one rate, small enough to ship', () => {
    let bytes = 0;
    for (const clip of all) {
      bytes += statSync(fileOf(clip)).size;
      expect(soxi('-c', fileOf(clip)), clip).toBe('1');
      expect(soxi('-r', fileOf(clip)), clip).toBe(String(RATE));
    }
    expect(bytes).toBeLessThan(1024 * 1024);
  });

  it('levels every spoken clip to one loudness and trims its silence', () => {
    for (const clip of Object.keys(SPOKEN_CLIPS) as Clip[]) {
      expect(Math.abs(rmsDb(fileOf(clip)) - TARGET_RMS_DB), clip).toBeLessThan(1.5);
      // A word, not a word in a second of silence: espeak-ng's own padding is gone.
      expect(Number(soxi('-D', fileOf(clip))), clip).toBeLessThan(1.6);
    }
  });

  it('renders one call as the sum of its clips, played end to end', () => {
    const clips = announcementClips('K-007', { room: 'konsultasi', desk: 2 });
    const out = join(work, 'call.wav');
    execFileSync('sox', [...clips.map(fileOf), out]);
    const samples = clips.reduce((sum, c) => sum + Number(soxi('-s', fileOf(c))), 0);
    expect(Number(soxi('-s', out))).toBe(samples);
    // Chime, "nomor antrean", "ka", "tujuh", "silakan menuju", "ruang konsultasi", "meja",
    // "dua" and the pauses: a few seconds, nothing cut and nothing hanging on.
    const seconds = Number(soxi('-D', out));
    expect(seconds).toBeGreaterThan(4);
    expect(seconds).toBeLessThan(9);
  });
});
