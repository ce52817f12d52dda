/**
 * What wiping freed pages costs (issue 14 item 4): check-ins and retention batches with the
 * connection's secure_delete ON against OFF, interleaved in the same run (ratios, not absolute
 * times: the floor is the OFF run), the TRUNCATE checkpoint after a purge, and one erasure's
 * history scan. Targets: check-in p95 within 1.3x of OFF; a retention batch under 20 ms (the
 * housekeeping stall target, bench/housekeeping-stall.ts).
 *
 * Run: npx tsx bench/retention-wipe.ts   (~1 minute; BENCH_VISITS=20000 by default)
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { AuditLog } from '../electron/core/audit';
import { createCore } from '../electron/core/core';
import { wipeFreedPages } from '../electron/core/privacy/freed-pages';
import { RetentionJob } from '../electron/core/privacy/retention';
import { currentNotice } from '../shared/domain/privacy-notice';
import { percentile } from './synthetic-people';

const VISITS = Number(process.env.BENCH_VISITS ?? 20_000);
const dataDir = join(import.meta.dirname, '.data', 'retention-wipe');
rmSync(dataDir, { recursive: true, force: true });
mkdirSync(dataDir, { recursive: true });

let clock = new Date('2026-11-24T02:00:00Z');
const core = createCore({ dataDir, now: () => clock, logError: (e) => console.error(e) });
const db = core.db;
const ctx = { window: 'staff' as const };

/** Three years of history before "today": visits with a case, a note and a mention each. */
function seed(): void {
  const at = '2023-06-01T02:00:00.000Z';
  db.prepare(
    `INSERT INTO staff (id, username, full_name, pin_hash, created_at) VALUES (99, 'seed', 'Seed', 'x', ?)`,
  ).run(at);
  const visitor = db.prepare(
    `INSERT INTO visitor (full_name, phone, email, institution, created_at, updated_at)
     VALUES (?, ?, ?, 'CV Contoh Jaya', ?, ?)`,
  );
  const visit = db.prepare(
    `INSERT INTO visit (visitor_id, service_day, queue_no, purpose, full_name, phone, email,
       checked_in_at, consent_version, consent_at, checked_in_by, status)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'v1', ?, 99, 'done')`,
  );
  const kase = db.prepare(
    `INSERT INTO problem_case (case_code, visit_id, officer_id, status, reporter_name, reporter_phone,
       reporter_email, description, solution, spse_user_id, created_at, updated_at, closed_at)
     VALUES (?, ?, 99, 'solved', ?, ?, ?, ?, 'Diatur ulang', ?, ?, ?, ?)`,
  );
  const note = db.prepare(
    `INSERT INTO case_note (case_id, author_id, at, text) VALUES (?, 99, ?, ?)`,
  );
  // Seeded fast with the index's secure-delete off, then merged into one clean segment.
  fts(0);
  db.transaction(() => {
    for (let i = 0; i < VISITS; i++) {
      const day = new Date(Date.UTC(2023, 5, 1) + Math.floor((i / VISITS) * 3 * 365) * 86_400_000)
        .toISOString()
        .slice(0, 10);
      const ts = `${day}T02:00:00.000Z`;
      const name = `Pengunjung Nomor${i} Santoso`;
      const phone = `+62812${String(10_000_000 + i)}`;
      const email = `p${i}@contoh.id`;
      const v = Number(visitor.run(name, phone, email, ts, ts).lastInsertRowid);
      const x = Number(
        visit.run(v, day, (i % 500) + 1, `Konsultasi akun ${name}`, name, phone, email, ts, ts)
          .lastInsertRowid,
      );
      const c = Number(
        kase.run(`KS-${i}`, x, name, phone, email, `Akun ${name} terkunci`, `u${i}`, ts, ts, ts)
          .lastInsertRowid,
      );
      note.run(c, ts, `Dihubungi di ${phone}`);
    }
  }).immediate();
  db.exec("INSERT INTO visitor_search (visitor_search) VALUES ('optimize')");
  fts(1);
}

/** The search index's own secure-delete (migration 15 turns it on). */
function fts(on: 0 | 1): void {
  db.exec(`INSERT INTO visitor_search (visitor_search, rank) VALUES ('secure-delete', ${on})`);
}

