/**
 * How long a request waits behind housekeeping (closing yesterday's open visits, the retention
 * scan) at 1,000,000 realistic visitors, against the same request stream with no background
 * work, measured in the same run. Target: no request waits more than 20 ms.
 *
 * A stream of returning-visitor searches arrives every 5 ms through the dispatcher, and a
 * check-in every 100 ms (a write waits for the write lock housekeeping's worker may hold, on the
 * serving thread: better-sqlite3's busy timeout sleeps there; a search writes too, its read-log
 * entry). A request's wait is how late it started after it was due (the event loop was busy) plus
 * any time it took beyond its kind's usual duration (the floor's median), for each request.
 * Before the measured runs, the copy is brought to the steady state of a desk that has run for
 * years: everything past retention already anonymised (timed: the one-off catch-up of a database
 * that never ran retention), then the next service day begins with a day's visitors newly past
 * retention and 60 visits of the day before left open.
 *
 * Run: npx tsx bench/housekeeping-stall.ts   (uses realistic-db.ts's database; ~3 minutes)
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { hashPin } from '../electron/core/auth/pin-hash';
import { createCore, type Core } from '../electron/core/core';
import { AuditLog } from '../electron/core/audit';
import { syncFiles } from '../electron/core/backup/backup-folder';
import { wipeFreedPagesOffThread } from '../electron/core/privacy/freed-pages';
import { Housekeeping } from '../electron/core/privacy/housekeeping';
import { RetentionJob } from '../electron/core/privacy/retention';
import { RetentionSettingsStore } from '../electron/core/privacy/retention-settings';
import { DATA_DIR, ensureRealisticDb } from './realistic-db';
import { percentile } from './synthetic-people';
import { currentNotice } from '../shared/domain/privacy-notice';

const VISITORS = Number(process.env.BENCH_VISITORS ?? 1_000_000);
const FLOOR_MS = 15_000;
const source = ensureRealisticDb(VISITORS);
const dataDir = join(DATA_DIR, 'housekeeping');
rmSync(dataDir, { recursive: true, force: true });
mkdirSync(dataDir, { recursive: true });
copyFileSync(source, join(dataDir, 'loket.sqlite'));
// The copy's 1.8 GB would otherwise still be leaving the page cache for the disk while the floor
// and the first day are measured, and every commit's sync would queue behind it.
await syncFiles([join(dataDir, 'loket.sqlite')]);

// Two years into the realistic database's five (retention is 2 years): a week of visitors is past
// retention at start, a day's more each following day. Later visits exist but change nothing here.
let clock = new Date('2024-01-09T02:00:00Z');
const t0 = performance.now();
// The clock jumps from day to day: the session must outlive that, as in the tests.
const core = createCore({
  dataDir,
  now: () => clock,
  logError: (e) => console.error(e),
  sessionsEndAtServiceDayEnd: false,
  sessionIdleMs: 30 * 86_400_000,
  sessionMaxMs: 365 * 86_400_000,
});
console.log(
  `opened ${VISITORS.toLocaleString('en')} visitors and caught up retention at start in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
);

const before = core.db.prepare<[string], { id: number }>(
  `SELECT v.id FROM visitor v WHERE v.anonymised_at IS NULL
        AND NOT EXISTS (SELECT 1 FROM visit x WHERE x.visitor_id = v.id AND x.service_day >= ?)`,
);
const s0 = performance.now();
before.all('2022-01-10');
console.log(
  `  the retention scan before (every live visitor walked, in one statement): ${(performance.now() - s0).toFixed(0)} ms`,
);

async function login(c: Core): Promise<string> {
  // The bulk-built database has a staff row without a usable PIN: give it one and a role.
  c.db
    .prepare("UPDATE staff SET pin_hash = ?, username = 'benchadmin' WHERE id = 1")
    .run(await hashPin('135790'));
  c.db
    .prepare("INSERT OR IGNORE INTO staff_role (staff_id, role) VALUES (1, 'receptionist')")
    .run();
  const r = (await c.dispatch(
    'auth.login',
    { username: 'benchadmin', pin: '135790' },
    { window: 'staff' },
  )) as { ok: boolean; value?: { sessionToken: string } };
  if (!r.value) throw new Error(`login failed: ${JSON.stringify(r)}`);
  return r.value.sessionToken;
}
const token = await login(core);

// The start-up check of a file this size reads every page in a worker, in one read transaction.
let checking = core.startUpCheck() !== null;
const checkStarted = performance.now();
void core.startUpCheck()?.then((ok) => {
  checking = false;
  console.log(
    `  (start-up check ended ${ok ? 'well' : 'with damage'}, ${((performance.now() - checkStarted) / 1000).toFixed(1)} s after the bench's first request could be sent)`,
  );
});
const walFile = join(dataDir, 'loket.sqlite-wal');
const walMiB = () => (existsSync(walFile) ? statSync(walFile).size / 2 ** 20 : 0).toFixed(0);
// Linux's share of the last 10 s in which some task waited for the disk (PSI), where it exists.
const ioPressure = () => {
  const psi = existsSync('/proc/pressure/io') ? readFileSync('/proc/pressure/io', 'utf8') : '';
  return /some avg10=([\d.]+)/.exec(psi)?.[1] ?? '?';
};
const context = () =>
  `start-up check ${checking ? 'still reading' : 'done'}, log ${walMiB()} MiB, disk waits ${ioPressure()}% of the last 10 s`;

/**
 * A request every `everyMs` for `ms`. Its wait is how late it started after it was due, and it
 * is due at its time or when the one before it ended, whichever is later: on a loaded machine a
 * search can take longer than the interval, and the stream's own backlog is not time spent
 * behind other work. Returns each request's lateness and own duration, and the durations sorted.
 */
