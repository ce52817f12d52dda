import { describe, expect, it } from 'vitest';
import { mentionMatcher } from '../../../electron/core/privacy/mentions';

const matcher = mentionMatcher({
  names: ['Budi  Santoso', '(dianonimkan)', 'Ani'],
  phones: ['+6281234567890', ''],
  emails: ['budi@contoh.id'],
})!;

describe('mentions of an erased person in free text', () => {
  it('finds the full name in any case and spacing, but not inside other words or names', () => {
    expect(matcher.redact('Pak BUDI santoso datang bersama budi\nSantoso').text).toBe(
      'Pak (dihapus) datang bersama (dihapus)',
    );
    expect(matcher.redact('Budi Santosoputra dan Budi').count).toBe(0);
  });

  it('ignores names too short to be told apart from other words, and the markers', () => {
    expect(matcher.redact('Ani dan Rani, (dianonimkan)').count).toBe(0);
  });

  it('finds the phone however it is written, and not inside a longer number', () => {
    for (const written of [
      '0812-3456-7890',
      '+62 812 3456 7890',
      '6281234567890',
      '(0)81234567890',
    ]) {
      expect(matcher.redact(`hubungi ${written} ya`).text, written).toBe('hubungi (dihapus) ya');
    }
    expect(matcher.redact('rekening 9081234567890').count).toBe(0);
  });

  it('finds the e-mail in any case, and gives cheap hints for the LIKE before the exact match', () => {
    expect(matcher.redact('surel: Budi@Contoh.ID.').text).toBe('surel: (dihapus).');
    expect(matcher.hints).toEqual(['Budi Santoso', 'budi@contoh.id', '7890']);
  });

  it('has nothing to look for when nothing identifies the person any more', () => {
    expect(mentionMatcher({ names: ['(dihapus)'], phones: [''], emails: [] })).toBeNull();
  });
});
