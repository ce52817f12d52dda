import { nameSearchTerms, phoneSearchTerms } from '../../../shared/domain/search-text';
import { lpseKey, lpseWords } from '../../../shared/domain/lpse';
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
}
