import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../electron/core/db/open-database';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { BUILT_HERE_UP_TO } from '../../electron/core/db/migration-23-pair-search';
import { SearchIndexBuilder } from '../../electron/core/db/deferred-builds';
import {
  VISITOR_PAIR_CANDIDATES_SQL,
  VISITOR_PAIR_RECENCY_SQL,
  VisitorSearch,
} from '../../electron/core/reception/visitors';
import { tempDir } from '../helpers/temp-core';

const FIRST = ['Siti', 'Muhammad', 'Nur', 'Ahmad', 'Sri', 'Dewi'];
const OTHER = ['Aminah', 'Rahmawati', 'Rizki', 'Ramadhan', 'Situmorang', 'Lestari', 'Wibowo'];
const INSTITUTIONS = ['PT Abadi Jaya', 'Dinas PUPR Kota Bogor', 'CV Berkah', null];

/** Visitor number k of a desk whose ids start at `first` (`deskAt21`). */
let first = 1;
const id = (k: number) => first - 1 + k;

/**
 * A desk at schema 21 with `n` visitors of few, shared words, one of them anonymised; ids from
 * `from` on (past BUILT_HERE_UP_TO, migration 23 leaves the pairs to the deferred build).
 */
function deskAt21(n: number, from: number): string {
  first = from;
  const file = join(tempDir(), 'm23.sqlite');
  const db = openDatabase(
    file,
    MIGRATIONS.filter((m) => m.version < 23),
  );
  const add = db.prepare<[string, string | null, string | null]>(
    `INSERT INTO visitor (id, full_name, phone, email, institution, created_at, updated_at)
     VALUES (coalesce((SELECT max(id) + 1 FROM visitor), ${from}), ?, '', ?, ?,
             '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z')`,
  );
  for (let i = 0; i < n; i++) {
    const words = [FIRST[i % FIRST.length]!, OTHER[(i * 5) % OTHER.length]!];
    if (i % 3 === 0) words.push(OTHER[(i * 3 + 1) % OTHER.length]!);
    const email = i % 4 === 0 ? `${words[1]!.toLowerCase()}.x@gmail.com` : null;
    add.run(words.join(' '), email, INSTITUTIONS[i % INSTITUTIONS.length]!);
  }
  // The one Siti who is also a Muhammad, through the e-mail she gave.
  add.run('Siti Wibowo', 'muhammad.ali@gmail.com', null);
  db.prepare(
    "UPDATE visitor SET full_name = '(dianonimkan)', email = NULL, anonymised_at = 'x' WHERE id = ?",
  ).run(id(2));
  db.close();
  return file;
}

const pairCount = (db: Db, term: string) =>
  db
    .prepare<[string], number>(
      'SELECT count(*) FROM visitor_pair_search WHERE visitor_pair_search MATCH ?',
    )
    .pluck()
    .get(`"${term}"`);
const pairState = (db: Db) =>
  db
    .prepare("SELECT cursor, done_at FROM deferred_build WHERE name = 'visitor_pair_search'")
    .get() as { cursor: number; done_at: string | null } | undefined;
const ids = (search: VisitorSearch, q: string) => search.find(q).map((s) => s.visitorId);

