import { rowTerms, type MatchSpec, type VisitorText } from './search-terms';

/**
 * The pair index (migration 23): for each visitor, every two of its words, each cut to its
 * first 4 letters, run together in alphabetical order ("Siti Aminah" holds "aminsiti"). A query
 * of two or more words is then one small doclist per pair of its words, however common each
 * word alone is: "siti muhammad" walked two doclists of 100,000 rows each to find nobody
 * (bench/README.md); "muhasiti" holds only the visitors with both.
 *
 * Four letters, not three: "sit" would also pair "Muhammad Situmorang" with every Siti, and
 * each false candidate costs a row read. A word of 3 letters ("nur", "sri") is then no pair
 * word; it is still checked on the candidates of the others.
 *
 * The cut words are a superset filter: candidates are checked whole (loket_search_match).
 */
export const PAIR_CUT = 4;
/** Pair terms hold plain letters and digits only, so FTS5's tokenizer keeps each one whole. */
const PLAIN = /^[a-z0-9]+$/;
/** A query word that could be the start of a phone term (digits, or the ending mark "x"). */
const PHONE_START = /^x?\d*$/;

function cut(word: string): string | null {
  const c = [...word].slice(0, PAIR_CUT).join('');
  return c.length === PAIR_CUT && PLAIN.test(c) ? c : null;
}

function pair(a: string, b: string): string {
  return a < b ? `${a}${b}` : `${b}${a}`;
}

/** The pair terms of a visitor: its name, e-mail and institution words (not its phone). */
export function pairSearchTerms(row: Omit<VisitorText, 'phone'>): string {
  const cuts = new Set<string>();
  for (const term of rowTerms({ ...row, phone: '' }, false)) {
    const c = cut(term);
    if (c !== null) cuts.add(c);
  }
  const list = [...cuts];
  const terms: string[] = [];
  for (let i = 0; i < list.length; i++)
    for (let j = i + 1; j < list.length; j++) terms.push(pair(list[i]!, list[j]!));
  return terms.join(' ');
}

/**
 * Pair terms a query's candidates must all hold, or null when the pair index cannot answer it:
 * fewer than two words of 4+ plain letters with different cuts (a word that could start a
 * phone term counts as none). Every row matching the query holds these terms: each such word
 * starts a word of the row, so the row holds the pair of their cuts. A chain of neighbouring
 * cuts, not every pair: as selective in practice, and fewer doclists to walk together
 * ("dinas pupr kota bogor": 3 of 6).
 */
export function pairQueryTerms(spec: MatchSpec): string[] | null {
  if (spec.phoneOnly) return null;
  const cuts = new Set<string>();
  for (const alternatives of spec.words) {
    if (alternatives.length !== 1) continue;
    const word = alternatives[0]!;
    if (PHONE_START.test(word)) continue;
    const c = cut(word);
    if (c !== null) cuts.add(c);
  }
  const list = [...cuts].sort();
  if (list.length < 2) return null;
  const terms: string[] = [];
  for (let i = 0; i + 1 < list.length; i++) terms.push(pair(list[i]!, list[i + 1]!));
  return terms;
}
