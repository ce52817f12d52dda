/**
 * Opening the 1,000,000-visitor database (realistic-db.ts), each against a floor in the same run:
 * opening it up to date. Target: under 300 ms in every run with a pending migration.
 *   - the upgrade desks make next: the file of the last release (RELEASED_SCHEMA) opened at the
 *     latest version (the target);
 *   - the long way, from schema 12: every migration since (the search index is built after
 *     start-up, but migrations 15–20 add columns and indexes to the visit table, each a pass
 *     over every row);
 *   - a new attribute the way migrations add one now (a side table) and, for comparison, as a
 *     column of the big STRICT table (SQLite then checks every row);
 *   - after the upgrade, the deferred build in the background: the longest a request waits
 *     behind it (a search every 10 ms) against the same requests with no background work, and
 *     the build's rate; then freeing the old index (of the size of the new one) in batches.
 *
 * Run: nice npx tsx bench/open-large.ts   (builds bench/.data/realistic-1000000*.sqlite once)
 */
import { closeSync, copyFileSync, fsyncSync, openSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { BUILD_BATCH_MS, SearchIndexBuilder } from '../electron/core/db/deferred-builds';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../electron/core/db/migrations';
import { openDatabase, type Db } from '../electron/core/db/open-database';
import { VisitorSearch } from '../electron/core/reception/visitors';
import { DATA_DIR, ensureRealisticDb, ensureRealisticV12 } from './realistic-db';

const VISITORS = Number(process.env.BENCH_VISITORS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const BACKGROUND_MS = Number(process.env.BENCH_BACKGROUND_MS ?? 10_000);
/**
 * The schema of the release desks run now (stop 22 shipped migrations up to 24): the upgrade
 * they make next is to the latest, with the migrations written since pending.
 */
const RELEASED_SCHEMA = 24;
const upToDate = ensureRealisticDb(VISITORS);
const released = ensureRealisticDb(VISITORS, RELEASED_SCHEMA);
const v12 = ensureRealisticV12(VISITORS);
const copy = join(DATA_DIR, 'open-large-copy.sqlite');
const remove = () => {
  for (const f of [copy, `${copy}-wal`, `${copy}-shm`]) rmSync(f, { force: true });
};
/**
 * A copy flushed to disk before it is timed: otherwise the first fsync of the opened copy also
 * writes out the 1.4 GB just copied (ext4 orders data before the metadata it commits).
 */
function copyOf(file: string): void {
  remove(); // a WAL left by an earlier, interrupted run belongs to another file
  copyFileSync(file, copy);
  const fd = openSync(copy, 'r+');
  fsyncSync(fd);
  closeSync(fd);
}

const next = LATEST_SCHEMA_VERSION + 1;
const sideTable = [
  ...MIGRATIONS,
  {
    version: next,
    name: 'bench: a new visitor attribute in a side table',
    sql: `CREATE TABLE visitor_note (
            visitor_id INTEGER PRIMARY KEY REFERENCES visitor (id),
            note TEXT NOT NULL
          ) STRICT;
          CREATE INDEX visitor_note_text ON visitor_note (note);`,
  },
];
const column = [
  ...MIGRATIONS,
  {
    version: next,
    name: 'bench: the same attribute as a column of visitor',
    sql: 'ALTER TABLE visitor ADD COLUMN note TEXT',
  },
];

function timed(fn: () => Db): { ms: number; db: Db } {
  const t0 = performance.now();
  const db = fn();
  return { ms: performance.now() - t0, db };
}

const fmt = (xs: number[]) => xs.map((x) => x.toFixed(1)).join(' / ');
const floor: number[] = [];
const upgrade: number[] = [];
const fromRelease: number[] = [];
const side: number[] = [];
const col: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const f = timed(() => openDatabase(upToDate));
  floor.push(f.ms);
  f.db.close();
  if (released !== upToDate) {
    copyOf(released);
    const r = timed(() => openDatabase(copy));
    fromRelease.push(r.ms);
    r.db.close();
    remove();
  }
  copyOf(v12);
  const u = timed(() => openDatabase(copy));
  upgrade.push(u.ms);
  u.db.close();
  remove();
  copyOf(upToDate);
  const s = timed(() => openDatabase(copy, sideTable));
  side.push(s.ms);
  s.db.close();
  remove();
  if (i === 0) {
    copyOf(upToDate);
    const c = timed(() => openDatabase(copy, column));
    col.push(c.ms);
    c.db.close();
    remove();
  }
}
console.log(
  `opening the ${VISITORS.toLocaleString('en')}-visitor database, ${RUNS} runs (load ${loadavg()[0]!.toFixed(1)}):`,
);
console.log(`  up to date (floor):                     ${fmt(floor)} ms`);
console.log(
  fromRelease.length > 0
    ? `  upgrade from the release (schema ${RELEASED_SCHEMA}, ${RELEASED_SCHEMA + 1}–${LATEST_SCHEMA_VERSION} pending): ${fmt(fromRelease)} ms  max ${Math.max(...fromRelease).toFixed(1)} (target < 300)`
    : `  upgrade from the release (schema ${RELEASED_SCHEMA}): nothing pending`,
);
console.log(
  `  upgrade from schema 12 (13–${LATEST_SCHEMA_VERSION} pending): ${fmt(upgrade)} ms  max ${Math.max(...upgrade).toFixed(1)}`,
);
console.log(`  a new attribute in a side table:        ${fmt(side)} ms`);
console.log(`  the same as ALTER TABLE ADD COLUMN:     ${fmt(col)} ms (every row checked)`);

/** Searches every 10 ms for `ms`: how long each waited past its time, and how long it took. */
async function requests(db: Db, ms: number): Promise<{ waits: number[]; n: number }> {
  const search = new VisitorSearch(db);
  const words = ['siti', 'muhammad rizki', 'dewi', 'pt abadi', 'agus'];
  const waits: number[] = [];
  const end = performance.now() + ms;
  let i = 0;
  while (performance.now() < end) {
    const due = performance.now() + 10;
    await new Promise((r) => setTimeout(r, 10));
    waits.push(performance.now() - due);
    search.find(words[i++ % words.length]!);
  }
  return { waits: waits.sort((a, b) => a - b), n: waits.length };
}

const p = (xs: number[], q: number) => xs[Math.min(xs.length - 1, Math.floor(xs.length * q))]!;

// The build after the upgrade, in the background, while requests come in.
copyOf(v12);
const db = openDatabase(copy, MIGRATIONS, { buildBudgetMs: 0 });
const quiet = await requests(db, 3_000);
const builder = new SearchIndexBuilder(db);
const built0 = db.prepare('SELECT count(*) AS n FROM visitor_recency').pluck();
const before = built0.get() as number;
const t0 = performance.now();
const building = builder.runInBackground();
const busy = await requests(db, BACKGROUND_MS);
await builder.stop();
await building;
const rate = ((built0.get() as number) - before) / ((performance.now() - t0) / 1000);
console.log(`the search index built after start-up (batches of ${BUILD_BATCH_MS} ms):`);
console.log(
  `  a request every 10 ms, wait past its time: quiet (floor) p50 ${p(quiet.waits, 0.5).toFixed(1)} / max ${quiet.waits.at(-1)!.toFixed(1)} ms; ` +
    `with the build p50 ${p(busy.waits, 0.5).toFixed(1)} / p99 ${p(busy.waits, 0.99).toFixed(1)} / max ${busy.waits.at(-1)!.toFixed(1)} ms (${busy.n} requests)`,
);
console.log(
  `  rate ${rate.toFixed(0)} visitors/s: about ${(VISITORS / rate / 60).toFixed(0)} min for ${VISITORS.toLocaleString('en')} with requests in between`,
);
db.close();
remove();

// Freeing an old index the size of the new one: the up-to-date file's index, renamed.
copyOf(upToDate);
const old = openDatabase(copy);
old.exec(`DROP TRIGGER visitor_search_insert; DROP TRIGGER visitor_search_update;
  DROP TRIGGER visitor_search_delete; DROP TRIGGER visit_recency;
  ALTER TABLE visitor_search RENAME TO visitor_search_v12;
  CREATE VIRTUAL TABLE visitor_search USING fts5 (name, email, phone, institution,
    content = '', contentless_delete = 1);
  INSERT INTO deferred_build (name, phase, cursor, next_seq, started_at)
    VALUES ('visitor_search', 'dropping', 0, 0, 'bench')
  ON CONFLICT (name) DO UPDATE SET phase = 'dropping', done_at = NULL`);
const freeing = new SearchIndexBuilder(old);
const steps: number[] = [];
const f0 = performance.now();
for (;;) {
  const s0 = performance.now();
  const done = freeing.step(BUILD_BATCH_MS);
  steps.push(performance.now() - s0);
  if (done) break;
}
steps.sort((a, b) => a - b);
console.log(
  `  freeing the old index in ${steps.length} batches, ${((performance.now() - f0) / 1000).toFixed(1)} s: batch p50 ${p(steps, 0.5).toFixed(1)} / max ${steps.at(-1)!.toFixed(1)} ms`,
);
old.close();
remove();
