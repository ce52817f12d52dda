/**
 * What this machine's disk takes to make a checkpoint durable, beside a request's own commit:
 * the time to fdatasync N pages of 4 KiB written at random places in a file the size of the
 * 1,000,000-visitor database (1.8 GB), against the floor of one page rewritten in place (a
 * commit's sync of a short log). Housekeeping's worker copies each batch's pages into the
 * database file after it (one anonymised visitor's: 52-147, bench/housekeeping-pages.ts); a desk
 * commit whose sync meets that flush waits for it (bench/housekeeping-stall.ts).
 *
 * Run: npx tsx bench/disk-flush.ts   (writes and removes a 1.8 GB file in bench/.data; ~1 minute)
 */
import { closeSync, fdatasyncSync, mkdirSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DATA_DIR } from './realistic-db';
import { percentile } from './synthetic-people';

const PAGE = 4096;
const SIZE = 1800 * 2 ** 20;
const ROUNDS = 25;
mkdirSync(DATA_DIR, { recursive: true });
const file = join(DATA_DIR, 'disk-flush.bin');
const fd = openSync(file, 'w+');
try {
  const chunk = Buffer.alloc(2 ** 20, 7);
  for (let at = 0; at < SIZE; at += chunk.length) writeSync(fd, chunk, 0, chunk.length, at);
  fdatasyncSync(fd);
  const page = Buffer.alloc(PAGE, 3);
  // A seeded walk, so that two runs write the same places.
  let seed = 17;
  const nextPage = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed % (SIZE / PAGE);
  };
  const flush = (pages: number, at: () => number): number[] => {
    const times: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      for (let i = 0; i < pages; i++) writeSync(fd, page, 0, PAGE, at() * PAGE);
      const t = performance.now();
      fdatasyncSync(fd);
      times.push(performance.now() - t);
    }
    return times.sort((a, b) => a - b);
  };
  const floor = flush(1, () => 0);
  const p50 = (t: number[]) => percentile(t, 50);
  console.log(
    `floor, one page rewritten in place: p50 ${p50(floor).toFixed(2)} ms, max ${floor.at(-1)!.toFixed(2)} ms`,
  );
  for (const pages of [50, 100, 150, 450]) {
    const t = flush(pages, nextPage);
    console.log(
      `${pages} random pages: p50 ${p50(t).toFixed(1)} ms (${(p50(t) / p50(floor)).toFixed(0)}x the floor), max ${t.at(-1)!.toFixed(1)} ms`,
    );
  }
} finally {
  closeSync(fd);
  rmSync(file, { force: true });
}
