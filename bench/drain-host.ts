/**
 * The host side of drain-backlog.ts, in its own process so that its memory is its own: opens a
 * Loket data directory whose outbox holds a backlog, points it at an RT, and lets the sync worker
 * deliver everything. Prints one JSON line of figures.
 * Arguments: dataDir rtUrl rtPassword
 */
import { readFileSync } from 'node:fs';
import { createCore } from '../electron/core/core';
import { ADMIN } from '../test/helpers/temp-core';
import { LOKET_QUEUE } from '../test/helpers/rt/rt-setup';

const [dataDir, rtUrl, rtPassword] = process.argv.slice(2);
if (!dataDir || !rtUrl || !rtPassword)
  throw new Error('usage: drain-host dataDir rtUrl rtPassword');

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
const peakRssMb = () => {
  const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  return hwm ? Math.round(Number(hwm[1]) / 1024) : NaN;
};

const core = createCore({ dataDir, logError: (err) => console.error(err) });
const login = await core.dispatch('auth.login', ADMIN, { window: 'staff' });
if (!login.ok) throw new Error(JSON.stringify(login.error));
const sessionToken = (login.value as { sessionToken: string }).sessionToken;
const saved = await core.dispatch(
  'helpdesk.saveSettings',
  {
    kind: 'rt',
    url: rtUrl,
    queue: LOKET_QUEUE,
    username: 'root',
    secret: rtPassword,
    lateAfterMinutes: 30,
  },
  { window: 'staff', sessionToken },
);
if (!saved.ok) throw new Error(JSON.stringify(saved.error));

const pending = core.db.prepare<[], number>(
  `SELECT count(*) FROM outbox WHERE state <> 'delivered'`,
);
const backlog = pending.pluck().get() ?? 0;
global.gc?.();
const baselineMb = mb(process.memoryUsage().rss);
let sampledPeakMb = baselineMb;
const started = performance.now();
core.startSync(1000);
for (;;) {
  await new Promise((r) => setTimeout(r, 200));
  sampledPeakMb = Math.max(sampledPeakMb, mb(process.memoryUsage().rss));
  if (process.env.DRAIN_DEBUG) {
    const m = process.memoryUsage();
    console.error(
      JSON.stringify({
        rss: mb(m.rss),
        heap: mb(m.heapUsed),
        total: mb(m.heapTotal),
        ext: mb(m.external),
        ab: mb(m.arrayBuffers),
      }),
    );
  }
  const left = pending.pluck().get() ?? 0;
  const failed = core.db
    .prepare(`SELECT count(*) FROM outbox WHERE state = 'failed'`)
    .pluck()
    .get();
  if (failed) throw new Error(`${String(failed)} entries parked as failed`);
  if (left === 0) break;
}
const seconds = (performance.now() - started) / 1000;
const tickets = core.db
  .prepare('SELECT count(DISTINCT remote_id) FROM backend_link')
  .pluck()
  .get() as number;
console.log(
  JSON.stringify({
    backlog,
    seconds,
    tickets,
    baselineMb,
    peakMb: Math.max(sampledPeakMb, peakRssMb()),
    endMb: mb(process.memoryUsage().rss),
  }),
);
core.close();
