/**
 * One IKM export of a whole year, in a process of its own, so that its peak memory (maxRSS) is
 * the export's alone: what bench/reports.ts compares for XLSX and CSV.
 * Run by bench/reports.ts: tsx bench/report-export-child.ts <db> <csv|xlsx> <out>
 */
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { runExport } from '../electron/core/reports/export-task';

const [file, format, out] = process.argv.slice(2) as [string, 'csv' | 'xlsx', string];
const db = new Database(file, { readonly: true });
const t0 = performance.now();
await runExport(
  db,
  {
    report: 'ikm',
    format,
    from: '2026-01-01',
    to: '2026-12-31',
    cut: null,
    locale: 'id',
    now: new Date().toISOString(),
  },
  out,
  () => {},
);
const ms = performance.now() - t0;
db.close();
const usage = process.resourceUsage();
// CPU time (all threads: zlib deflates on the libuv pool) tells the work apart from the waiting
// for a core on a shared machine.
const cpuMs = (usage.userCPUTime + usage.systemCPUTime) / 1000;
console.log(JSON.stringify({ ms, cpuMs, peakMb: usage.maxRSS / 1024 }));
