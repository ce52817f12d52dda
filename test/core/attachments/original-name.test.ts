import { describe, expect, it } from 'vitest';
import { cleanOriginalName } from '../../../electron/core/attachments/original-name';

const hex = (s: string) =>
  [...s].map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);

describe('original file names that could mislead a person', () => {
  it.each([
    ['U+061C arabic letter mark', '\u061C'],
    ['U+200B zero width space', '\u200B'],
    ['U+200C zero width non-joiner', '\u200C'],
    ['U+200D zero width joiner', '\u200D'],
    ['U+200E left-to-right mark', '\u200E'],
    ['U+200F right-to-left mark', '\u200F'],
    ['U+2028 line separator', '\u2028'],
    ['U+2029 paragraph separator', '\u2029'],
    ['U+202A left-to-right embedding', '\u202A'],
    ['U+202E right-to-left override', '\u202E'],
    ['U+2066 left-to-right isolate', '\u2066'],
    ['U+2067 right-to-left isolate', '\u2067'],
    ['U+2068 first strong isolate', '\u2068'],
    ['U+2069 pop directional isolate', '\u2069'],
    ['U+FEFF byte order mark', '\uFEFF'],
    ['U+00AD soft hyphen (format)', '\u00AD'],
    ['U+2060 word joiner (format)', '\u2060'],
    ['U+0085 next line (control)', '\u0085'],
    ['U+001B escape (control)', '\u001B'],
  ])('refuses a name with %s', (_label, char) => {
    expect(cleanOriginalName(`invoice${char}fdp.pdf`), hex(char).join()).toBeNull();
  });

  it.each([
    ['U+2215 division slash', 'a\u2215b.pdf'],
    ['U+FF0F fullwidth solidus', 'a\uFF0Fb.pdf'],
    ['U+2044 fraction slash', 'a\u2044b.pdf'],
    ['U+29F8 big solidus', 'a\u29F8b.pdf'],
    ['U+FF3C fullwidth reverse solidus', 'a\uFF3Cb.pdf'],
    ['U+2216 set minus', 'a\u2216b.pdf'],
    ['U+29F5 reverse solidus operator', 'a\u29F5b.pdf'],
    ['U+FE68 small reverse solidus', 'a\uFE68b.pdf'],
    ['U+FF1A fullwidth colon', 'C\uFF1Ax.pdf'],
    ['U+2024 one dot leader twice (".." after NFKC)', '\u2025'],
  ])('refuses a look-alike path character: %s', (_label, name) => {
    expect(cleanOriginalName(name)).toBeNull();
  });

  it('caps a name at 255 UTF-8 bytes, not 255 characters', () => {
    const ascii255 = `${'a'.repeat(251)}.pdf`;
    expect(cleanOriginalName(ascii255)).toBe(ascii255);
    expect(cleanOriginalName(`a${ascii255}`)).toBeNull();
    // 85 three-byte characters are 255 bytes; one more is 258 although only 90 characters.
    const javanese = 'ꦲ'.repeat(85);
    expect(cleanOriginalName(javanese)).toBe(javanese);
    expect(cleanOriginalName(`${'ꦲ'.repeat(86)}.pdf`)).toBeNull();
    // The audit's 1,020-byte name: 255 four-byte characters.
    expect(cleanOriginalName('😀'.repeat(255))).toBeNull();
  });

  it('keeps ordinary Indonesian names, accents and the normalised form', () => {
    expect(cleanOriginalName('Surat Izin Usaha (NIB) – CV Maju.pdf')).toBe(
      'Surat Izin Usaha (NIB) – CV Maju.pdf',
    );
    // Decomposed é is stored composed (NFC), not folded further.
    expect(cleanOriginalName('Cafe\u0301.pdf')).toBe('Café.pdf');
    expect(cleanOriginalName('ｆｕｌｌ.pdf')).toBe('ｆｕｌｌ.pdf');
  });
});
