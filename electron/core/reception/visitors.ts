import { maskEmail, maskPhone } from '../../../shared/domain/phone';
import type { VisitorSuggestion } from '../../../shared/domain/visit';
import type { VisitorType } from '../../../shared/domain/visitor-types';
import type { Db } from '../db/open-database';
import { SearchIndexBuilder } from '../db/deferred-builds';
import { pairQueryTerms } from './pair-terms';
import { buildVisitorSearchPlan, type SearchPlan } from './search-query';
import { matchKind } from './search-terms';

export interface VisitorRow {
  id: number;
  full_name: string;
  phone: string;
  email: string | null;
  institution: string | null;
  visitor_type: VisitorType | null;
  lpse: string | null;
}

type FoundRow = VisitorRow & { last_day: string };

const SUGGESTION_LIMIT = 8;
/**
 * How many candidates of a shortened prefix are checked before the full prefix is asked of the
 * index instead: fewer than 8 hits in 200 candidates means the full prefix is rare (under 4% of
 * the shortened one's rows), and then FTS5 merges its terms cheaply.
 */
const CANDIDATE_WINDOW = 200;

/**
 * The most visitors a query's word pairs may hold for the pair index to answer it (each is
 * read and checked): more, and the words are common together, which the word index answers
 * from its newest rows at once.
 */
const PAIR_WINDOW = 200;

const COLUMNS = `v.id, v.full_name, v.phone, v.email, v.institution, v.visitor_type, v.lpse,
       r.last_day`;

/**
 * Parameters: the FTS5 query, the limit. The index is keyed by visitor_recency.seq, bumped at
 * every visit: walking it backwards meets the most recent visitors first, with no sort.
 * Anonymised visitors are not in the index (migration 13), so no filter can eat into the limit.
 */
export const VISITOR_SEARCH_SQL = `SELECT ${COLUMNS}
  FROM visitor_search AS s
  JOIN visitor_recency AS r ON r.seq = s.rowid
  JOIN visitor AS v ON v.id = r.visitor_id
 WHERE visitor_search MATCH ?
 ORDER BY s.rowid DESC
 LIMIT ?`;

/** Parameters: the shortened FTS5 query, the window, the match spec (JSON), the limit. */
export const VISITOR_CANDIDATES_SQL = `SELECT ${COLUMNS}
  FROM (SELECT rowid AS seq FROM visitor_search WHERE visitor_search MATCH ?
         ORDER BY rowid DESC LIMIT ?) AS c
  JOIN visitor_recency AS r ON r.seq = c.seq
  JOIN visitor AS v ON v.id = r.visitor_id
 WHERE loket_search_match(?, v.full_name, v.email, v.phone, v.institution)
 ORDER BY c.seq DESC
 LIMIT ?`;

/**
 * Parameter: the visitor ids holding the query's pairs (a JSON array). The few candidates of
 * the pair index (migration 23), to be checked whole; then the recency of those that match.
 */
export const VISITOR_PAIR_CANDIDATES_SQL = `SELECT v.id, v.full_name, v.phone, v.email,
       v.institution, v.visitor_type, v.lpse
  FROM json_each(?) AS c
  JOIN visitor AS v ON v.id = c.value`;
export const VISITOR_PAIR_RECENCY_SQL = `SELECT r.visitor_id, r.seq, r.last_day
  FROM json_each(?) AS c
  JOIN visitor_recency AS r ON r.visitor_id = c.value`;

/**
 * While the index above is being built after an upgrade (db/deferred-builds.ts): the index
 * of schema 12, keyed by visitor id (newest first), kept up to date by its own triggers.
 * Parameters: the FTS5 query, the limit.
 */
export const VISITOR_SEARCH_V12_SQL = `SELECT v.id, v.full_name, v.phone, v.email, v.institution,
       v.visitor_type, v.lpse,
       coalesce((SELECT max(x.service_day) FROM visit x WHERE x.visitor_id = v.id),
                substr(v.created_at, 1, 10)) AS last_day
  FROM visitor_search_v12 AS s
  JOIN visitor AS v ON v.id = s.rowid
 WHERE visitor_search_v12 MATCH ? AND v.anonymised_at IS NULL
 ORDER BY s.rowid DESC
 LIMIT ?`;

/**
 * Returning-visitor look-up for the reception desk; contact details leave here masked.
 * Ranking: visitors whose words equal the typed words come first, then prefix matches; within
 * each, the most recent visit first. A query of several words that are common alone but rare
 * together ("siti muhammad") is answered from the pair index (migration 22, pair-terms.ts).
 */
export class VisitorSearch {
  private readonly search;
  private readonly candidates;
  private readonly windowSize;
  private readonly build: SearchIndexBuilder;
  private pairs: {
    ids: { all(query: string, limit: number): number[] };
    rows: { all(ids: string): VisitorRow[] };
    recency: { all(ids: string): { visitor_id: number; seq: number; last_day: string }[] };
  } | null = null;
  private old: { all(query: string, limit: number): FoundRow[] } | null = null;

