/**
 * How many pages each of the housekeeping worker's batches writes at 1,000,000 realistic
 * visitors: its steps at its sizes (WORKER_SIZES: one visitor anonymised a batch), on a
 * connection set up as the worker's, each batch followed by the worker's PASSIVE checkpoint,
 * whose count of log frames is the batch's pages. Those pages are what the checkpoint then writes
 * into the database file and syncs (bench/disk-flush.ts times such a sync).
 *
 * Run: npx tsx bench/housekeeping-pages.ts [batches=100]   (per step; uses realistic-db.ts's database)
 */
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { AuditLog } from '../electron/core/audit';
import { syncFiles } from '../electron/core/backup/backup-folder';
import { registerSqlFunctions } from '../electron/core/db/sql-functions';
import { WORKER_SIZES } from '../electron/core/privacy/housekeeping-off-thread';
import { housekeepingSteps } from '../electron/core/privacy/housekeeping';
import { RetentionJob } from '../electron/core/privacy/retention';
import { RetentionSettingsStore } from '../electron/core/privacy/retention-settings';
import { VisitService } from '../electron/core/reception/visits';
import { DATA_DIR, ensureRealisticDb } from './realistic-db';
import { percentile } from './synthetic-people';

const batches = Number(process.argv[2] ?? 100);
const source = ensureRealisticDb(1_000_000);
const dir = join(DATA_DIR, 'housekeeping-pages');
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
const file = join(dir, 'loket.sqlite');
copyFileSync(source, file);
await syncFiles([file]);

// As housekeeping-worker.ts opens its connection.
const db = new Database(file, { fileMustExist: true });
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.pragma('foreign_keys = ON');
db.pragma('secure_delete = ON');
db.pragma('wal_autocheckpoint = 0');
db.pragma('cache_size = -32000');
registerSqlFunctions(db);
db.pragma('wal_checkpoint(TRUNCATE)');

// Two years into the database's five: visitors whose last visit is past retention are there.
const now = () => new Date('2024-01-10T02:00:00Z');
const audit = new AuditLog(db, now);
const retention = new RetentionJob(db, audit, now, new RetentionSettingsStore(db, audit));
const steps = housekeepingSteps(new VisitService(db, audit, now), retention, WORKER_SIZES);
const pages = new Map<string, number[]>();
// Each batch's time holding the write lock (its transaction), beside the pages it wrote.
const times = new Map<string, { ms: number; pages: number }[]>();
// As housekeeping-stall.ts's next day: 60 visits of the day before left open.
db.prepare(
  `UPDATE visit SET status = 'waiting', checked_out_at = NULL
    WHERE id IN (SELECT id FROM visit WHERE service_day = '2024-01-09' LIMIT 60)`,
).run();
for (const [position, step] of steps.entries()) {
  const kind = `step ${position + 1}, ${step.kind} (${step.size} a batch)`;
  for (let i = 0; i < batches; i++) {
    const t0 = performance.now();
    const n = step.batch();
    const ms = performance.now() - t0;
    if (n === 0) break;
    const [r] = db.pragma('wal_checkpoint(PASSIVE)') as { log: number }[];
    pages.set(kind, [...(pages.get(kind) ?? []), r?.log ?? 0]);
    times.set(kind, [...(times.get(kind) ?? []), { ms, pages: r?.log ?? 0 }]);
    if (n < step.size) break;
  }
}
db.close();
rmSync(dir, { recursive: true, force: true });
for (const [kind, written] of pages) {
  written.sort((a, b) => a - b);
  console.log(
    `${kind}: ${written.length} batches, pages written p50 ${percentile(written, 50)}, p95 ${percentile(written, 95)}, max ${written.at(-1)}`,
  );
  const batchTimes = (times.get(kind) ?? []).sort((a, b) => a.ms - b.ms);
  const ms = batchTimes.map((b) => b.ms);
  console.log(
    `  transaction p50 ${percentile(ms, 50).toFixed(1)}, p95 ${percentile(ms, 95).toFixed(1)}, max ${ms.at(-1)?.toFixed(1)} ms; the three slowest wrote ${batchTimes
      .slice(-3)
      .map((b) => `${b.pages} pages in ${b.ms.toFixed(1)} ms`)
      .join(', ')}`,
  );
}
