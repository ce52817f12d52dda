import { PHONE_SUFFIX_MARK, searchWords } from '../../../shared/domain/search-text';
import type { MatchSpec } from './search-terms';

/**
 * Turns what the receptionist types into FTS5 queries: every word must match as a prefix.
 * Words are folded the way the index folds names (shared/domain/search-text.ts). Input that looks
 * like a phone number is collapsed to its digits so "+62 812-34" finds "+6281234…" the way
 * "0812 34" does; from 4 digits on it also matches the ending of a number ("…7890").
 */
const PHONE_LIKE = /^[+\d\s\-().]+$/;
const MIN_LENGTH = 2;
const MIN_PHONE_ENDING = 4;
/** The longest prefix the index keeps (migration 13's `prefix = '2 3 4 5 6'`). */
export const INDEXED_PREFIX = 6;

export interface SearchPlan {
  /** Every word as a whole term: the exact matches, ranked first. Null for phone numbers. */
  exact: string | null;
  /** Every word as a prefix, with FTS5's own semantics. */
  prefix: string;
  /**
   * The same with each word cut to the indexed prefix, when a word is longer: a cheap walk of
   * candidates that `spec` then checks. Null when no word is longer.
   */
  shortened: string | null;
  spec: MatchSpec;
}

export function buildVisitorSearchPlan(raw: string): SearchPlan | null {
  const text = raw.trim().toLowerCase();
  if (text.length < MIN_LENGTH) return null;
  if (PHONE_LIKE.test(text)) {
    const digits = text.replace(/\D/g, '');
    if (digits.length < MIN_LENGTH) return null;
    const alternatives =
      digits.length < MIN_PHONE_ENDING
        ? [digits]
        : [digits, `${PHONE_SUFFIX_MARK}${[...digits].reverse().join('')}`];
    return plan([alternatives], true);
  }
  const usable = searchWords(text).filter((w) => w.length >= MIN_LENGTH);
  if (usable.length === 0) return null;
  return plan(
    usable.map((w) => [w]),
    false,
  );
}

/** The prefix query alone (kept for the index tests). */
export function buildVisitorSearchQuery(raw: string): string | null {
  return buildVisitorSearchPlan(raw)?.prefix ?? null;
}

function plan(words: string[][], phoneOnly: boolean): SearchPlan {
  const cut = (w: string) => [...w].slice(0, INDEXED_PREFIX).join('');
  const longer = words.some((alts) => alts.some((w) => [...w].length > INDEXED_PREFIX));
  return {
    exact: phoneOnly ? null : words.map((alts) => alts.map((w) => quote(w)).join(' OR ')).join(' '),
    prefix: query(words, phoneOnly, (w) => w),
    shortened: longer ? query(words, phoneOnly, cut) : null,
    spec: { phoneOnly, words },
  };
}

function query(words: string[][], phoneOnly: boolean, form: (w: string) => string): string {
  const terms = words.map((alts) => {
    const each = [...new Set(alts.map(form))].map((w) => `${quote(w)}*`);
    return each.length === 1 ? each[0]! : `(${each.join(' OR ')})`;
  });
  const body = terms.join(' ');
  return phoneOnly ? `phone : ${body}` : body;
}

/** Quoted, so that FTS5 operators typed by a person (AND, NEAR, *, ") are just text. */
function quote(w: string): string {
  return `"${w.replaceAll('"', '""')}"`;
}
