/**
 * Attaching a 20 MB PDF (stream, hash, sniff, fsync, rename) against `sha256sum` of the same
 * file as the floor. Run: npx tsx bench/attach-20mb.ts
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { AttachmentStore } from '../electron/core/attachments/attachment-store';

const SIZE = 20 * 1024 * 1024;
const RUNS = 7;
const dir = join(import.meta.dirname, '.data', 'attach-20mb');
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const put: number[] = [];
const floor: number[] = [];
for (let i = 0; i < RUNS; i++) {
  // A fresh file each run, so that no run is a cheap "already stored".
  const file = join(dir, `doc-${i}.pdf`);
  writeFileSync(file, Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(SIZE - 9)]));
  const store = new AttachmentStore(join(dir, 'store'), 25 * 1024 * 1024);
  let t0 = performance.now();
  execFileSync('sha256sum', [file]);
  floor.push(performance.now() - t0);
  t0 = performance.now();
  await store.put({ path: file });
  put.push(performance.now() - t0);
}
console.log(`attaching a 20 MB PDF, median of ${RUNS}:`);
console.log(`  AttachmentStore.put (hash + sniff + write + fsync): ${median(put).toFixed(1)} ms`);
console.log(`  sha256sum of the same file (the floor):            ${median(floor).toFixed(1)} ms`);
console.log(
  `  ratio:                                              ${(median(put) / median(floor)).toFixed(2)}x`,
);
rmSync(dir, { recursive: true, force: true });
