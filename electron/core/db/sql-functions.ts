import { nameSearchTerms, phoneSearchTerms } from '../../../shared/domain/search-text';
import { lpseKey, lpseWords } from '../../../shared/domain/lpse';
import { emailSearchTerms, matchesRow, type MatchSpec } from '../reception/search-terms';
import { pairSearchTerms } from '../reception/pair-terms';
import type { Db } from './open-database';

/**
 * SQL functions the schema's triggers call, registered on every connection before migrations
 * run: the visitor search index needs Unicode folding that SQLite's own functions lack.
 */
export function registerSqlFunctions(db: Db): void {
  db.function('loket_name_terms', { deterministic: true }, (name: unknown) =>
    typeof name === 'string' ? nameSearchTerms(name) : '',
  );
  db.function('loket_phone_terms', { deterministic: true }, (phone: unknown) =>
    typeof phone === 'string' ? phoneSearchTerms(phone) : '',
  );
  // The LPSE directory matches names the way people write them ("kab bogor" = "LPSE Kab. Bogor").
  db.function('loket_lpse_key', { deterministic: true }, (name: unknown) =>
    typeof name === 'string' ? lpseKey(name) : '',
  );
  db.function('loket_lpse_words', { deterministic: true }, (text: unknown) =>
    JSON.stringify(typeof text === 'string' ? [...new Set(lpseWords(text))] : []),
  );
  db.function('loket_email_terms', { deterministic: true }, (email: unknown) =>
    typeof email === 'string' ? emailSearchTerms(email) : '',
  );
  db.function('loket_words', { deterministic: true }, (text: unknown) =>
    typeof text === 'string' ? text : '',
  );
  // The pair index (migration 23): every two words of a visitor, cut to 4 letters.
  db.function(
    'loket_pair_terms',
    { deterministic: true },
    (fullName: unknown, email: unknown, institution: unknown) =>
      pairSearchTerms({
        full_name: typeof fullName === 'string' ? fullName : '',
        email: typeof email === 'string' ? email : null,
        institution: typeof institution === 'string' ? institution : null,
      }),
  );
  // The spec is parsed once per query, not once per candidate row.
  let lastSpec = '';
  let parsed: MatchSpec = { phoneOnly: false, words: [] };
  db.function(
    'loket_search_match',
    { deterministic: true },
    (spec: unknown, fullName: unknown, email: unknown, phone: unknown, institution: unknown) => {
      if (typeof spec !== 'string') return 0;
      if (spec !== lastSpec) {
        parsed = JSON.parse(spec) as MatchSpec;
        lastSpec = spec;
      }
      const row = {
        full_name: typeof fullName === 'string' ? fullName : '',
        email: typeof email === 'string' ? email : null,
        phone: typeof phone === 'string' ? phone : '',
        institution: typeof institution === 'string' ? institution : null,
      };
      return matchesRow(parsed, row) ? 1 : 0;
    },
  );
}
