import { searchWords } from '../../../shared/domain/search-text';
import type { Db } from '../db/open-database';
import { AppError } from '../errors';

/** Visitors holding a phone, from the search index's exact phone term (never a scan). */
export const VISITORS_BY_PHONE_SQL = `SELECT v.id, v.full_name, v.phone
  FROM visitor_search AS s
  JOIN visitor_recency AS r ON r.seq = s.rowid
  JOIN visitor AS v ON v.id = r.visitor_id
 WHERE visitor_search MATCH ? AND v.id <> ?
 LIMIT 100`;

const sameName = (a: string, b: string) => searchWords(a).join(' ') === searchWords(b).join(' ');

/**
 * One person, one visitor: details that would make a visitor the same name and phone as another
 * registered visitor are refused, pointing the receptionist at the registered one. A shared
 * phone alone is allowed (an office's landline serves many of its staff).
 */
export class DuplicateVisitorCheck {
  private readonly byPhone;

  constructor(db: Db) {
    this.byPhone = db.prepare<[string, number], { id: number; full_name: string; phone: string }>(
      VISITORS_BY_PHONE_SQL,
    );
  }

  assertUnique(fullName: string, phone: string, exceptVisitorId: number): void {
    if (!phone.startsWith('+62')) return;
    const term = `phone : "62${phone.slice(3)}"`;
    const taken = this.byPhone
      .all(term, exceptVisitorId)
      .some((v) => v.phone === phone && sameName(v.full_name, fullName));
    if (taken) {
      throw new AppError('VALIDATION', { fields: { phone: 'validation.duplicateVisitor' } });
    }
  }
}
