import type { Migration } from './migrations';

/** A WIB or UTC ISO instant as whole Unix milliseconds, exactly what Date.parse gives. */
const ms = (at: string) => `CAST(round(unixepoch(${at}, 'subsec') * 1000) AS INTEGER)`;

/**
 * The key of a visit's fact row: (service_day, queue_no) is the visit's own unique key, so a
 * trigger finds the row with two seeks on visit's primary key and the row's order is the order
 * the service report has always listed visits in.
 */
const factOf = (
  visitId: string,
) => `service_day = (SELECT service_day FROM visit WHERE id = ${visitId})
      AND queue_no = (SELECT queue_no FROM visit WHERE id = ${visitId})`;

/** The first case written for a visit, as the service report counts it. */
const firstCaseOf = (
  visitId: string,
) => `UPDATE visit_fact SET (case_status, escalated, category, application) =
      (SELECT c.status, c.escalated_at IS NOT NULL, c.category, c.application
         FROM problem_case c WHERE c.visit_id = ${visitId} ORDER BY c.id LIMIT 1)
     WHERE ${factOf(visitId)};`;

/** One visit's facts as they are now, for visits written before this migration. */
export const FILL_VISIT_FACT_SQL = `
  INSERT OR IGNORE INTO visit_fact (service_day, queue_no, visit_id, status, officer_id,
      visitor_type, checked_in_ms, called_ms, started_ms, ended_ms)
    SELECT v.service_day, v.queue_no, v.id, v.status, v.officer_id, v.visitor_type,
           ${ms('v.checked_in_at')},
           (SELECT ${ms('min(e.at)')} FROM visit_event e WHERE e.visit_id = v.id AND e.kind = 'called'),
           (SELECT ${ms('min(e.at)')} FROM visit_event e WHERE e.visit_id = v.id AND e.kind = 'started'),
           (SELECT ${ms('max(e.at)')} FROM visit_event e WHERE e.visit_id = v.id AND e.kind = 'ended')
      FROM visit v WHERE v.id = @visitId`;
export const FILL_FIRST_CASE_SQL = firstCaseOf('@visitId').replace(/;\s*$/, '');

/**
 * The service report over five years of a busy desk (issue 16): reading every visit row with
 * three event seeks and a case seek each took 2–5 s. `visit_fact` holds, per visit, only what the
 * report counts (numbers and fixed-list codes, no personal data), in service-day order, kept by
 * triggers, so the report is one range scan aggregated inside SQLite (bench/README.md).
 * A later migration that rebuilds visit, visit_event or problem_case must recreate the triggers.
 */
export const VISIT_FACTS_MIGRATION: Migration = {
  version: 22,
  name: 'reports: per-visit facts of the service report, kept by triggers',
  sql: `
    CREATE TABLE visit_fact (
      service_day TEXT NOT NULL,
      queue_no INTEGER NOT NULL,
      visit_id INTEGER NOT NULL UNIQUE REFERENCES visit (id),
      status TEXT NOT NULL,
      officer_id INTEGER,
      visitor_type TEXT,
      -- NULL when checked_in_at is not an instant SQLite reads (never written by the desk).
      checked_in_ms INTEGER,
      -- First call, first start, last end, from the event log (as min/max of visit_event.at).
      called_ms INTEGER,
      started_ms INTEGER,
      ended_ms INTEGER,
      -- The visit's first case: its status, whether it was escalated, category and application.
      case_status TEXT,
      escalated INTEGER,
      category TEXT,
      application TEXT,
      PRIMARY KEY (service_day, queue_no)
    ) STRICT, WITHOUT ROWID;

    -- The existing visits' facts are filled after start-up, newest first, in short batches
    -- (reports/visit-fact-fill.ts): inline, a million visits held opening for many seconds.
    -- Visits from now on get theirs from the triggers below.
    INSERT INTO deferred_build (name, phase, cursor, next_seq, started_at)
      SELECT 'visit_fact', 'filling', max(id) + 1, 0, strftime('%Y-%m-%dT%H:%M:%fZ')
        FROM visit HAVING count(*) > 0;

    CREATE TRIGGER visit_fact_checked_in AFTER INSERT ON visit BEGIN
      INSERT INTO visit_fact (service_day, queue_no, visit_id, status, officer_id, visitor_type,
          checked_in_ms)
        VALUES (new.service_day, new.queue_no, new.id, new.status, new.officer_id,
          new.visitor_type, ${ms('new.checked_in_at')});
    END;
    CREATE TRIGGER visit_fact_visit_changed
      AFTER UPDATE OF service_day, queue_no, status, officer_id, visitor_type, checked_in_at ON visit
    BEGIN
      UPDATE visit_fact SET service_day = new.service_day, queue_no = new.queue_no,
          status = new.status, officer_id = new.officer_id, visitor_type = new.visitor_type,
          checked_in_ms = ${ms('new.checked_in_at')}
       WHERE service_day = old.service_day AND queue_no = old.queue_no;
    END;
    CREATE TRIGGER visit_fact_called AFTER INSERT ON visit_event WHEN new.kind = 'called' BEGIN
      UPDATE visit_fact SET called_ms = min(coalesce(called_ms, ${ms('new.at')}), ${ms('new.at')})
       WHERE ${factOf('new.visit_id')};
    END;
    CREATE TRIGGER visit_fact_started AFTER INSERT ON visit_event WHEN new.kind = 'started' BEGIN
      UPDATE visit_fact SET started_ms = min(coalesce(started_ms, ${ms('new.at')}), ${ms('new.at')})
       WHERE ${factOf('new.visit_id')};
    END;
    CREATE TRIGGER visit_fact_ended AFTER INSERT ON visit_event WHEN new.kind = 'ended' BEGIN
      UPDATE visit_fact SET ended_ms = max(coalesce(ended_ms, ${ms('new.at')}), ${ms('new.at')})
       WHERE ${factOf('new.visit_id')};
    END;
    CREATE TRIGGER visit_fact_case_written AFTER INSERT ON problem_case
      WHEN new.visit_id IS NOT NULL
    BEGIN
      ${firstCaseOf('new.visit_id')}
    END;
    CREATE TRIGGER visit_fact_case_changed
      AFTER UPDATE OF visit_id, status, escalated_at, category, application ON problem_case
    BEGIN
      ${firstCaseOf('new.visit_id')}
      ${firstCaseOf('old.visit_id')}
    END;
  `,
};