  constructor(private readonly db: Db) {
    this.build = new SearchIndexBuilder(db);
    this.search = db.prepare<[string, number], FoundRow>(VISITOR_SEARCH_SQL);
    this.candidates = db.prepare<[string, number, string, number], FoundRow>(
      VISITOR_CANDIDATES_SQL,
    );
    this.windowSize = db.prepare<[string, number], { n: number }>(
      `SELECT count(*) AS n FROM (SELECT rowid FROM visitor_search WHERE visitor_search MATCH ?
         ORDER BY rowid DESC LIMIT ?)`,
    );
  }

  find(raw: string): VisitorSuggestion[] {
    const plan = buildVisitorSearchPlan(raw);
    if (plan === null) return [];
    const rows = this.build.pending() ? this.findInOldIndex(plan) : this.findRows(plan);
    return rows.map((r) => ({
      visitorId: r.id,
      fullName: r.full_name,
      institution: r.institution,
      visitorType: r.visitor_type,
      lpse: r.lpse,
      phoneMasked: maskPhone(r.phone),
      emailMasked: r.email === null ? null : maskEmail(r.email),
      lastVisitDay: r.last_day,
    }));
  }

  /** The old path: slower for long common prefixes, and without institutions, but complete. */
  private findInOldIndex(plan: SearchPlan): FoundRow[] {
    this.old ??= this.db.prepare<[string, number], FoundRow>(VISITOR_SEARCH_V12_SQL);
    const found = new Map<number, FoundRow>();
    for (const query of plan.exact === null ? [plan.prefix] : [plan.exact, plan.prefix])
      for (const r of this.old.all(query, SUGGESTION_LIMIT))
        if (found.size < SUGGESTION_LIMIT) found.set(r.id, r);
    return [...found.values()];
  }

  private findRows(plan: SearchPlan): FoundRow[] {
    const byPairs = this.findByPairs(plan);
    if (byPairs !== null) return byPairs;
    const found = new Map<number, FoundRow>();
    const add = (rows: FoundRow[]) => {
      for (const r of rows) if (found.size < SUGGESTION_LIMIT) found.set(r.id, r);
    };
    // Asking for as many more as already found, so that duplicates cannot leave the page short.
    const wanted = () => SUGGESTION_LIMIT + found.size;
    if (plan.exact !== null) add(this.search.all(plan.exact, SUGGESTION_LIMIT));
    if (found.size < SUGGESTION_LIMIT) {
      let rows: FoundRow[] | null = null;
      if (plan.shortened !== null) {
        rows = this.candidates.all(
          plan.shortened,
          CANDIDATE_WINDOW,
          JSON.stringify(plan.spec),
          wanted(),
        );
        // Short of the page with a full window: the window held too few, so the whole word is
        // rare among those sharing its first 6 letters, and FTS5 merges its few terms cheaply.
        // A window that is not full held every candidate there is: nothing more to find (as for
        // a rare combination of common words, "siti muhammad", where merging cost 85 ms).
        if (
          rows.length < wanted() &&
          this.windowSize.get(plan.shortened, CANDIDATE_WINDOW)!.n === CANDIDATE_WINDOW
        )
          rows = null;
      }
      add(rows ?? this.search.all(plan.prefix, wanted()));
    }
    return [...found.values()];
  }

  /**
   * Every visitor holding all of the query's word pairs, when they are few: then they are all
   * the candidates there are, ranked here as the word index ranks (exact words first, then the
   * most recent). Null when the pair index cannot answer (one usable word, not built yet, or
   * too many visitors hold the pairs).
   */
  private findByPairs(plan: SearchPlan): FoundRow[] | null {
    const terms = pairQueryTerms(plan.spec);
    if (terms === null) return null;
    if (this.pairs === null) {
      if (!this.build.pairsReady()) return null;
      this.pairs = {
        ids: this.db
          .prepare<[string, number], number>(
            'SELECT rowid FROM visitor_pair_search WHERE visitor_pair_search MATCH ? LIMIT ?',
          )
          .pluck(),
        rows: this.db.prepare<[string], VisitorRow>(VISITOR_PAIR_CANDIDATES_SQL),
        recency: this.db.prepare<[string], { visitor_id: number; seq: number; last_day: string }>(
          VISITOR_PAIR_RECENCY_SQL,
        ),
      };
    }
    const ids = this.pairs.ids.all(terms.map((t) => `"${t}"`).join(' '), PAIR_WINDOW + 1);
    if (ids.length > PAIR_WINDOW) return null;
    if (ids.length === 0) return [];
    const json = JSON.stringify(ids);
    const rows = new Map(this.pairs.rows.all(json).map((r) => [r.id, r]));
    // Checked most recent first, so that eight exact matches end it: none after them ranks
    // higher. Visitors without a recency row are anonymised: never suggested.
    const recent = this.pairs.recency.all(json).sort((a, b) => b.seq - a.seq);
    const exact: FoundRow[] = [];
    const prefix: FoundRow[] = [];
    for (const r of recent) {
      const row = rows.get(r.visitor_id);
      const kind = row && matchKind(plan.spec, row);
      if (kind === 'exact') exact.push({ ...row!, last_day: r.last_day });
      else if (kind === 'prefix' && prefix.length < SUGGESTION_LIMIT)
        prefix.push({ ...row!, last_day: r.last_day });
      if (exact.length === SUGGESTION_LIMIT) break;
    }
    return [...exact, ...prefix].slice(0, SUGGESTION_LIMIT);
  }
}
