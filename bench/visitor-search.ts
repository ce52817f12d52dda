/**
 * Returning-visitor search on 1,000,000 synthetic visitors: p50/p95/p99 per query for prefixes
 * of a name, a phone (as people type it) and an email. Target: p95 under 10 ms.
 * Also: opening that database and running a pending migration (target under 300 ms).
 *
 * Run: npx tsx bench/visitor-search.ts   (builds bench/.data/visitors-1m.sqlite once, ~1 min)
 */
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../electron/core/db/open-database';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../electron/core/db/migrations';
import { VisitorSearch } from '../electron/core/reception/visitors';
import { percentile, SyntheticPeople } from './synthetic-people';

const VISITORS = 1_000_000;
const dir = join(import.meta.dirname, '.data');
const file = join(dir, 'visitors-1m.sqlite');

function build(): void {
  mkdirSync(dir, { recursive: true });
  rmSync(file, { force: true });
  const db = openDatabase(file);
  db.pragma('synchronous = OFF'); // bulk load only
  const insert = db.prepare(
    `INSERT INTO visitor (full_name, phone, email, institution, visitor_type, created_at, updated_at)
     VALUES (?, ?, ?, ?, 'penyedia', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`,
  );
  const people = new SyntheticPeople(7);
  const load = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const p = people.person(i);
      insert.run(p.fullName, p.phone, p.email, p.institution);
    }
  });
  for (let i = 0; i < VISITORS; i += 50_000) load(i, Math.min(i + 50_000, VISITORS));
  // What a real installation's FTS index looks like after months of small writes: merged.
  db.exec("INSERT INTO visitor_search (visitor_search) VALUES ('optimize')");
  db.close();
}

if (!existsSync(file)) {
  const t0 = performance.now();
  build();
  console.log(
    `built ${VISITORS.toLocaleString('en')} visitors in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
}

const db = openDatabase(file);
const search = new VisitorSearch(db);
const kinds: Record<string, string[]> = {
  'name, 2 chars': ['bu', 'si', 'ag', 'de', 'ri', 'wa', 'ma', 'yo'],
  'name, 3 chars': ['bud', 'sit', 'agu', 'dew', 'hen', 'ket', 'int', 'yus'],
  'name, 5 chars': ['santo', 'rahay', 'wijay', 'siman', 'nasut', 'setia', 'kurni', 'gunaw'],
  'two words': ['budi sa', 'siti ra', 'agus wi', 'dewi le', 'made pu', 'andi ha'],
  phone: ['0812', '0812-34', '+62 813', '62857', '0852 000', '08770001'],
  email: ['budi.s', 'budi.santoso1', 'siti.rahayu@con', 'agus.w'],
};
for (const queries of Object.values(kinds)) for (const q of queries) search.find(q); // warm the cache
console.log(
  `returning-visitor search over ${VISITORS.toLocaleString('en')} visitors (target p95 < 10 ms):`,
);
for (const [kind, queries] of Object.entries(kinds)) {
  const times: number[] = [];
  for (let round = 0; round < 25; round++) {
    for (const q of queries) {
      const t0 = performance.now();
      search.find(q);
      times.push(performance.now() - t0);
    }
  }
  times.sort((a, b) => a - b);
  console.log(
    `  ${kind.padEnd(14)} p50 ${percentile(times, 50).toFixed(2)} ms  p95 ${percentile(times, 95).toFixed(2)} ms  p99 ${percentile(times, 99).toFixed(2)} ms`,
  );
}
db.close();

// Opening the 1M database with a pending migration (a realistic one: a column and an index).
const pending = [
  ...MIGRATIONS,
  {
    version: LATEST_SCHEMA_VERSION + 1,
    name: 'bench: a column and an index',
    sql: 'ALTER TABLE visitor ADD COLUMN note TEXT; CREATE INDEX visit_officer_day ON visit (officer_id, service_day);',
  },
];
const opens: number[] = [];
const migrations: number[] = [];
for (let i = 0; i < 5; i++) {
  let t0 = performance.now();
  openDatabase(file).close();
  opens.push(performance.now() - t0);
  const copy = join(dir, 'visitors-1m-copy.sqlite');
  copyFileSync(file, copy);
  t0 = performance.now();
  openDatabase(copy, pending).close();
  migrations.push(performance.now() - t0);
  rmSync(copy, { force: true });
  rmSync(`${copy}-wal`, { force: true });
  rmSync(`${copy}-shm`, { force: true });
}
opens.sort((a, b) => a - b);
migrations.sort((a, b) => a - b);
console.log(`opening the ${VISITORS.toLocaleString('en')}-visitor database (target < 300 ms):`);
console.log(`  up to date:                 median ${percentile(opens, 50).toFixed(1)} ms`);
console.log(`  with a pending migration:   median ${percentile(migrations, 50).toFixed(1)} ms`);
if (process.argv.includes('--clean')) rmSync(dir, { recursive: true, force: true });
