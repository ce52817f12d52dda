import type { Db } from '../db/open-database';
import { setClause } from './personal-data';

/** The ids a statement works on, as one JSON parameter: `IN (SELECT value FROM json_each(?))`. */
const IDS = '(SELECT value FROM json_each(@ids))';

export interface Wiped {
  notesRedacted: number;
  confirmations: number;
  outboxWithdrawn: number;
}

/**
 * The statements that wipe the catalogue's fields (personal-data.ts) of given rows, shared by
 * retention and erasure. Call inside the caller's transaction; each takes a list of ids.
 */
export class PersonalDataWiper {
  private readonly q;

  constructor(db: Db) {
    this.q = {
      visitors: db.prepare(
        `UPDATE visitor SET ${setClause('visitor', 'guestBook')}, anonymised_at = @at,
           updated_at = @at WHERE id IN ${IDS}`,
      ),
      visitorAudit: db.prepare(
        `UPDATE audit SET detail = '{"redacted":true}'
          WHERE entity = 'visitor' AND entity_id IN (SELECT CAST(value AS TEXT) FROM json_each(@ids))
            AND detail IS NOT NULL AND detail <> '{"redacted":true}'`,
      ),
      visits: db.prepare(
        `UPDATE visit SET ${setClause('visit', 'guestBook')}, purged_at = coalesce(purged_at, @at)
          WHERE id IN ${IDS}`,
      ),
      visitsOfVisitors: db.prepare(
        `UPDATE visit SET ${setClause('visit', 'guestBook')}, purged_at = coalesce(purged_at, @at)
          WHERE visitor_id IN ${IDS}`,
      ),
      cases: db.prepare(
        `UPDATE problem_case SET ${setClause('problem_case', 'cases')},
           purged_at = coalesce(purged_at, @at) WHERE id IN ${IDS}`,
      ),
      redactionRecords: db.prepare(
        `INSERT INTO note_redaction (note_id, at, actor_id, reason)
           SELECT id, @at, @actor, @reason FROM case_note
            WHERE case_id IN ${IDS} AND text IS NOT @marker`,
      ),
      redactNotes: db.prepare(
        `UPDATE case_note SET text = @marker WHERE case_id IN ${IDS} AND text IS NOT @marker`,
      ),
      confirmations: db.prepare(
        `UPDATE confirmation SET ${setClause('confirmation', 'cases')}
          WHERE case_id IN ${IDS} AND note IS NOT NULL`,
      ),
      outbox: db.prepare(
        `UPDATE outbox SET ${setClause('outbox', 'cases')} WHERE case_id IN ${IDS}`,
      ),
      // What was not delivered yet is withdrawn: nothing more is sent for these cases.
      withdraw: db.prepare(`DELETE FROM outbox WHERE case_id IN ${IDS} AND state <> 'delivered'`),
      links: db.prepare(
        `UPDATE backend_link SET ${setClause('backend_link', 'cases')} WHERE case_id IN ${IDS}`,
      ),
      filesOf: db.prepare<[{ ids: string }], { sha256: string }>(
        `SELECT DISTINCT sha256 FROM attachment WHERE case_id IN ${IDS}`,
      ),
      attachments: db.prepare(`DELETE FROM attachment WHERE case_id IN ${IDS}`),
      documentsDone: db.prepare(
        `UPDATE problem_case SET documents_purged_at = coalesce(documents_purged_at, @at)
          WHERE id IN ${IDS}`,
      ),
    };
  }

  /** The visitor rows leave the guest book and the search index; their change history too. */
  visitors(ids: readonly number[], marker: string, at: string): void {
    if (ids.length === 0) return;
    this.q.visitors.run({ ids: JSON.stringify(ids), marker, at });
    this.q.visitorAudit.run({ ids: JSON.stringify(ids) });
  }

  visits(ids: readonly number[], marker: string, at: string): void {
    if (ids.length === 0) return;
    this.q.visits.run({ ids: JSON.stringify(ids), marker, at });
  }

  visitsOfVisitors(visitorIds: readonly number[], marker: string, at: string): void {
    if (visitorIds.length === 0) return;
    this.q.visitsOfVisitors.run({ ids: JSON.stringify(visitorIds), marker, at });
  }

  /** A case's personal fields, its notes (redacted, on record), confirmations and outbox. */
  cases(
    ids: readonly number[],
    marker: string,
    at: string,
    by: { actorId: number | null; reason: 'retention' | 'erasure' },
  ): Wiped {
    if (ids.length === 0) return { notesRedacted: 0, confirmations: 0, outboxWithdrawn: 0 };
    const p = { ids: JSON.stringify(ids) };
    this.q.cases.run({ ...p, marker, at });
    this.q.redactionRecords.run({ ...p, marker, at, actor: by.actorId, reason: by.reason });
    const notesRedacted = this.q.redactNotes.run({ ...p, marker }).changes;
    const confirmations = this.q.confirmations.run(p).changes;
    this.q.outbox.run(p);
    const outboxWithdrawn = this.q.withdraw.run(p).changes;
    this.q.links.run(p);
    return { notesRedacted, confirmations, outboxWithdrawn };
  }

  /** Deletes the cases' attachment rows; returns the files they named, to be removed from disk. */
  documents(caseIds: readonly number[], at: string): string[] {
    if (caseIds.length === 0) return [];
    const p = { ids: JSON.stringify(caseIds) };
    const files = this.q.filesOf.all(p).map((r) => r.sha256);
    this.q.attachments.run(p);
    this.q.documentsDone.run({ ...p, at });
    return files;
  }
}