async function requests(
  ms: number,
  everyMs: number,
  call: (i: number) => Promise<void>,
  ended: () => boolean,
) {
  const each: { late: number; own: number; at: number }[] = [];
  let i = 0;
  let previousEnd = 0;
  const start = performance.now();
  await new Promise<void>((resolve) => {
    const tick = async () => {
      const due = Math.max(start + i * everyMs, previousEnd);
      const begun = performance.now();
      await call(i);
      previousEnd = performance.now();
      each.push({
        late: Math.max(0, begun - due),
        own: previousEnd - begun,
        at: performance.timeOrigin + begun,
      });
      i++;
      // Until the background work has ended too: every one of its batches meets requests.
      if (performance.now() - start > ms && ended()) return resolve();
      setTimeout(() => void tick(), Math.max(0, start + i * everyMs - performance.now()));
    };
    void tick();
  });
  return { each, own: each.map((r) => r.own).sort((a, b) => a - b) };
}

const queries = ['siti', 'muhammad riz', 'pt abadi', '0812-34', 'nurhaliz', 'dewi'];
const search = async (i: number) => {
  const answer = (await core.dispatch(
    'visitor.search',
    { query: queries[i % queries.length]! },
    { window: 'staff', sessionToken: token },
  )) as { ok: boolean };
  if (!answer.ok) throw new Error(`search refused: ${JSON.stringify(answer)}`);
};
let serial = 0;
// A write: it waits for the write lock whoever holds it, and on this thread (busy_timeout).
const checkIn = async () => {
  serial++;
  const answer = (await core.dispatch(
    'visit.checkIn',
    {
      fullName: `Tamu Bench ${serial}`,
      phone: `0899${String(10_000_000 + serial).slice(-8)}`,
      email: '',
      institution: 'CV Bench',
      visitorType: 'penyedia_badan_usaha',
      purpose: 'Konsultasi',
      noticeVersion: currentNotice().version,
      noticeDelivery: 'read_out',
    },
    { window: 'staff', sessionToken: token },
  )) as { ok: boolean };
  if (!answer.ok) throw new Error(`check-in refused: ${JSON.stringify(answer)}`);
};

/** Searches every 5 ms and a check-in every 100 ms, with `during` in the background. */
async function stream(ms: number, during?: () => Promise<unknown>) {
  let backgroundDone = !during;
  const background = during?.().finally(() => (backgroundDone = true));
  const [searches, writes] = await Promise.all([
    requests(ms, 5, search, () => backgroundDone),
    requests(ms, 100, checkIn, () => backgroundDone),
  ]);
  return { searches, writes, result: await background };
}

const ownTimes = (own: number[]) =>
  `own time p50 ${percentile(own, 50).toFixed(2)}, p99 ${percentile(own, 99).toFixed(2)} ms`;

