import type { CallPlace } from './desk';

/**
 * What each recorded clip says (resources/public/voice/id/<clip>.ogg). The script that records
 * them (scripts/generate-voice-clips.ts) reads this table, so the words and the files cannot
 * drift apart.
 */
export const SPOKEN_CLIPS = {
  nomor_antrean: 'nomor antrean',
  silakan_menuju: 'silakan menuju',
  ruang_konsultasi: 'ruang konsultasi',
  ruang_layanan: 'ruang layanan',
  meja: 'meja',
  meja_resepsionis: 'meja resepsionis',
  nol: 'nol',
  satu: 'satu',
  dua: 'dua',
  tiga: 'tiga',
  empat: 'empat',
  lima: 'lima',
  enam: 'enam',
  tujuh: 'tujuh',
  delapan: 'delapan',
  sembilan: 'sembilan',
  sepuluh: 'sepuluh',
  sebelas: 'sebelas',
  belas: 'belas',
  puluh: 'puluh',
  seratus: 'seratus',
  ratus: 'ratus',
  seribu: 'seribu',
  ribu: 'ribu',
  // Letters as Indonesians spell them aloud, for the queue number's prefix.
  huruf_a: 'a',
  huruf_b: 'be',
  huruf_c: 'ce',
  huruf_d: 'de',
  huruf_e: 'e',
  huruf_f: 'ef',
  huruf_g: 'ge',
  huruf_h: 'ha',
  huruf_i: 'i',
  huruf_j: 'je',
  huruf_k: 'ka',
  huruf_l: 'el',
  huruf_m: 'em',
  huruf_n: 'en',
  huruf_o: 'o',
  huruf_p: 'pe',
  huruf_q: 'ki',
  huruf_r: 'er',
  huruf_s: 'es',
  huruf_t: 'te',
  huruf_u: 'u',
  huruf_v: 've',
  huruf_w: 'we',
  huruf_x: 'eks',
  huruf_y: 'ye',
  huruf_z: 'zet',
} as const;
export type SpokenClip = keyof typeof SPOKEN_CLIPS;

/** Clips that are not speech: the chime before a call and the pauses between words. */
export const SOUND_CLIPS = {
  chime: 'a two-tone chime',
  jeda: 'a short pause between words',
  jeda_panjang: 'the pause at a comma',
} as const;
export type SoundClip = keyof typeof SOUND_CLIPS;
export type Clip = SpokenClip | SoundClip;

export const CLIP_FORMAT = 'ogg';
/**
 * Where the board fetches a clip: served beside the renderer at the root of its origin, by the
 * browser-mode host and by Electron's app:// protocol alike, whatever the board's own path.
 */
export function clipUrl(clip: Clip): string {
  return `/voice/id/${clip}.${CLIP_FORMAT}`;
}

const DIGITS: readonly SpokenClip[] = [
  'nol',
  'satu',
  'dua',
  'tiga',
  'empat',
  'lima',
  'enam',
  'tujuh',
  'delapan',
  'sembilan',
];

function digit(d: number): SpokenClip {
  const clip = DIGITS[d];
  if (clip === undefined) throw new RangeError(`not a digit: ${d}`);
  return clip;
}

/** 1–99 in words (Indonesian: "sebelas", "dua belas", "dua puluh satu"). */
function belowHundred(n: number): SpokenClip[] {
  if (n < 10) return [digit(n)];
  if (n === 10) return ['sepuluh'];
  if (n === 11) return ['sebelas'];
  if (n < 20) return [digit(n - 10), 'belas'];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return ones === 0 ? [digit(tens), 'puluh'] : [digit(tens), 'puluh', digit(ones)];
}

/** 1–999 ("seratus", "dua ratus lima belas"). */
function belowThousand(n: number): SpokenClip[] {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  const head: SpokenClip[] =
    hundreds === 0 ? [] : hundreds === 1 ? ['seratus'] : [digit(hundreds), 'ratus'];
  return rest === 0 ? head : [...head, ...belowHundred(rest)];
}

/** A whole number 0–999 999 as the clips that say it. */
export function numberWords(n: number): SpokenClip[] {
  if (!Number.isInteger(n) || n < 0 || n > 999_999) throw new RangeError(`cannot say ${n}`);
  if (n === 0) return ['nol'];
  const thousands = Math.floor(n / 1000);
  const rest = n % 1000;
  const head: SpokenClip[] =
    thousands === 0 ? [] : thousands === 1 ? ['seribu'] : [...belowThousand(thousands), 'ribu'];
  return rest === 0 ? head : [...head, ...belowThousand(rest)];
}

/** The clips that say a queue label: its letters one by one, then its number ("K-007": ka tujuh). */
export function queueLabelWords(label: string): SpokenClip[] {
  const match = /^([A-Za-z]*)-?(\d+)$/.exec(label.trim());
  if (!match) throw new RangeError(`not a queue label: ${label}`);
  const letters = [...(match[1] ?? '').toLowerCase()].map((c) => `huruf_${c}` as SpokenClip);
  return [...letters, ...numberWords(Number(match[2]))];
}

/** Words with a short pause between each, so that chained clips do not run together. */
function spaced(words: readonly Clip[]): Clip[] {
  return words.flatMap((w, i) => (i === 0 ? [w] : ['jeda', w]));
}

/**
 * One call as the board plays it: the chime, then "Nomor antrean K-007, silakan menuju ruang
 * konsultasi, meja 2." A visit called by an officer who has not chosen a desk is sent to the
 * consultation room without a desk number.
 */
export function announcementClips(queueLabel: string, place: CallPlace): Clip[] {
  const room: Clip = place.room === 'layanan' ? 'ruang_layanan' : 'ruang_konsultasi';
  const where: Clip[] =
    place.room === 'resepsionis'
      ? ['meja_resepsionis']
      : place.desk === null
        ? [room]
        : [room, 'jeda_panjang', ...spaced(['meja', ...numberWords(place.desk)])];
  return [
    'chime',
    'nomor_antrean',
    'jeda',
    ...spaced(queueLabelWords(queueLabel)),
    'jeda_panjang',
    'silakan_menuju',
    'jeda',
    ...where,
  ];
}

/** The same call as one sentence, for the browser's own speech synthesis (the optional voice). */
export function announcementText(queueLabel: string, place: CallPlace): string {
  const room =
    place.room === 'resepsionis'
      ? 'meja resepsionis'
      : `ruang ${place.room === 'layanan' ? 'layanan' : 'konsultasi'}${
          place.desk === null ? '' : `, meja ${place.desk}`
        }`;
  return `Nomor antrean ${queueLabel}, silakan menuju ${room}.`;
}
