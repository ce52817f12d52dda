import { describe, expect, it } from 'vitest';
import {
  columnLetters,
  inlineText,
  sheetName,
  xmlAttr,
} from '../../../electron/core/reports/xlsx-xml';

describe('SpreadsheetML text', () => {
  it('names columns A…Z, AA…ZZ, AAA as Excel does', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702, 16383].map(columnLetters)).toEqual([
      'A',
      'B',
      'Z',
      'AA',
      'AB',
      'AZ',
      'BA',
      'ZZ',
      'AAA',
      'XFD',
    ]);
  });

  it('makes a sheet name Excel accepts: no : \\ / ? * [ ], at most 31 characters, unique', () => {
    expect(sheetName('Jawaban', new Set())).toBe('Jawaban');
    expect(sheetName('Kasus [2026/11]: semua?', new Set())).toBe('Kasus 2026 11 semua');
    const long = 'Rincian kunjungan per petugas dan kategori';
    expect(sheetName(long, new Set())).toBe(long.slice(0, 31));
    const taken = new Set([long.slice(0, 31).toLowerCase()]);
    const second = sheetName(long, taken);
    expect(second).toHaveLength(31);
    expect(second.endsWith(' (2)')).toBe(true);
    expect(sheetName("'' ", new Set())).toBe('Sheet');
  });

  it('escapes markup, drops what XML cannot hold and keeps spaces at the ends', () => {
    expect(inlineText('a<b>&c')).toBe('<t>a&lt;b&gt;&amp;c</t>');
    expect(inlineText(' x ')).toBe('<t xml:space="preserve"> x </t>');
    expect(inlineText('a\u0000\u001Fb\uFFFE\uDC00c')).toBe('<t>abc</t>');
    // A pair of surrogates is one character (an emoji) and stays.
    expect(inlineText('🙂')).toBe('<t>🙂</t>');
    expect(xmlAttr('Data "uji" & <x>')).toBe('Data &quot;uji&quot; &amp; &lt;x&gt;');
  });
});
