/**
 * What the returning-visitor search indexes and matches, so that the receptionist finds a name
 * however it is spelled around apostrophes, hyphens, spaces and accents ("jafar" → "Ja'far",
 * "niluh" → "Ni Luh", "rene" → "Renée"), and a phone by its last digits.
 */

/** Characters that join parts of one name: dropped, so "Ja'far" reads as "jafar". */
const JOINERS = /['\u2018\u2019\u02BC`\u00B4\-\u2010\u2011]/gu;
const WORD_BREAK = /[^\p{L}\p{N}]+/u;
/** Marks the reversed-digit terms of a phone, so a search by its ending cannot hit a prefix. */
export const PHONE_SUFFIX_MARK = 'x';

/** Compatibility-decomposed, without marks or joiners, lower case. */
export function foldForSearch(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').replace(JOINERS, '').toLowerCase();
}

/** The words of a text as search compares them. */
export function searchWords(text: string): string[] {
  return foldForSearch(text)
    .split(WORD_BREAK)
    .filter((w) => w.length > 0);
}

/**
 * The terms indexed for a name: the name as written, its folded words, each pair of
 * neighbouring words run together, and all of them run together ("Ni Luh Putu" adds "niluh",
 * "luhputu", "niluhputu").
 */
export function nameSearchTerms(name: string): string {
  const words = searchWords(name);
  const terms = [name, ...words];
  for (let i = 0; i + 1 < words.length; i++) terms.push(`${words[i]}${words[i + 1]}`);
  if (words.length > 2) terms.push(words.join(''));
  return terms.join(' ');
}

/**
 * The terms indexed for a phone in E.164 (+62…): the forms people type from the start
 * (0812…, 62812…, 812…) and the national number reversed, for a search by its ending.
 */
export function phoneSearchTerms(e164: string): string {
  if (!e164.startsWith('+62')) return '';
  const nsn = e164.slice(3);
  const national = `0${nsn}`;
  const reversed = [...national].reverse().join('');
  return `${national} 62${nsn} ${nsn} ${PHONE_SUFFIX_MARK}${reversed}`;
}
