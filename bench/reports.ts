/**
 * Reports over 5 years of a busy desk (issue 16) and streamed exports (issue 17 item 4).
 *
 * 1. ≈90,000 visits (69 a working day, 2022–2026), 30,000 cases, 10,000 escalated with pauses
 *    and confirmations: the service, 1x24 and IKM reports for a month, a year and five years,
 *    each against a floor measured in the same run (reading the period's visit or case rows
 *    with nothing else). Target: every report under 200 ms in the core.
 * 2. 1,000,000 survey answers exported as XLSX (xlsx-writer.ts: sheet XML and zip written as
 *    the rows come) and as CSV, each in a process of its own so that its peak memory is its own.
 *    Target: XLSX finishes, peak memory under 300 MB, time within 3× the CSV's.
 *
 * Run: npx tsx bench/reports.ts            (both parts)
 *      npx tsx bench/reports.ts --exports  (part 2 only; keeps an answers database already built)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase, type Db } from '../electron/core/db/open-database';
import { IkmReporter } from '../electron/core/reports/ikm-report';
import { ReportSettingsStore } from '../electron/core/reports/report-settings';
import { ServiceReporter } from '../electron/core/reports/service-report';
import { SlaReporter } from '../electron/core/reports/sla-report';
import { CATEGORIES, APPLICATIONS } from '../shared/domain/case';
import { spanInstants } from '../shared/domain/report-period';
import { PAUSE_REASONS } from '../shared/domain/sla';
import { SKM_ELEMENTS } from '../shared/domain/skm';

const dir = join(import.meta.dirname, '.data');
const deskFile = join(dir, 'reports-5y.sqlite');
const answersFile = join(dir, 'answers-1m.sqlite');
const ANSWERS = 1_000_000;

let seed = 20261202;
const rand = (n: number) => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return Math.floor((seed / 2147483648) * n);
};
const WIB = 7 * 3600_000;
const iso = (ms: number) => new Date(ms).toISOString();

function buildDesk(): { visits: number; cases: number; escalated: number } {
  rmSync(deskFile, { force: true });
  const db = openDatabase(deskFile);
  db.pragma('synchronous = OFF'); // loading only; the service writes with FULL
  const staff = db.prepare(
    "INSERT INTO staff (username, full_name, pin_hash, created_at) VALUES (?, ?, 'x', 'now')",
  );
  for (let i = 1; i <= 6; i++) staff.run(`officer${i}`, `Petugas ${i}`);
  const visitor = db.prepare(
    "INSERT INTO visitor (full_name, phone, created_at, updated_at) VALUES (?, '+6281200000000', 'now', 'now')",
  );
  for (let i = 1; i <= 500; i++) visitor.run(`Pengunjung ${i}`);
  const visit = db.prepare(
    `INSERT INTO visit (visitor_id, service_day, queue_no, purpose, full_name, phone, visitor_type,
       lpse, status, officer_id, checked_in_at, consent_version, consent_at, checked_in_by, left_unserved)
     VALUES (?, ?, ?, 'p', 'Pengunjung', '+6281200000000', ?, ?, ?, ?, ?, 'v1', ?, 1, ?)`,
  );
  const event = db.prepare('INSERT INTO visit_event (visit_id, at, kind) VALUES (?, ?, ?)');
  const problem = db.prepare(
    `INSERT INTO problem_case (case_code, visit_id, officer_id, status, reporter_name, reporter_phone,
       category, application, created_at, updated_at, escalated_at, backend_resolved_at)
     VALUES (?, ?, ?, ?, 'Pengunjung', '+6281200000000', ?, ?, 'now', 'now', ?, ?)`,
  );
  const link = db.prepare(
    `INSERT INTO backend_link (case_id, remote_id, remote_status, linked_at, last_seen_at, remote_phase)
     VALUES (?, ?, ?, 'now', 'now', ?)`,
  );
  const pause = db.prepare(
    "INSERT INTO sla_pause (case_id, reason, source, started_at, ended_at) VALUES (?, ?, 'officer', ?, ?)",
  );
  const confirm = db.prepare(
    `INSERT INTO confirmation (case_id, channel, confirmed_at, outcome, officer_id, recorded_at)
     VALUES (?, 'phone', ?, 'accepted', 1, ?)`,
  );
  const types = ['ppk', 'pokja', 'penyedia_badan_usaha', 'pp', null];
  const lpses = ['LKPP', 'Provinsi Gorontalo', 'Kota Surakarta', null];
  let visits = 0;
  let cases = 0;
  let escalated = 0;
  const load = db.transaction((dayMs: number) => {
    const day = new Date(dayMs).toISOString().slice(0, 10);
    for (let q = 1; q <= 69; q++) {
      const checkedIn = dayMs - WIB + (8 * 60 + rand(8 * 60)) * 60_000;
      const called = checkedIn + (2 + rand(50)) * 60_000;
      const noShow = rand(15) === 0;
      const officer = 1 + rand(6);
      const id = Number(
        visit.run(
          1 + rand(500),
          day,
          q,
          types[rand(types.length)] ?? null,
          lpses[rand(lpses.length)] ?? null,
          noShow ? 'no_show' : 'done',
          officer,
          iso(checkedIn),
          iso(checkedIn),
          0,
        ).lastInsertRowid,
      );
      visits++;
      event.run(id, iso(checkedIn), 'checked_in');
      event.run(id, iso(called), 'called');
      if (noShow) continue;
      const started = called + 60_000;
      event.run(id, iso(started), 'started');
      event.run(id, iso(started + (10 + rand(40)) * 60_000), 'ended');
      if (rand(3) !== 0 || cases >= 30_000) continue;
      cases++;
      const esc = escalated < 10_000 && rand(3) === 0;
      const escAt = started + 30 * 60_000;
      const resolvedAt = escAt + (1 + rand(60)) * 3600_000;
      const caseId = Number(
        problem.run(
          `K-${cases}`,
          id,
          officer,
          esc ? 'closed' : 'solved',
          CATEGORIES[rand(CATEGORIES.length)]!,
          APPLICATIONS[rand(APPLICATIONS.length)]!,
          esc ? iso(escAt) : null,
          esc ? iso(resolvedAt) : null,
        ).lastInsertRowid,
      );
      if (!esc) continue;
      escalated++;
      const phase = rand(20) === 0 ? 'rejected' : 'resolved';
      link.run(caseId, String(10_000 + escalated), phase, phase);
      if (rand(3) === 0)
        pause.run(
          caseId,
          PAUSE_REASONS[rand(PAUSE_REASONS.length)]!,
          iso(escAt + 3600_000),
          iso(escAt + 5 * 3600_000),
        );
      confirm.run(caseId, iso(resolvedAt + 3600_000), iso(resolvedAt + 3600_000));
    }
  });
  for (
    let d = Date.parse('2022-01-03T00:00:00Z');
    d < Date.parse('2027-01-01T00:00:00Z');
    d += 86_400_000
  ) {
    const weekday = new Date(d).getUTCDay();
    if (weekday !== 0 && weekday !== 6) load(d);
  }
  db.close();
  return { visits, cases, escalated };
}

function median(f: () => void, runs = 7): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    f();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(runs / 2)]!;
}

function reports(db: Db): void {
  const service = new ServiceReporter(db);
  const sla = new SlaReporter(db, () => new Date('2027-01-05T03:00:00Z'));
  const ikm = new IkmReporter(db);
  const settings = new ReportSettingsStore(db, null, () => new Date());
  const visitsFloor = db.prepare(
    'SELECT id, checked_in_at FROM visit WHERE service_day BETWEEN ? AND ?',
  );
  const casesFloor = db.prepare(
    'SELECT id, escalated_at FROM problem_case WHERE escalated_at >= ? AND escalated_at < ?',
  );
  const spans = [
    ['month', { from: '2026-11-01', to: '2026-11-30' }],
    ['year', { from: '2026-01-01', to: '2026-12-31' }],
    ['5 years', { from: '2022-01-01', to: '2026-12-31' }],
  ] as const;
  console.log('report          period    core ms   floor ms   ratio   (target < 200 ms)');
  for (const [name, span] of spans) {
    const req = { ...span, cut: 'officer' as const };
    const { start, end } = spanInstants(span);
    const vFloor = median(() => visitsFloor.all(span.from, span.to));
    const cFloor = median(() => casesFloor.all(start, end));
    const rows: [string, number, number][] = [
      ['service', median(() => service.report(req, 30)), vFloor],
      ['1x24 calendar', median(() => sla.report(req, settings.rules(), [])), cFloor],
      [
        '1x24 service h',
        median(() =>
          sla.report(
            req,
            {
              mode: 'service_hours',
              hours: { start: '08:00', end: '16:00', weekdays: [1, 2, 3, 4, 5] },
              holidays: new Set(),
            },
            [],
          ),
        ),
        cFloor,
      ],
      ['ikm', median(() => ikm.report(span.from, span.to)), vFloor],
    ];
    for (const [report, ms, floor] of rows)
      console.log(
        `${report.padEnd(15)} ${name.padEnd(8)} ${ms.toFixed(1).padStart(8)} ${floor.toFixed(1).padStart(10)} ${(ms / floor).toFixed(1).padStart(7)}`,
      );
  }
}

function buildAnswers(): void {
  rmSync(answersFile, { force: true });
  const db = openDatabase(answersFile);
  db.pragma('synchronous = OFF');
  const insert = db.prepare(
    `INSERT INTO survey_response (id, service_month, ${SKM_ELEMENTS.join(', ')}, gender, education, comment)
     VALUES (?, ?, ${SKM_ELEMENTS.map(() => '?').join(', ')}, ?, ?, ?)`,
  );
  const start = Date.parse('2026-01-01T00:00:00Z');
  const load = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++)
      insert.run(
        // Random ids, as the survey assigns them.
        rand(2 ** 31) * 1024 + (i % 1024),
        new Date(start + rand(365) * 86_400_000).toISOString().slice(0, 7),
        ...SKM_ELEMENTS.map(() => 1 + rand(4)),
        rand(2) ? 'L' : 'P',
        's1',
        rand(20) === 0 ? `Pelayanan cepat, petugas ramah nomor ${i}` : null,
      );
  });
  for (let i = 0; i < ANSWERS; i += 50_000) load(i, i + 50_000);
  db.close();
}

interface ExportRun {
  ms: number;
  cpuMs: number;
  peakMb: number;
  bytes: number;
}

function exportRun(format: 'csv' | 'xlsx'): ExportRun {
  const out = join(dir, `answers.${format}`);
  const r = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      join(import.meta.dirname, 'report-export-child.ts'),
      answersFile,
      format,
      out,
    ],
    { encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(r.stderr);
  const result = JSON.parse(r.stdout.trim().split('\n').at(-1)!) as Omit<ExportRun, 'bytes'>;
  return { ...result, bytes: statSync(out).size };
}

const exportsOnly = process.argv.includes('--exports');
mkdirSync(dir, { recursive: true });
let t0 = performance.now();
if (!exportsOnly) {
  const built = buildDesk();
  console.log(
    `desk: ${built.visits} visits, ${built.cases} cases, ${built.escalated} escalated (built in ${((performance.now() - t0) / 1000).toFixed(0)} s)`,
  );
  const db = openDatabase(deskFile);
  reports(db);
  db.close();
}

if (!exportsOnly || !existsSync(answersFile)) {
  t0 = performance.now();
  buildAnswers();
  console.log(
    `\n${ANSWERS} survey answers built in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
  );
}
const csv = exportRun('csv');
const xlsx = exportRun('xlsx');
console.log('export   seconds   CPU s   peak RSS MB   file MB');
for (const [name, r] of [
  ['csv', csv],
  ['xlsx', xlsx],
] as const)
  console.log(
    `${name.padEnd(6)} ${(r.ms / 1000).toFixed(1).padStart(9)} ${(r.cpuMs / 1000).toFixed(1).padStart(7)} ${r.peakMb.toFixed(0).padStart(13)} ${(r.bytes / 1e6).toFixed(1).padStart(9)}`,
  );
console.log(
  `xlsx / csv time: ${(xlsx.ms / csv.ms).toFixed(2)}× (CPU ${(xlsx.cpuMs / csv.cpuMs).toFixed(2)}×; target within 3×, peak < 300 MB)`,
);
