import {
  foldForSearch,
  nameSearchTerms,
  phoneSearchTerms,
} from '../../../shared/domain/search-text';

/**
 * The terms of a visitor row as the search index holds them, and the check of a query against
 * them that the search runs on candidates found by a shortened prefix (visitors.ts).
 */

const TOKEN_BREAK = /[^\p{L}\p{N}]+/u;

/** Words as the index's tokenizer splits them (unicode61, diacritics removed, lower case). */
export function tokens(text: string): string[] {
  return foldForSearch(text)
    .split(TOKEN_BREAK)
    .filter((w) => w.length > 0);
}

/** An e-mail's words, and its local part run together ("muhammad.rizki" adds "muhammadrizki"). */
export function emailSearchTerms(email: string): string {
  const local = email.split('@')[0] ?? '';
  const parts = tokens(local);
  return parts.length > 1 ? `${email} ${parts.join('')}` : email;
}

/** One word of a query: the row matches it when one of its terms starts with one of these. */
export type QueryWord = readonly string[];

export interface MatchSpec {
  /** Only the phone's terms count (the receptionist typed digits). */
  phoneOnly: boolean;
  /** Every word must match. */
  words: readonly QueryWord[];
}

export interface VisitorText {
  full_name: string;
  email: string | null;
  phone: string;
  institution: string | null;
}

export function rowTerms(row: VisitorText, phoneOnly: boolean): string[] {
  const phone = tokens(phoneSearchTerms(row.phone));
  if (phoneOnly) return phone;
  return [
    ...tokens(nameSearchTerms(row.full_name)),
    ...tokens(row.email === null ? '' : emailSearchTerms(row.email)),
    ...phone,
    ...tokens(row.institution ?? ''),
  ];
}

const TOKEN_BREAKS = /[^\p{L}\p{N}]+/gu;

/**
 * A cheap necessary condition for a match, read before the row's terms are built (most
 * candidates of a cut word or a pair fail it): every term of the row is a run of its folded
 * text with the breaks between words taken out, so each typed word must occur in that text.
 */
function mayMatch(spec: MatchSpec, row: VisitorText): boolean {
  const phone = phoneSearchTerms(row.phone);
  const text = (
    spec.phoneOnly
      ? phone
      : foldForSearch(`${row.full_name} ${row.email ?? ''} ${row.institution ?? ''} ${phone}`)
  ).replace(TOKEN_BREAKS, '');
  return spec.words.every((alternatives) => alternatives.some((w) => text.includes(w)));
}

export function matchesRow(spec: MatchSpec, row: VisitorText): boolean {
  if (!mayMatch(spec, row)) return false;
  const terms = rowTerms(row, spec.phoneOnly);
  return spec.words.every((alternatives) =>
    alternatives.some((prefix) => terms.some((term) => term.startsWith(prefix))),
  );
}

/** Whether every word of the query is a whole term of the row (an exact match ranks first). */
export function isExactRow(spec: MatchSpec, row: VisitorText): boolean {
  const terms = new Set(rowTerms(row, spec.phoneOnly));
  return spec.words.every((alternatives) => alternatives.some((w) => terms.has(w)));
}

/** Both checks above from one reading of the row's terms: how a row matches, if at all. */
export function matchKind(spec: MatchSpec, row: VisitorText): 'exact' | 'prefix' | null {
  if (!mayMatch(spec, row)) return null;
  const terms = rowTerms(row, spec.phoneOnly);
  const whole = new Set(terms);
  let exact = true;
  for (const alternatives of spec.words) {
    if (alternatives.some((w) => whole.has(w))) continue;
    exact = false;
    if (!alternatives.some((prefix) => terms.some((term) => term.startsWith(prefix)))) return null;
  }
  return exact ? 'exact' : 'prefix';
}
