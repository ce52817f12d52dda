/**
 * The IKM report for a year of 1,000,000 stored answers, by month, officer and category, with
 * its comments. Target: under 10 ms, against a floor measured in the same run: the tally
 * queries alone. Also what computing the figures straight from every answer costs.
 *
 * Run: npx tsx bench/ikm-report.ts
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../electron/core/db/open-database';
import { IkmReporter, periodRanges, tallySql } from '../electron/core/reports/ikm-report';
import { CATEGORIES } from '../shared/domain/case';
import { SKM_ELEMENTS } from '../shared/domain/skm';

const ANSWERS = 1_000_000;
const OFFICERS = 6;
const dir = join(import.meta.dirname, '.data');
const file = join(dir, 'ikm-1m-v24.sqlite');

function build(): void {
  mkdirSync(dir, { recursive: true });
  rmSync(file, { force: true });
  const db = openDatabase(file);
  db.pragma('synchronous = OFF'); // loading only; the service writes with FULL
  const staff = db.prepare(
    "INSERT INTO staff (username, full_name, pin_hash, created_at) VALUES (?, ?, 'x', 'now')",
  );
  for (let i = 1; i <= OFFICERS; i++) staff.run(`officer${i}`, `Petugas ${i}`);
  const insert = db.prepare(
    `INSERT INTO survey_response (id, service_month, category, ${SKM_ELEMENTS.join(', ')}, comment)
     VALUES (?, ?, ?, ${SKM_ELEMENTS.map(() => '?').join(', ')}, ?)`,
  );
  const tally = db.prepare(
    `INSERT INTO survey_tally (service_day, officer_id, category, respondents, ${SKM_ELEMENTS.flatMap((e) => [`${e}_sum`, `${e}_count`]).join(', ')})
     VALUES (?, ?, ?, 1, ${SKM_ELEMENTS.map(() => '?, ?').join(', ')})
     ON CONFLICT (service_day, officer_id, category) DO UPDATE SET respondents = respondents + 1,
     ${SKM_ELEMENTS.map((e) => `${e}_sum = ${e}_sum + excluded.${e}_sum, ${e}_count = ${e}_count + excluded.${e}_count`).join(', ')}`,
  );
  let seed = 12345;
  const rand = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return Math.floor((seed / 2147483648) * n);
  };
  const start = Date.parse('2026-01-01T00:00:00Z');
  const load = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const day = new Date(start + rand(365) * 86_400_000).toISOString().slice(0, 10);
      const officer = 1 + rand(OFFICERS);
      const category = CATEGORIES[rand(CATEGORIES.length)]!;
      const answers = SKM_ELEMENTS.map(() => (rand(20) === 0 ? null : 1 + rand(4)));
      // Ids scattered as the service's random ones are (an odd multiplier mod 2^31 never
      // repeats): a month's answers spread over the whole table.
      insert.run(
        1 + ((i * 1_000_003) % 2 ** 31),
        day.slice(0, 7),
        category,
        ...answers,
        rand(50) === 0 ? `Komentar ${i}` : null,
      );
      tally.run(day, officer, category, ...answers.flatMap((a) => (a === null ? [0, 0] : [a, 1])));
    }
  });
  for (let i = 0; i < ANSWERS; i += 50_000) load(i, Math.min(i + 50_000, ANSWERS));
  db.close();
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

if (!existsSync(file)) {
  const t0 = performance.now();
  build();
  console.log(
    `built ${ANSWERS.toLocaleString('en')} answers in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
}
const db = openDatabase(file);
const reporter = new IkmReporter(db);
// The floor: the four tally queries alone, as the report runs them (whole months from the
// monthly tallies of migration 24, the days of a partly covered month from the daily ones).
const KEYS: [string, string?][] = [
  ["''"],
  ['officer_id'],
  ['category'],
  ['substr(service_day, 1, 7)', 'service_month'],
];
const tallies = (from: string, to: string) => {
  const queries = KEYS.map(([day, month]) => db.prepare(tallySql(day, month)));
  return () => {
    for (const q of queries) q.all(...periodRanges(from, to));
  };
};
// Before migration 24: the same four queries over the daily tallies alone.
const dailyTallies = () => {
  const queries = KEYS.map(([day, month]) => db.prepare(tallySql(day, month)));
  return () => {
    for (const q of queries) q.all('2026-01-01', '2026-12-31', '1', '0', '1', '0');
  };
};
/** Medians of 31 rounds after 3 untimed ones, the calls taking turns within each round. */
function race(calls: (() => unknown)[]): number[] {
  const times = calls.map(() => [] as number[]);
  for (let round = 0; round < 34; round++) {
    for (const [i, call] of calls.entries()) {
      const t0 = performance.now();
      call();
      if (round >= 3) times[i]!.push(performance.now() - t0);
    }
  }
  return times.map(median);
}
let respondents = 0;
const [ms, floor, partial, partialFloor, dailyOnly] = race([
  () => (respondents = reporter.report('2026-01-01', '2026-12-31').overall.respondents),
  tallies('2026-01-01', '2026-12-31'),
  // A period that starts and ends inside a month reads those days from the daily tallies.
  () => reporter.report('2026-01-15', '2026-12-14'),
  tallies('2026-01-15', '2026-12-14'),
  dailyTallies(),
]) as [number, number, number, number, number];
const direct = db.prepare(
  `SELECT service_month, category, count(*) AS n,
          ${SKM_ELEMENTS.map((e) => `sum(${e}), count(${e})`).join(', ')}
     FROM survey_response WHERE service_month BETWEEN '2026-01' AND '2026-12'
    GROUP BY 1, 2`,
);
const directRuns: number[] = [];
for (let i = 0; i < 3; i++) {
  const t0 = performance.now();
  direct.all();
  directRuns.push(performance.now() - t0);
}
console.log(
  `IKM report, a year, ${respondents.toLocaleString('en')} answers, by month/officer/category, with comments:`,
);
console.log(`  the tallies alone (floor):   median ${floor.toFixed(1)} ms`);
console.log(
  `  the whole report (core):     median ${ms.toFixed(1)} ms  (${(ms / floor).toFixed(2)}x the floor; target < 10 ms)`,
);
console.log(
  `  15 Jan–14 Dec (two part months): report ${partial.toFixed(1)} ms, tallies ${partialFloor.toFixed(1)} ms (${(partial / partialFloor).toFixed(2)}x)`,
);
console.log(`  the daily tallies alone, as before migration 24: median ${dailyOnly.toFixed(1)} ms`);
console.log(`  scanning every answer:       median ${median(directRuns).toFixed(1)} ms`);
db.close();
if (process.argv.includes('--clean')) rmSync(dir, { recursive: true, force: true });
