import { describe, expect, it } from 'vitest';
import {
  SOUND_CLIPS,
  SPOKEN_CLIPS,
  announcementClips,
  announcementText,
  numberWords,
  queueLabelWords,
} from '../../shared/domain/announcement';

/** Written by hand from how the numbers are said, not derived from the code. */
const LABELS: [string, string][] = [
  ['K-001', 'huruf_k satu'],
  ['K-007', 'huruf_k tujuh'],
  ['K-010', 'huruf_k sepuluh'],
  ['K-011', 'huruf_k sebelas'],
  ['K-019', 'huruf_k sembilan belas'],
  ['K-020', 'huruf_k dua puluh'],
  ['K-099', 'huruf_k sembilan puluh sembilan'],
  ['K-100', 'huruf_k seratus'],
  ['K-115', 'huruf_k seratus lima belas'],
  ['K-999', 'huruf_k sembilan ratus sembilan puluh sembilan'],
];

describe('saying a queue number', () => {
  it.each(LABELS)('%s is said as %s', (label, words) => {
    expect(queueLabelWords(label).join(' ')).toBe(words);
  });

  it('says the numbers beyond a day of 999 visitors and the desk numbers', () => {
    expect(numberWords(0).join(' ')).toBe('nol');
    expect(numberWords(12).join(' ')).toBe('dua belas');
    expect(numberWords(200).join(' ')).toBe('dua ratus');
    expect(numberWords(1000).join(' ')).toBe('seribu');
    expect(numberWords(1011).join(' ')).toBe('seribu sebelas');
    expect(numberWords(2345).join(' ')).toBe('dua ribu tiga ratus empat puluh lima');
    expect(numberWords(100_000).join(' ')).toBe('seratus ribu');
    expect(() => numberWords(-1)).toThrow(RangeError);
    expect(() => numberWords(1.5)).toThrow(RangeError);
    expect(() => queueLabelWords('K-')).toThrow(RangeError);
  });

  it('spells a prefix of several letters one by one', () => {
    expect(queueLabelWords('PR-003').join(' ')).toBe('huruf_p huruf_r tiga');
  });
});

describe('one call as clips', () => {
  it('chimes, then says the number and the room and desk, with pauses between words', () => {
    expect(announcementClips('K-007', { room: 'konsultasi', desk: 2 }).join(' ')).toBe(
      'chime nomor_antrean jeda huruf_k jeda tujuh jeda_panjang silakan_menuju jeda ' +
        'ruang_konsultasi jeda_panjang meja jeda dua',
    );
    expect(announcementText('K-007', { room: 'konsultasi', desk: 2 })).toBe(
      'Nomor antrean K-007, silakan menuju ruang konsultasi, meja 2.',
    );
  });

  it('sends a visitor back to reception, or to the room alone when the desk is unknown', () => {
    expect(announcementClips('K-115', { room: 'resepsionis', desk: null }).slice(-3)).toEqual([
      'silakan_menuju',
      'jeda',
      'meja_resepsionis',
    ]);
    expect(announcementClips('K-011', { room: null, desk: null }).slice(-1)).toEqual([
      'ruang_konsultasi',
    ]);
    expect(announcementText('K-011', { room: 'layanan', desk: 12 })).toBe(
      'Nomor antrean K-011, silakan menuju ruang layanan, meja 12.',
    );
  });

  it('uses only clips that are recorded', () => {
    const known = new Set([...Object.keys(SPOKEN_CLIPS), ...Object.keys(SOUND_CLIPS)]);
    for (const [label] of LABELS) {
      for (const clip of announcementClips(label, { room: 'layanan', desk: 47 })) {
        expect(known.has(clip), clip).toBe(true);
      }
    }
  });
});
