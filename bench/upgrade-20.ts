/**
 * The upgrade a desk on the previous release makes: a database at schema 20 with a large survey
 * table, opened at the latest version (migration 21 rewrites every answer without its day and
 * officer). Floor: opening the same database once it is up to date, in the same run.
 * Target (issue 17): under 300 ms in every run.
 *
 * Run: nice npx tsx bench/upgrade-20.ts [answers]   (default 500,000: a 1M-visitor desk's share)
 */
import { closeSync, copyFileSync, fsyncSync, mkdirSync, openSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { MIGRATIONS } from '../electron/core/db/migrations';
import { openDatabase } from '../electron/core/db/open-database';
import { CATEGORIES } from '../shared/domain/case';
import { SKM_ELEMENTS } from '../shared/domain/skm';

const ANSWERS = Number(process.argv[2] ?? 500_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const dir = join(import.meta.dirname, '.data');
const v20 = join(dir, `upgrade-20-${ANSWERS}.sqlite`);
const copy = join(dir, 'upgrade-20-copy.sqlite');
const files = (f: string) => [f, `${f}-wal`, `${f}-shm`];

function buildV20(): void {
  mkdirSync(dir, { recursive: true });
  for (const f of files(v20)) rmSync(f, { force: true });
  const db = openDatabase(
    v20,
    MIGRATIONS.filter((m) => m.version <= 20),
  );
  db.pragma('synchronous = OFF'); // loading only
  db.prepare(
    "INSERT INTO staff (username, full_name, pin_hash, created_at) VALUES ('o1', 'Petugas', 'x', 'now')",
  ).run();
  const insert = db.prepare(
    `INSERT INTO survey_response (id, service_day, officer_id, category, ${SKM_ELEMENTS.join(', ')}, comment)
     VALUES (?, ?, 1, ?, ${SKM_ELEMENTS.map(() => '?').join(', ')}, ?)`,
  );
  let seed = 7;
  const rand = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return Math.floor((seed / 2147483648) * n);
  };
  const start = Date.parse('2022-01-01T00:00:00Z');
  db.transaction(() => {
    for (let i = 0; i < ANSWERS; i++)
      insert.run(
        1 + ((i * 1_000_003) % 2 ** 31),
        new Date(start + rand(5 * 365) * 86_400_000).toISOString().slice(0, 10),
        CATEGORIES[rand(CATEGORIES.length)]!,
        ...SKM_ELEMENTS.map(() => 1 + rand(4)),
        rand(50) === 0 ? `Komentar ${i}` : null,
      );
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

/** A copy flushed to disk first, so that the timed open does not also write out the copy. */
function copyOf(file: string): void {
  for (const f of files(copy)) rmSync(f, { force: true });
  copyFileSync(file, copy);
  const fd = openSync(copy, 'r+');
  fsyncSync(fd);
  closeSync(fd);
}

function timedOpen(): number {
  const t0 = performance.now();
  openDatabase(copy).close();
  return performance.now() - t0;
}

buildV20();
const floor: number[] = [];
const upgrade: number[] = [];
for (let i = 0; i < RUNS; i++) {
  copyOf(v20);
  upgrade.push(timedOpen());
  floor.push(timedOpen()); // the same file, now up to date
}
for (const f of files(copy)) rmSync(f, { force: true });
const fmt = (xs: number[]) => xs.map((x) => x.toFixed(1)).join(' / ');
console.log(
  `schema 20 with ${ANSWERS.toLocaleString('en')} survey answers, ${RUNS} runs (load ${loadavg()[0]!.toFixed(1)}):`,
);
console.log(`  up to date (floor):        ${fmt(floor)} ms`);
console.log(
  `  upgrade 20 → latest:       ${fmt(upgrade)} ms  max ${Math.max(...upgrade).toFixed(1)} (target < 300)`,
);
