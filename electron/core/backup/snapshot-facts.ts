import type Database from 'better-sqlite3';
import { z } from 'zod';

export const snapshotCountsSchema = z.object({
  visitors: z.number().int().nonnegative(),
  visits: z.number().int().nonnegative(),
  cases: z.number().int().nonnegative(),
  documents: z.number().int().nonnegative(),
  surveyResponses: z.number().int().nonnegative(),
});
export type SnapshotCounts = z.infer<typeof snapshotCountsSchema>;

export const snapshotFactsSchema = z.object({
  /** `PRAGMA integrity_check` said "ok". */
  intact: z.boolean(),
  problems: z.array(z.string()),
  schemaVersion: z.number().int().nonnegative(),
  counts: snapshotCountsSchema,
  /** Every stored file the snapshot refers to, once per content. */
  files: z.array(z.object({ sha256: z.string(), size: z.number().int().nonnegative() })),
});
export type SnapshotFacts = z.infer<typeof snapshotFactsSchema>;

const TABLES = {
  visitors: 'visitor',
  visits: 'visit',
  cases: 'problem_case',
  documents: 'attachment',
  surveyResponses: 'survey_response',
} as const;

/** What a backup holds, read from its snapshot (any schema version: a missing table counts 0). */
export function readSnapshotFacts(db: Database.Database): SnapshotFacts {
  const rows = db.pragma('integrity_check') as { integrity_check: string }[];
  const problems = rows.map((r) => r.integrity_check).filter((r) => r !== 'ok');
  const intact = problems.length === 0 && rows.length > 0;
  const schemaVersion = db.pragma('user_version', { simple: true }) as number;
  const has = (table: string) =>
    db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(table) !==
    undefined;
  const count = (table: string) =>
    has(table) ? (db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n : 0;
  const counts = {
    visitors: count(TABLES.visitors),
    visits: count(TABLES.visits),
    cases: count(TABLES.cases),
    documents: count(TABLES.documents),
    surveyResponses: count(TABLES.surveyResponses),
  };
  const files = has('attachment')
    ? (db
        .prepare('SELECT sha256, max(size) AS size FROM attachment GROUP BY sha256 ORDER BY sha256')
        .all() as { sha256: string; size: number }[])
    : [];
  return { intact, problems: problems.slice(0, 10), schemaVersion, counts, files };
}