describe('migration 23: the pair index of the visitor search, built after start-up', () => {
  it('opens without filling it, searches without it meanwhile, and the same with it', () => {
    const db = openDatabase(deskAt21(60, BUILT_HERE_UP_TO + 1), MIGRATIONS, { buildBudgetMs: 0 });
    expect(pairState(db)).toEqual({ cursor: id(62), done_at: null });
    expect(pairCount(db, 'aminsiti')).toBe(0);
    const before = new VisitorSearch(db);
    const queries = ['siti muhammad', 'siti aminah', 'ahmad rizki ramadhan', 'dinas pupr kota'];
    const answers = queries.map((q) => ids(before, q));
    expect(answers[0]).toEqual([id(61)]);

    let clock = 0;
    const builder = new SearchIndexBuilder(db, () => (clock += 100));
    builder.step(1);
    builder.step(1);
    const partWay = pairState(db)!;
    expect(partWay.done_at).toBeNull();
    expect(partWay.cursor).toBeGreaterThan(id(40));
    // Changed meanwhile: one already indexed, one not yet; and a new visitor.
    db.prepare("UPDATE visitor SET full_name = 'Siti Aminah Muhammad' WHERE id = ?").run(id(61));
    db.prepare("UPDATE visitor SET full_name = 'Muhammad Siti Rahayu' WHERE id = ?").run(id(7));
    db.prepare(
      `INSERT INTO visitor (full_name, phone, created_at, updated_at)
       VALUES ('Siti Muhammadiyah', '', '2025-02-01T00:00:00Z', '2025-02-01T00:00:00Z')`,
    ).run();
    while (!builder.step(1));
    expect(pairState(db)!.done_at).not.toBeNull();

    // Each live visitor once; the anonymised one not at all; FTS5 finds its index sound.
    const live = db
      .prepare<[], number>(
        "SELECT count(*) FROM visitor WHERE anonymised_at IS NULL AND full_name LIKE 'Siti %' AND (full_name LIKE '%Aminah%' OR email LIKE 'aminah%')",
      )
      .pluck()
      .get();
    expect(pairCount(db, 'aminsiti')).toBe(live);
    expect(pairCount(db, 'muhasiti')).toBe(3); // 61, 7 and 62
    expect(() =>
      db.exec(
        "INSERT INTO visitor_pair_search (visitor_pair_search, rank) VALUES ('integrity-check', 0)",
      ),
    ).not.toThrow();

    const after = new VisitorSearch(db);
    // The exact words first, the most recently seen first (61 was written after 7, neither
    // came back); then the newer prefix match.
    expect(ids(after, 'siti muhammad')).toEqual([id(61), id(7), id(62)]);
    expect(ids(after, 'siti aminah').sort()).toEqual(ids(before, 'siti aminah').sort());
    for (const [i, q] of queries.entries())
      if (i > 1) expect(ids(after, q).sort(), q).toEqual([...answers[i]!].sort());

    // Anonymised: its pairs leave the index.
    db.prepare(
      "UPDATE visitor SET full_name = '(dianonimkan)', email = NULL, institution = NULL, anonymised_at = 'y' WHERE id = ?",
    ).run(id(61));
    expect(ids(after, 'siti muhammad')).toEqual([id(7), id(62)]);
    expect(pairCount(db, 'muhasiti')).toBe(2);
    db.close();
  });

  it('reads the candidates and their recency by key, never walking the visitors', () => {
    const db = openDatabase(join(tempDir(), 'plan.sqlite'));
    const planOf = (sql: string) =>
      db
        .prepare(`EXPLAIN QUERY PLAN ${sql}`)
        .all('[1,2]')
        .map((r) => (r as { detail: string }).detail)
        .join('\n');
    const candidates = planOf(VISITOR_PAIR_CANDIDATES_SQL);
    expect(candidates).toMatch(/SEARCH v USING INTEGER PRIMARY KEY/);
    expect(candidates).not.toMatch(/SCAN v\b/);
    const recency = planOf(VISITOR_PAIR_RECENCY_SQL);
    expect(recency).toMatch(/SEARCH r USING INTEGER PRIMARY KEY/);
    expect(recency).not.toMatch(/SCAN r\b/);
    db.close();
  });

  it("writes a small desk's pairs in the migration itself: nothing left to build", () => {
    const db = openDatabase(deskAt21(30, 1), MIGRATIONS, { buildBudgetMs: 0 });
    expect(pairState(db)).toBeUndefined();
    expect(pairCount(db, 'muhasiti')).toBe(1);
    expect(ids(new VisitorSearch(db), 'siti muhammad')).toEqual([id(31)]);
    db.close();
  });

  it('has nothing to build on a new database, and indexes visitors as they come', () => {
    const db = openDatabase(join(tempDir(), 'new.sqlite'));
    expect(pairState(db)).toBeUndefined();
    expect(new SearchIndexBuilder(db).done()).toBe(true);
    db.prepare(
      `INSERT INTO visitor (full_name, phone, email, created_at, updated_at)
       VALUES ('Siti Aminah', '', 'muhammad@x.id', 'now', 'now')`,
    ).run();
    expect(pairCount(db, 'muhasiti')).toBe(1);
    db.prepare('DELETE FROM visitor').run();
    expect(pairCount(db, 'muhasiti')).toBe(0);
    db.close();
  });
});
