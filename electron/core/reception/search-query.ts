import { PHONE_SUFFIX_MARK, searchWords } from '../../../shared/domain/search-text';

/**
 * Turns what the receptionist types into an FTS5 query: every word must match as a prefix.
 * Words are folded the way the index folds names (shared/domain/search-text.ts). Input that looks
 * like a phone number is collapsed to its digits so "+62 812-34" finds "+6281234…" the way
 * "0812 34" does; from 4 digits on it also matches the ending of a number ("…7890").
 */
const PHONE_LIKE = /^[+\d\s\-().]+$/;
const MIN_LENGTH = 2;
const MIN_PHONE_ENDING = 4;

export function buildVisitorSearchQuery(raw: string): string | null {
  const text = raw.trim().toLowerCase();
  if (text.length < MIN_LENGTH) return null;
  if (PHONE_LIKE.test(text)) {
    const digits = text.replace(/\D/g, '');
    if (digits.length < MIN_LENGTH) return null;
    if (digits.length < MIN_PHONE_ENDING) return `phone : "${digits}"*`;
    const ending = [...digits].reverse().join('');
    return `phone : ("${digits}"* OR "${PHONE_SUFFIX_MARK}${ending}"*)`;
  }
  const usable = searchWords(text).filter((w) => w.length >= MIN_LENGTH);
  if (usable.length === 0) return null;
  // Quoted, so that FTS5 operators typed by a person (AND, NEAR, *, ") are just text.
  return usable.map((w) => `"${w.replaceAll('"', '""')}"*`).join(' ');
}