function previous(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

function prepareNextDay(day: string): void {
  // 60 visits of yesterday left open, as when the desk closes in a hurry.
  core.db
    .prepare(
      `UPDATE visit SET status = 'waiting', checked_out_at = NULL
        WHERE id IN (SELECT id FROM visit WHERE service_day = ? LIMIT 60)`,
    )
    .run(previous(day));
  clock = new Date(`${day}T01:30:00Z`);
}

// Which part of a run holds the thread longest: the checkpoint after a wipe is one statement.
const checkpoints: number[] = [];
const pragma = core.db.pragma.bind(core.db);
core.db.pragma = ((source: string, options?: { simple?: boolean }) => {
  const t = performance.now();
  const r = pragma(source, options);
  if (source.startsWith('wal_checkpoint')) checkpoints.push(performance.now() - t);
  return r;
}) as typeof core.db.pragma;

/**
 * A request's wait: how late it started, and how much longer than the floor's median it took (a
 * write that meets the worker's lock waits inside the call, in SQLite's busy timeout; a search
 * writes too, its read-log entry).
 */
const waitOf = (r: { late: number; own: number }, usual: number) =>
  r.late + Math.max(0, r.own - usual);
const waitsOf = (w: { each: { late: number; own: number }[] }, usual: number) =>
  w.each.map((r) => waitOf(r, usual)).sort((a, b) => a - b);
/**
 * The longest waits with their wall-clock time (seconds since the epoch, as `strace -ttt` prints
 * it), to be laid beside a trace of the threads' locks and syncs.
 */
const longest = (w: { each: { late: number; own: number; at: number }[] }, usual: number) =>
  [...w.each]
    .sort((a, b) => waitOf(b, usual) - waitOf(a, usual))
    .slice(0, 3)
    .map((r) => `${(r.at / 1000).toFixed(6)} late ${r.late.toFixed(1)} own ${r.own.toFixed(1)}`)
    .join('; ');
/** The target's line, and how often a wait crossed it: per 1,000 requests, to compare streams. */
const TARGET_MS = 20;
const summary = (waits: number[]) => {
  const over = waits.filter((w) => w > TARGET_MS).length;
  return `wait p50 ${percentile(waits, 50).toFixed(2)}, p99 ${percentile(waits, 99).toFixed(2)}, max ${waits.at(-1)!.toFixed(2)} ms, over ${TARGET_MS} ms ${over} (${((1000 * over) / waits.length).toFixed(1)} per 1,000)`;
};

// A run with nothing due first: under tsx the worker's modules are compiled when it first starts
// (cached after), which the app's bundled housekeeping-worker.mjs never does.
await core.housekeepingInBackground();
// As long as a day of housekeeping in the worker takes (about 13 s): the longest wait of a
// stream grows with its length, and a 3 s floor (as before) hid the disk's own rare stalls.
const idle = await stream(FLOOR_MS);
const usualCheckIn = percentile(idle.writes.own, 50);
const usualSearch = percentile(idle.searches.own, 50);
const idleWrites = waitsOf(idle.writes, usualCheckIn);
const idleSearches = waitsOf(idle.searches, usualSearch);
console.log(
  `request stream with no background work (floor; ${context()}): searches ${summary(idleSearches)} (${idleSearches.length} requests; ${ownTimes(idle.searches.own)}); check-ins ${summary(idleWrites)} (${idleWrites.length}; ${ownTimes(idle.writes.own)})`,
);
console.log(
  `  longest: searches ${longest(idle.searches, usualSearch)}; check-ins ${longest(idle.writes, usualCheckIn)}`,
);
/**
 * The batches as they ran before, on the serving thread (RETENTION_BATCH, yielding between
 * batches), for days in between: the same load, the same run, the same kind of day.
 */
const onThread = () => {
  const audit = new AuditLog(core.db, () => clock);
  const retention = new RetentionJob(
    core.db,
    audit,
    () => clock,
    new RetentionSettingsStore(core.db, audit),
    null,
  );
  return new Housekeeping(core.visits, retention, undefined, undefined, () =>
    wipeFreedPagesOffThread(core.db),
  ).runInBackground();
};
const days = ['2024-01-10', '2024-01-11', '2024-01-12', '2024-01-13'];
for (const [n, day] of days.entries()) {
  const inWorker = n % 2 === 0;
  prepareNextDay(day);
  console.log(`${day} begins: ${context()}`);
  const busy = await stream(3000, async () => {
    const h0 = performance.now();
    // What the minute's timer runs (core.ts): batches in a worker thread.
    const r = await (inWorker ? core.housekeepingInBackground() : onThread());
    return { ...r, ms: performance.now() - h0 };
  });
  const searches = waitsOf(busy.searches, usualSearch);
  const max = searches.at(-1)!;
  const writes = waitsOf(busy.writes, usualCheckIn);
  console.log(
    `  longest: searches ${longest(busy.searches, usualSearch)}; check-ins ${longest(busy.writes, usualCheckIn)}`,
  );
  console.log(
    `  checkpoints on the serving thread: ${checkpoints.map((c) => c.toFixed(0)).join(', ')} ms`,
  );
  checkpoints.length = 0;
  console.log(
    `during housekeeping of ${day} (${context()} after it) ${inWorker ? 'in the worker' : 'on the serving thread (before)'} (${JSON.stringify(busy.result)}): searches ${summary(searches)} (${(max / idleSearches.at(-1)!).toFixed(1)}x the floor's max; ${searches.length} requests; ${ownTimes(busy.searches.own)}); check-ins ${summary(writes)} (${writes.length}; ${ownTimes(busy.writes.own)})`,
  );
}
core.close();
rmSync(dataDir, { recursive: true, force: true });
