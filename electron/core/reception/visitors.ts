import { maskEmail, maskPhone } from '../../../shared/domain/phone';
import type { VisitorSuggestion } from '../../../shared/domain/visit';
import type { VisitorType } from '../../../shared/domain/visitor-types';
import type { Db } from '../db/open-database';
import { buildVisitorSearchQuery } from './search-query';

export interface VisitorRow {
  id: number;
  full_name: string;
  phone: string;
  email: string | null;
  institution: string | null;
  visitor_type: VisitorType | null;
  lpse: string | null;
}

const SUGGESTION_LIMIT = 8;

/** Parameters: the FTS5 query, the limit. */
export const VISITOR_SEARCH_SQL = `SELECT v.id, v.full_name, v.phone, v.email, v.institution,
       v.visitor_type, v.lpse,
       (SELECT max(service_day) FROM visit WHERE visitor_id = v.id) AS last_day
  FROM visitor_search AS s
  JOIN visitor AS v ON v.id = s.rowid
 WHERE visitor_search MATCH ? AND v.anonymised_at IS NULL
 ORDER BY s.rowid DESC
 LIMIT ?`;

/** Returning-visitor look-up for the reception desk; contact details leave here masked. */
export class VisitorSearch {
  private readonly search;

  constructor(db: Db) {
    // Newest visitors first: rowid order is the order FTS5 can walk without sorting. Anonymised
    // visitors are not in the index; the filter still comes before the limit, so that a page of
    // rows dropped by it can never hide a live visitor.
    this.search = db.prepare<[string, number], VisitorRow & { last_day: string | null }>(
      VISITOR_SEARCH_SQL,
    );
  }

  find(raw: string): VisitorSuggestion[] {
    const query = buildVisitorSearchQuery(raw);
    if (query === null) return [];
    return this.search.all(query, SUGGESTION_LIMIT).map((r) => ({
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
}
