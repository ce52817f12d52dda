/**
 * Records the board's announcement clips (resources/public/voice/id/*.ogg) from the table in
 * shared/domain/announcement.ts: espeak-ng's Indonesian voice says each word, sox trims the
 * silence around it and levels it to one loudness; the chime and the pauses are synthesised.
 * Needs espeak-ng and sox (Debian: espeak-ng, sox, libsox-fmt-base).
 *
 *   npx tsx scripts/generate-voice-clips.ts
 *
 * The clips are committed: every PC plays the same files, offline, whatever voices it has.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CLIP_FORMAT, SPOKEN_CLIPS } from '../shared/domain/announcement';
import { RATE, TARGET_RMS_DB, rmsDb } from './voice-levels';

const VOICE_DIR = resolve(import.meta.dirname, '../resources/public/voice/id');
/** espeak-ng's Indonesian voice (mb-id1 needs MBROLA's id1 voice, which is not installed here). */
const VOICE = 'id';
const WORDS_PER_MINUTE = '150';
/** Mono Ogg Vorbis at one rate: the clips chain without resampling, a few kB each. */
const OUT = ['-r', String(RATE), '-c', '1', '-C', '5'];

function sox(args: string[]): void {
  execFileSync('sox', args, { stdio: ['ignore', 'ignore', 'pipe'] });
}

function speak(text: string, out: string, work: string): void {
  const raw = join(work, 'raw.wav');
  const trimmed = join(work, 'trimmed.wav');
  execFileSync('espeak-ng', ['-v', VOICE, '-s', WORDS_PER_MINUTE, '-w', raw, text]);
  // Silence off both ends.
  sox([
    raw,
    ...['-r', String(RATE), '-c', '1', trimmed],
    ...['silence', '1', '0.01', '0.5%', 'reverse', 'silence', '1', '0.01', '0.5%', 'reverse'],
  ]);
  const gain = TARGET_RMS_DB - rmsDb(trimmed);
  // A 10/20 ms fade so that chained clips never click; -l: a limiter keeps a loud word's peaks
  // from clipping after the gain.
  sox([trimmed, ...OUT, out, 'fade', 't', '0.01', '-0', '0.02', 'gain', '-l', gain.toFixed(2)]);
}

/** Two soft tones, E5 then C5, each fading out: the "ding-dong" of a queue system. */
function chime(out: string, work: string): void {
  const tone = (file: string, hz: number) =>
    sox([
      ...['-n', '-r', String(RATE), '-c', '1', file],
      ...['synth', '0.55', 'sine', String(hz), 'fade', 'q', '0.01', '0.55', '0.45', 'gain', '-8'],
    ]);
  tone(join(work, 'ding.wav'), 659.25);
  tone(join(work, 'dong.wav'), 523.25);
  sox([join(work, 'ding.wav'), join(work, 'dong.wav'), ...OUT, out, 'pad', '0', '0.1']);
}

function silence(out: string, seconds: number): void {
  sox(['-n', ...OUT, out, 'trim', '0', String(seconds)]);
}

function main(): void {
  mkdirSync(VOICE_DIR, { recursive: true });
  for (const old of readdirSync(VOICE_DIR)) rmSync(join(VOICE_DIR, old));
  const work = mkdtempSync(join(tmpdir(), 'loket-voice-'));
  const file = (clip: string) => join(VOICE_DIR, `${clip}.${CLIP_FORMAT}`);
  try {
    for (const [clip, text] of Object.entries(SPOKEN_CLIPS)) speak(text, file(clip), work);
    chime(file('chime'), work);
    silence(file('jeda'), 0.12);
    silence(file('jeda_panjang'), 0.35);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  console.log(`${readdirSync(VOICE_DIR).length} clips in ${VOICE_DIR}`);
}

main();
