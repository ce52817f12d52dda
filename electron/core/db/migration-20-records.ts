import type { Migration } from './migrations';

/**
 * Past visits and cases found again (records search, a case's whole record, closed follow-ups),
 * check-ins corrected or cancelled, and the audit trail read back by person, action and period.
 */
export const RECORDS_MIGRATION: Migration = {
  version: 20,
  name: 'records: cancelled check-ins, search of past visits and cases, the audit viewer',
  sql: `
    -- A check-in made by mistake is cancelled, never deleted: it stays in the guest book, marked,
    -- and every count leaves it out. Cancelling also closes it ('done'), so no queue sees it.
    ALTER TABLE visit ADD COLUMN cancelled_at TEXT;
    ALTER TABLE visit ADD COLUMN cancelled_by INTEGER REFERENCES staff (id);
    ALTER TABLE visit ADD COLUMN cancel_reason TEXT;

    -- An officer's own visits by day: the records search without a name, for an officer.
    CREATE INDEX visit_officer_day ON visit (officer_id, service_day);
    -- A case found by the helpdesk's ticket number the visitor was told.
    CREATE INDEX backend_link_remote ON backend_link (remote_id);
    -- Closed follow-ups ("Selesai"), newest first: all of them, and one officer's.
    CREATE INDEX problem_case_closed ON problem_case (finished_at) WHERE status = 'closed';
    CREATE INDEX problem_case_closed_officer ON problem_case (officer_id, finished_at)
      WHERE status = 'closed';

    -- The audit viewer pages newest first, by period, person or action: each an index range.
    CREATE INDEX audit_at ON audit (at);
    CREATE INDEX audit_actor_at ON audit (actor_id, at);
    CREATE INDEX audit_action_at ON audit (action, at);
    -- The actions that occur, for the viewer's filter, without reading the whole trail.
    CREATE TABLE audit_action (action TEXT PRIMARY KEY) STRICT, WITHOUT ROWID;
    INSERT INTO audit_action (action) SELECT DISTINCT action FROM audit;
    CREATE TRIGGER audit_action_seen AFTER INSERT ON audit BEGIN
      INSERT OR IGNORE INTO audit_action (action) VALUES (new.action);
    END;
  `,
};
