import type { Migration } from './migrations';

/**
 * Survey answers that cannot be traced back to a visitor, and the table of work deferred until
 * after start-up. Nothing here reads a big table: a desk with half a million answers opens in
 * milliseconds, and the answers are moved to the new table afterwards (db/survey-move.ts).
 */
export const SURVEY_MIGRATION: Migration = {
  version: 21,
  name: 'survey answers that cannot be traced; comments by month; deferred index builds',
  sql: `
    -- An audit joined answers back to named visitors by day + officer + category. An answer
    -- now keeps only its month: the per-day and per-officer figures live in survey_tally
    -- alone, written in the answer's own transaction since migration 3, so nothing is lost.
    -- Copying every answer here took 1.5-7 s at 500,000 answers (bench/upgrade-20.ts), so the
    -- old table is only renamed; its rows are moved in short batches after start-up, and
    -- deleted as they move (secure_delete wipes their pages).
    ALTER TABLE survey_response RENAME TO survey_response_v20;
    CREATE TABLE survey_response (
      id INTEGER PRIMARY KEY,
      service_month TEXT NOT NULL
        CHECK (service_month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
      category TEXT,
      persyaratan INTEGER CHECK (persyaratan BETWEEN 1 AND 4),
      prosedur INTEGER CHECK (prosedur BETWEEN 1 AND 4),
      waktu INTEGER CHECK (waktu BETWEEN 1 AND 4),
      biaya INTEGER CHECK (biaya BETWEEN 1 AND 4),
      produk INTEGER CHECK (produk BETWEEN 1 AND 4),
      kompetensi INTEGER CHECK (kompetensi BETWEEN 1 AND 4),
      perilaku INTEGER CHECK (perilaku BETWEEN 1 AND 4),
      sarana INTEGER CHECK (sarana BETWEEN 1 AND 4),
      pengaduan INTEGER CHECK (pengaduan BETWEEN 1 AND 4),
      gender TEXT CHECK (gender IN ('L', 'P')),
      age_group TEXT,
      education TEXT,
      occupation TEXT,
      comment TEXT
    ) STRICT;
    CREATE INDEX survey_response_month ON survey_response (service_month);
    -- The report's comments: read from this index alone, never from the table, whose random
    -- ids scatter a month's answers over every page (70 ms a report at 1M answers).
    CREATE INDEX survey_response_comments ON survey_response (service_month, comment)
      WHERE comment IS NOT NULL;

    -- Work too big to do while a desk waits for Loket to open is done after start-up, in
    -- short batches (db/deferred-builds.ts); cursor is the builder's place, phase its step.
    CREATE TABLE deferred_build (
      name TEXT PRIMARY KEY,
      phase TEXT NOT NULL,
      cursor INTEGER NOT NULL,
      next_seq INTEGER NOT NULL,
      started_at TEXT NOT NULL,
      done_at TEXT
    ) STRICT;
    -- Migration 13 leaves the search index empty on an upgrade (and keeps the old one as
    -- visitor_search_v12 meanwhile): first-row probes, never a count of a million rows.
    INSERT INTO deferred_build (name, phase, cursor, next_seq, started_at)
      SELECT 'visitor_search', 'visits', coalesce((SELECT max(id) FROM visit), 0) + 1,
             coalesce((SELECT min(seq) FROM visitor_recency), 0) - 1,
             strftime('%Y-%m-%dT%H:%M:%fZ')
       WHERE EXISTS (SELECT 1 FROM sqlite_schema WHERE name = 'visitor_search_v12');
    INSERT INTO deferred_build (name, phase, cursor, next_seq, started_at)
      VALUES ('survey_response', 'moving', 0, 0, strftime('%Y-%m-%dT%H:%M:%fZ'));
  `,
};
