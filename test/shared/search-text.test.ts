import { describe, expect, it } from 'vitest';
import {
  foldForSearch,
  nameSearchTerms,
  phoneSearchTerms,
  searchWords,
} from '../../shared/domain/search-text';
import { buildVisitorSearchQuery } from '../../electron/core/reception/search-query';

describe('search folding', () => {
  it.each([
    ["Ja'far", 'jafar'],
    ['Ja’far', 'jafar'],
    ['Kadek`e', 'kadeke'],
    ['Siti-Nurhaliza', 'sitinurhaliza'],
    ['Renée Ñáñez', 'renee nanez'],
    ['\uFF32\uFF45\uFF4E', 'ren'], // full-width letters
    ['ﬁtri', 'fitri'], // a ligature
  ])('folds %j to %j', (raw, folded) => {
    expect(foldForSearch(raw)).toBe(folded);
  });

  it('indexes a name as written, folded, and with neighbouring words run together', () => {
    expect(nameSearchTerms('Ni Luh Putu')).toBe('Ni Luh Putu ni luh putu niluh luhputu niluhputu');
    expect(nameSearchTerms("Ja'far")).toBe("Ja'far jafar");
    expect(searchWords('  I  Gede ')).toEqual(['i', 'gede']);
  });

  it('indexes a phone by its starts and, reversed, by its ending', () => {
    expect(phoneSearchTerms('+6281234567890')).toBe(
      '081234567890 6281234567890 81234567890 x098765432180',
    );
    expect(phoneSearchTerms('')).toBe('');
  });

  it('asks for a phone ending only from four digits on', () => {
    expect(buildVisitorSearchQuery('789')).toBe('phone : "789"*');
    expect(buildVisitorSearchQuery('7890')).toBe('phone : ("7890"* OR "x0987"*)');
    expect(buildVisitorSearchQuery("ja'far sh")).toBe('"jafar"* "sh"*');
  });
});
