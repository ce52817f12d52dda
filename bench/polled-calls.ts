/**
 * The calls screens repeat all day (issue 17 item 3), on a desk of five years × 50 visits a day
 * against the same call on a desk of one year, measured in the same run. Target: ratio < 1.5.
 *
 * Both desks are written the same way (fast direct inserts, as reports.ts does): every calendar
 * day up to yesterday has 50 visits (four in five by a new visitor), a third of the served ones a
 * case, a third of those escalated, with their backend link, outbox entries and (one in three) an
 * SLA pause; seven in ten visits handed to the survey screen, most of them answered. Escalations
 * of the last 30 days are still open, so both desks have about the same open follow-ups; today
 * has 30 visits under way (waiting, called, in consultation, done) and three surveys waiting.
 * Retention is set to 30 years so that nothing is purged: the 5-year desk keeps all its history
 * (with the promised 2 years it would hold less).
 *
 * Each call goes through the dispatcher (session, role, zod), as a screen makes it, alternating
 * the two desks, 300 rounds; the day's case count (`case.create` counts the day's cases before it
 * writes one) is its statement alone, since the call itself writes.
 *
 * Run: npx tsx bench/polled-calls.ts   (about a minute)
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { hashPin } from '../electron/core/auth/pin-hash';
import { CASES_OF_DAY_SQL } from '../electron/core/consultation/cases';
import { caseCodePrefix, formatCaseCode, prefixEnd } from '../electron/core/consultation/case-code';
import { createCore, type Core } from '../electron/core/core';
import { openDatabase } from '../electron/core/db/open-database';
import { normalizeIndonesianPhone } from '../shared/domain/phone';
import { RealisticPeople } from './realistic-people';
import { percentile } from './synthetic-people';

const DIR = join(import.meta.dirname, '.data', 'polled');
const TODAY = '2026-12-02';
const NOW = new Date('2026-12-02T03:00:00Z'); // 10:00 WIB
const DAY_MS = 86_400_000;
const PER_DAY = 50;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 300);
const STATION = 'BNCH';
const PIN = '135790';

let seed = 17;
const rand = (n: number) => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return Math.floor((seed / 2147483648) * n);
};
const iso = (ms: number) => new Date(ms).toISOString();

interface DeskSize {
  visits: number;
  visitors: number;
  cases: number;
  escalated: number;
  openFollowUps: number;
}

async function buildDesk(dataDir: string, years: number): Promise<DeskSize> {
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const db = openDatabase(join(dataDir, 'loket.sqlite'));
  db.pragma('synchronous = OFF'); // loading only
  // The visitor search index is not read by these calls, and keeping it (secure-delete, a
  // re-key per visit) is most of a load's time: its triggers are put back after the load.
  const searchTriggers = db
    .prepare<[], { name: string; sql: string }>(
      "SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'visitor_search_%'",
    )
    .all();
  for (const t of searchTriggers) db.exec(`DROP TRIGGER ${t.name}`);
  const people = new RealisticPeople(years);
  const setting = db.prepare(
    'INSERT INTO app_setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  for (const key of ['guest_book_years', 'cases_years', 'documents_years']) {
    setting.run(`retention.${key}`, '30');
  }
  setting.run('station_code', STATION);
  const staff = db.prepare<[string, string, string]>(
    "INSERT INTO staff (username, full_name, pin_hash, created_at) VALUES (?, ?, ?, '2021-01-01T00:00:00Z')",
  );
  const role = db.prepare<[number, string]>(
    'INSERT INTO staff_role (staff_id, role) VALUES (?, ?)',
  );
  staff.run('bench', 'Petugas Bench', await hashPin(PIN));
  for (const r of ['receptionist', 'officer', 'supervisor', 'admin']) role.run(1, r);
  for (let i = 2; i <= 7; i++) {
    staff.run(`officer${i}`, `Petugas ${i}`, 'x');
    role.run(i, 'officer');
  }
  const q = {
    visitor: db.prepare(
      `INSERT INTO visitor (full_name, phone, email, institution, visitor_type, created_at, updated_at)
       VALUES (@fullName, @phone, @email, @institution, 'ppk', @at, @at)`,
    ),
    visit: db.prepare(
      `INSERT INTO visit (visitor_id, service_day, queue_no, purpose, full_name, phone, visitor_type,
         status, officer_id, checked_in_at, called_at, checked_out_at, survey_ready_at,
         consent_version, consent_at, checked_in_by)
       SELECT @visitorId, @day, @queueNo, 'Konsultasi SPSE', full_name, phone, visitor_type,
              @status, @officerId, @checkedIn, @called, @checkedOut, @surveyReady, 'v1', @checkedIn, 1
         FROM visitor WHERE id = @visitorId`,
    ),
    event: db.prepare<[number, string, string]>(
      'INSERT INTO visit_event (visit_id, at, kind, actor_id) VALUES (?, ?, ?, 1)',
    ),
    surveyed: db.prepare<[number]>('INSERT INTO visit_surveyed (visit_id) VALUES (?)'),
    problem: db.prepare(
      `INSERT INTO problem_case (case_code, visit_id, officer_id, status, reporter_name, reporter_phone,
         category, application, created_at, updated_at, closed_at, escalated_at, finished_at)
       VALUES (@code, @visitId, @officerId, @status, 'Pelapor', '+6281200000000', 'akun', 'spse',
         @at, @at, @at, @escalatedAt, @finishedAt)`,
    ),
    link: db.prepare<[number, string, string, string, string]>(
      `INSERT INTO backend_link (case_id, remote_id, remote_status, linked_at, last_seen_at, remote_phase)
       VALUES (?, ?, ?, ?, ?, 'in_progress')`,
    ),
    pause: db.prepare<[number, string, string | null]>(
      "INSERT INTO sla_pause (case_id, reason, source, started_at, ended_at) VALUES (?, 'user', 'officer', ?, ?)",
    ),
    outbox: db.prepare<[number, string, string, string, string, string, string]>(
      `INSERT INTO outbox (case_id, operation, idempotency_key, state, attempts, next_attempt_at,
         created_at, updated_at)
       VALUES (?, ?, ?, ?, 1, ?, ?, ?)`,
    ),
  };
  const size: DeskSize = { visits: 0, visitors: 0, cases: 0, escalated: 0, openFollowUps: 0 };
  const todayMs = Date.parse(`${TODAY}T00:00:00Z`);
  const firstMs = todayMs - years * 365 * DAY_MS;
  const newVisitor = (at: string): number => {
    size.visitors++;
    const p = people.person();
    return Number(
      q.visitor.run({
        fullName: p.fullName,
        phone: normalizeIndonesianPhone(p.phone) ?? '',
        email: p.email || null,
        institution: p.institution || null,
        at,
      }).lastInsertRowid,
    );
  };
  const day = db.transaction((dayMs: number, visits: number, underway: boolean) => {
    const serviceDay = iso(dayMs).slice(0, 10);
    let caseNo = 0;
    for (let n = 1; n <= visits; n++) {
      // 08:00–15:00 WIB, in queue order; a day under way ends before 10:00 WIB.
      const checkedInMs =
        dayMs - 7 * 3600_000 + 8 * 3600_000 + (n * ((underway ? 2 : 7) * 3600_000)) / (visits + 1);
      const at = iso(checkedInMs);
      const visitorId =
        size.visitors > 0 && rand(5) === 0 ? 1 + rand(size.visitors) : newVisitor(at);
      const officerId = rand(4) === 0 ? 1 : 2 + rand(6);
      const calledMs = checkedInMs + (5 + rand(20)) * 60_000;
      const endMs = calledMs + (10 + rand(30)) * 60_000;
      // Today: the first ten served, then two in consultation, one called, the rest waiting or gone.
      const status = !underway
        ? rand(15) === 0
          ? 'no_show'
          : 'done'
        : n <= 10
          ? 'done'
          : n <= 12
            ? 'in_consultation'
            : n === 13
              ? 'called'
              : n <= 28
                ? 'waiting'
                : 'no_show';
      const served = status === 'done';
      const waiting = status === 'waiting';
      const handedOver = served && (underway ? n <= 3 : rand(10) < 7);
      const visitId = Number(
        q.visit.run({
          visitorId,
          day: serviceDay,
          queueNo: n,
          status,
          officerId: waiting ? null : underway && n <= 13 ? 1 : officerId,
          checkedIn: at,
          called: waiting ? null : iso(calledMs),
          checkedOut: served ? iso(endMs) : null,
          // Today's hand-overs are minutes old: the survey screen still offers them.
          surveyReady: handedOver
            ? iso(underway ? NOW.getTime() - (20 - n) * 60_000 : endMs)
            : null,
        }).lastInsertRowid,
      );
      size.visits++;
      q.event.run(visitId, at, 'checked_in');
      if (!waiting) q.event.run(visitId, iso(calledMs), 'called');
      if (!served) continue;
      q.event.run(visitId, iso(calledMs + 60_000), 'started');
      q.event.run(visitId, iso(endMs), 'ended');
      if (handedOver && !underway && rand(10) < 8) q.surveyed.run(visitId);
      if (rand(3) !== 0) continue;
      caseNo++;
      size.cases++;
      const escalated = rand(3) === 0;
      const open = escalated && todayMs - dayMs <= 30 * DAY_MS;
      const code = formatCaseCode(STATION, serviceDay, caseNo);
      const caseId = Number(
        q.problem.run({
          code,
          visitId,
          officerId,
          status: escalated ? (open ? 'escalated' : 'closed') : 'solved',
          at: iso(endMs),
          escalatedAt: escalated ? iso(endMs) : null,
          finishedAt: escalated && !open ? iso(endMs + 3 * DAY_MS) : null,
        }).lastInsertRowid,
      );
      if (!escalated) continue;
      size.escalated++;
      if (open) size.openFollowUps++;
      q.link.run(caseId, String(10_000 + caseId), 'open', iso(endMs), iso(endMs));
      q.outbox.run(
        caseId,
        'create_ticket',
        `t-${caseId}`,
        'delivered',
        iso(endMs),
        iso(endMs),
        iso(endMs),
      );
      q.outbox.run(
        caseId,
        'add_note',
        `n-${caseId}`,
        'delivered',
        iso(endMs),
        iso(endMs),
        iso(endMs),
      );
      if (rand(3) === 0) {
        q.pause.run(caseId, iso(endMs + 3600_000), iso(endMs + 5 * 3600_000));
        if (open) q.pause.run(caseId, iso(endMs + 6 * 3600_000), null);
      }
    }
  });
  for (let d = firstMs; d < todayMs; d += DAY_MS) day(d, PER_DAY, false);
  day(todayMs, 30, true);
  // A few entries the helpdesk refused lately: the send queue's page shows them first.
  const recent = db
    .prepare<[], { id: number }>(
      "SELECT id FROM problem_case WHERE status = 'escalated' ORDER BY id DESC LIMIT 5",
    )
    .all();
  for (const { id } of recent) {
    q.outbox.run(
      id,
      'add_note',
      `f-${id}`,
      'failed',
      iso(NOW.getTime()),
      iso(NOW.getTime()),
      iso(NOW.getTime()),
    );
  }
  for (const t of searchTriggers) db.exec(t.sql);
  db.pragma('optimize');
  db.close();
  return size;
}

type Caller = (method: string, input: unknown) => Promise<unknown>;

async function open(dataDir: string): Promise<{ core: Core; staff: Caller; survey: Caller }> {
  const core = createCore({ dataDir, now: () => NOW, logError: (e) => console.error(e) });
  const login = (await core.dispatch(
    'auth.login',
    { username: 'bench', pin: PIN },
    { window: 'staff' },
  )) as { value?: { sessionToken: string } };
  const token = login.value?.sessionToken;
  if (!token) throw new Error(`login failed: ${JSON.stringify(login)}`);
  const must = async (method: string, input: unknown, window: 'staff' | 'survey', t: string) => {
    const r = (await core.dispatch(method, input, { window, sessionToken: t })) as {
      ok: boolean;
      value?: unknown;
    };
    if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r)}`);
    return r.value;
  };
  const staff: Caller = (m, i) => must(m, i, 'staff', token);
  const { displayToken } = (await staff('survey.openDisplay', {})) as { displayToken: string };
  return { core, staff, survey: (m, i) => must(m, i, 'survey', displayToken) };
}

const years1 = join(DIR, 'year-1');
const years5 = join(DIR, 'years-5');
for (const [dir, y] of [
  [years1, 1],
  [years5, 5],
] as const) {
  const t0 = performance.now();
  const size = await buildDesk(dir, y);
  console.log(
    `${y} year(s): ${size.visits.toLocaleString('en')} visits, ${size.visitors.toLocaleString('en')} visitors, ${size.cases.toLocaleString('en')} cases, ${size.escalated.toLocaleString('en')} escalated, ${size.openFollowUps} open follow-ups (built in ${((performance.now() - t0) / 1000).toFixed(1)} s)`,
  );
}
const small = await open(years1);
const large = await open(years5);

const prefix = caseCodePrefix(STATION, TODAY);
const dayCount = (core: Core) => {
  const s = core.db.prepare(CASES_OF_DAY_SQL);
  return () => Promise.resolve(s.get(prefix, prefixEnd(prefix)));
};
const calls: [string, (d: typeof small) => () => Promise<unknown>][] = [
  ['survey.current', (d) => () => d.survey('survey.current', {})],
  ['queue.overview', (d) => () => d.staff('queue.overview', {})],
  ['followup.list (mine)', (d) => () => d.staff('followup.list', {})],
  ['followup.list (all)', (d) => () => d.staff('followup.list', { all: true })],
  ['outbox.list', (d) => () => d.staff('outbox.list', {})],
  ['case.create: the day count', (d) => dayCount(d.core)],
  ['lpse.search "kab"', (d) => () => d.staff('lpse.search', { query: 'kab' })],
  ['visit.listForDay', (d) => () => d.staff('visit.listForDay', {})],
  ['case.drafts', (d) => () => d.staff('case.drafts', {})],
  ['survey.alerts', (d) => () => d.staff('survey.alerts', {})],
];

async function time(f: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await f();
  return performance.now() - t0;
}

console.log(`\n${ROUNDS} rounds each, the two desks alternating; ms`);
console.log(
  'call                          1 year p50 / p95     5 years p50 / p95    ratio p50 / p95   (target < 1.5)',
);
let worst = 0;
for (const [name, make] of calls) {
  const a = make(small);
  const b = make(large);
  for (let i = 0; i < 20; i++) await Promise.all([a(), b()]); // warm the page cache and statements
  const ta: number[] = [];
  const tb: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    if (i % 2 === 0) {
      ta.push(await time(a));
      tb.push(await time(b));
    } else {
      tb.push(await time(b));
      ta.push(await time(a));
    }
  }
  ta.sort((x, y) => x - y);
  tb.sort((x, y) => x - y);
  const [a50, a95, b50, b95] = [
    percentile(ta, 50),
    percentile(ta, 95),
    percentile(tb, 50),
    percentile(tb, 95),
  ];
  worst = Math.max(worst, b50 / a50);
  console.log(
    `${name.padEnd(30)}${a50.toFixed(3).padStart(8)} / ${a95.toFixed(3).padEnd(8)}   ${b50.toFixed(3).padStart(8)} / ${b95.toFixed(3).padEnd(8)}   ${(b50 / a50).toFixed(2).padStart(5)}x / ${(b95 / a95).toFixed(2)}x`,
  );
}
console.log(`worst median ratio: ${worst.toFixed(2)}x`);
small.core.close();
large.core.close();
if (!process.argv.includes('--keep')) rmSync(DIR, { recursive: true, force: true });
