import type { Migration } from './migrations';

/** Up to this many visitor ids the pairs are written by the migration itself (tens of ms). */
export const BUILT_HERE_UP_TO = 2_000;

/** Whether a visitor's pairs are in the index: above the deferred build's place, or all built. */
const INDEXED = (row: 'old' | 'new') =>
  `${row}.id >= coalesce((SELECT cursor FROM deferred_build
                           WHERE name = 'visitor_pair_search' AND done_at IS NULL), 0)`;

/**
 * The pair index of the returning-visitor search (reception/pair-terms.ts): a query of several
 * common words ("siti muhammad") is answered from the few visitors holding each pair of its
 * words, instead of a walk of each word's long doclist.
 *
 * Keyed by visitor id, not by the recency number: a visit does not rewrite it, and it is read
 * only when a pair holds few visitors, which are then ranked by recency. Filled after start-up
 * (db/pair-index-build.ts) from the highest visitor id down; until then the search does without.
 */
export const PAIR_SEARCH_MIGRATION: Migration = {
  version: 23,
  name: 'visitor search: the index of word pairs, built after start-up',
  sql: `
    -- detail = none: only which visitors hold a pair, no positions; columnsize = 0: no table
    -- of token counts (nothing ranks by them).
    -- Contentless, with every removal naming its terms and secure-delete, as migration 15's
    -- index: an anonymised visitor's pairs leave the file.
    CREATE VIRTUAL TABLE visitor_pair_search USING fts5 (
      pairs,
      content = '', detail = none, columnsize = 0,
      tokenize = 'unicode61 remove_diacritics 2'
    );
    INSERT INTO visitor_pair_search (visitor_pair_search, rank) VALUES ('secure-delete', 1);

    CREATE TRIGGER visitor_pair_search_insert AFTER INSERT ON visitor
      WHEN new.anonymised_at IS NULL AND ${INDEXED('new')} BEGIN
      INSERT INTO visitor_pair_search (rowid, pairs)
        VALUES (new.id, loket_pair_terms(new.full_name, new.email, new.institution));
    END;
    CREATE TRIGGER visitor_pair_search_update
      AFTER UPDATE OF full_name, email, institution, anonymised_at ON visitor
      WHEN ${INDEXED('old')} BEGIN
      INSERT INTO visitor_pair_search (visitor_pair_search, rowid, pairs)
        SELECT 'delete', old.id, loket_pair_terms(old.full_name, old.email, old.institution)
         WHERE old.anonymised_at IS NULL;
      INSERT INTO visitor_pair_search (rowid, pairs)
        SELECT new.id, loket_pair_terms(new.full_name, new.email, new.institution)
         WHERE new.anonymised_at IS NULL;
    END;
    CREATE TRIGGER visitor_pair_search_delete BEFORE DELETE ON visitor
      WHEN old.anonymised_at IS NULL AND ${INDEXED('old')} BEGIN
      INSERT INTO visitor_pair_search (visitor_pair_search, rowid, pairs)
        VALUES ('delete', old.id, loket_pair_terms(old.full_name, old.email, old.institution));
    END;

    -- A million visitors' pairs take minutes: built after start-up, highest id first; a
    -- visitor written meanwhile is above the cursor and indexed by the triggers. A small desk's
    -- are written here (max(id) is one look at the key, never a count of the visitors).
    INSERT INTO visitor_pair_search (rowid, pairs)
      SELECT id, loket_pair_terms(full_name, email, institution) FROM visitor
       WHERE anonymised_at IS NULL AND (SELECT max(id) FROM visitor) <= ${BUILT_HERE_UP_TO};
    INSERT INTO deferred_build (name, phase, cursor, next_seq, started_at)
      SELECT 'visitor_pair_search', 'visitors', m.id + 1, 0, strftime('%Y-%m-%dT%H:%M:%fZ')
        FROM (SELECT max(id) AS id FROM visitor) AS m
       WHERE m.id > ${BUILT_HERE_UP_TO};
  `,
};