/** As shipped (both on), the pragma alone off, and both off (before migration 15: the floor). */
const MODES = {
  shipped: { pragma: 'ON', index: 1 },
  pragmaOff: { pragma: 'OFF', index: 1 },
  bothOff: { pragma: 'OFF', index: 0 },
} as const;
type Mode = keyof typeof MODES;
function setMode(mode: Mode): void {
  db.pragma(`secure_delete = ${MODES[mode].pragma}`);
  fts(MODES[mode].index);
}
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);

let serial = 0;
async function checkIns(n: number, mode: Mode, token: string, into: number[]) {
  setMode(mode);
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const r = await core.dispatch(
      'visit.checkIn',
      {
        fullName: `Tamu ${mode} ${serial}`,
        phone: `0813${String(10_000_000 + serial++)}`,
        purpose: 'Konsultasi SPSE',
        noticeDelivery: 'read_out' as const,
        noticeVersion: currentNotice().version,
      },
      { ...ctx, sessionToken: token },
    );
    into.push(performance.now() - t0);
    if (!r.ok) throw new Error(JSON.stringify(r));
  }
}

async function main(): Promise<void> {
  await core.dispatch(
    'setup.createFirstAdmin',
    { fullName: 'Bench', username: 'bench', pin: '135790' },
    ctx,
  );
  const s0 = performance.now();
  seed();
  console.log(
    `seeded ${VISITS.toLocaleString('en')} visits with cases in ${((performance.now() - s0) / 1000).toFixed(1)} s`,
  );
  const login = (await core.dispatch('auth.login', { username: 'bench', pin: '135790' }, ctx)) as {
    ok: true;
    value: { sessionToken: string };
  };
  const token = login.value.sessionToken;

  // Check-ins, interleaved in blocks so that load on the machine falls on every mode alike.
  const times: Record<Mode, number[]> = { shipped: [], pragmaOff: [], bothOff: [] };
  for (let round = 0; round < 8; round++) {
    for (const mode of Object.keys(MODES) as Mode[]) await checkIns(30, mode, token, times[mode]);
  }
  const row = (label: string, xs: number[]) =>
    `${label}: p50 ${percentile(sorted(xs), 50).toFixed(2)} ms, p95 ${percentile(sorted(xs), 95).toFixed(2)} ms`;
  const ratio = (a: number[], b: number[], p: number) =>
    (percentile(sorted(a), p) / percentile(sorted(b), p)).toFixed(2);
  for (const mode of Object.keys(MODES) as Mode[])
    console.log(row(`check-in, ${mode}`, times[mode]));
  console.log(
    `  shipped / both off: p50 ${ratio(times.shipped, times.bothOff, 50)}x, p95 ${ratio(times.shipped, times.bothOff, 95)}x;` +
      ` pragma alone (shipped / pragmaOff): p50 ${ratio(times.shipped, times.pragmaOff, 50)}x`,
  );

  // Retention batches two years and a day after the first days: each batch as housekeeping runs it.
  clock = new Date('2026-06-02T02:00:00Z');
  const job = new RetentionJob(db, new AuditLog(db, () => clock), () => clock);
  const batches: Record<string, number[]> = {};
  const time = (label: string, fn: () => void) => {
    const t0 = performance.now();
    fn();
    (batches[label] ??= []).push(performance.now() - t0);
  };
  for (let round = 0; round < 10; round++) {
    for (const mode of ['shipped', 'bothOff'] as const) {
      setMode(mode);
      time(`visitors x10, ${mode}`, () => job.runBatch(10));
      time(`visits x50 + cases x50, ${mode}`, () => {
        job.visitsBatch(50);
        job.casesBatch(50);
      });
    }
  }
  for (const [label, xs] of Object.entries(batches))
    console.log(row(`retention batch, ${label}`, xs));
  setMode('shipped');
  const c0 = performance.now();
  wipeFreedPages(db);
  console.log(`checkpoint TRUNCATE after the purge: ${(performance.now() - c0).toFixed(1)} ms`);

  const visitorId = (
    db.prepare("SELECT id FROM visitor WHERE full_name LIKE 'Pengunjung Nomor19000 %'").get() as {
      id: number;
    }
  ).id;
  const e0 = performance.now();
  const erased = await core.dispatch(
    'privacy.erasePerson',
    { visitorId, reason: 'Bench' },
    { ...ctx, sessionToken: token },
  );
  if (!erased.ok) throw new Error(JSON.stringify(erased));
  console.log(
    `erasure of one person at ${VISITS.toLocaleString('en')} visits (history scanned in chunks): ${(performance.now() - e0).toFixed(0)} ms`,
  );
  core.close();
  rmSync(dataDir, { recursive: true, force: true });
}

await main();
