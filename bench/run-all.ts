/** Runs every benchmark in turn; each prints its own figures. Run: npm run bench */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const benches = [
  'checkin-throughput.ts',
  'visitor-search.ts',
  'open-large.ts',
  'upgrade-20.ts',
  'housekeeping-stall.ts',
  'attach-20mb.ts',
  'attach-memory.ts',
  'ikm-report.ts',
  'polled-calls.ts',
  'records-search.ts',
];
for (const bench of benches) {
  console.log(`\n== ${bench}`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, bench)], {
    stdio: 'inherit',
  });
  if (r.status !== 0) process.exitCode = 1;
}
