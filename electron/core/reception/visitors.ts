import { maskEmail, maskPhone } from '../../../shared/domain/phone';
import type { VisitorSuggestion } from '../../../shared/domain/visit';
import type { VisitorType } from '../../../shared/domain/visitor-types';
import type { Db } from '../db/open-database';
import { buildVisitorSearchPlan, type SearchPlan } from './search-query';
import { isExactRow, matchesRow } from './search-terms';

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
 * How many of the newest candidates one FTS5 query reads. Fewer means the candidates are all
 * there are, ranked here; a full window means there are more, and the exact words are asked of
 * the index on their own.
 */
const CANDIDATE_WINDOW = 100;

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

/**
 * Returning-visitor look-up for the reception desk; contact details leave here masked.
 * Ranking: visitors whose words equal the typed words come first, then prefix matches; within
 * each, the most recent visit first.
 *
 * A word longer than the index's 6-letter prefixes is looked up by its first 6 letters and
 * checked whole on the candidates: FTS5 would otherwise merge every term it starts ("muhammad"
 * starts 7,680 of them, 125,830 rows at 1M visitors) before returning the first row.
 */
export class VisitorSearch {
  private readonly search;

  constructor(db: Db) {
    this.search = db.prepare<[string, number], FoundRow>(VISITOR_SEARCH_SQL);
  }

  find(raw: string): VisitorSuggestion[] {
    const plan = buildVisitorSearchPlan(raw);
    if (plan === null) return [];
    return this.rank(plan).map((r) => ({
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

  private rank(plan: SearchPlan): FoundRow[] {
    const window = this.search.all(plan.shortened ?? plan.prefix, CANDIDATE_WINDOW);
    const hits = plan.shortened === null ? window : window.filter((r) => matchesRow(plan.spec, r));
    if (window.length < CANDIDATE_WINDOW) {
      // Every candidate there is: rank them here, exact words first, then by recency.
      const exact = hits.filter((r) => isExactRow(plan.spec, r));
      return unique([...exact, ...hits]);
    }
    const exact = plan.exact === null ? [] : this.search.all(plan.exact, SUGGESTION_LIMIT);
    if (hits.length < SUGGESTION_LIMIT && plan.shortened !== null) {
      // Few of the candidates have the whole word: it is rare among those that share its first
      // 6 letters, and FTS5 merges its few terms cheaply.
      return unique([...exact, ...this.search.all(plan.prefix, 2 * SUGGESTION_LIMIT)]);
    }
    return unique([...exact, ...hits]);
  }
}

function unique(rows: FoundRow[]): FoundRow[] {
  const found = new Map<number, FoundRow>();
  for (const r of rows) if (found.size < SUGGESTION_LIMIT && !found.has(r.id)) found.set(r.id, r);
  return [...found.values()];
}
