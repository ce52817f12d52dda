/**
 * Memory of the host while attaching 200 files of 5 MB one after another: the resident set must
 * stay flat (files are streamed, never held whole). Run: npx tsx bench/attach-memory.ts
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AttachmentStore } from '../electron/core/attachments/attachment-store';

const FILES = 200;
const SIZE = 5 * 1024 * 1024;
const dir = join(import.meta.dirname, '.data', 'attach-memory');
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
const store = new AttachmentStore(join(dir, 'store'));
const source = join(dir, 'source.pdf');
const head = Buffer.from('%PDF-1.7\n');
const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
const rss: number[] = [];
for (let i = 1; i <= FILES; i++) {
  writeFileSync(source, Buffer.concat([head, randomBytes(SIZE - head.length)]));
  const { sha256 } = await store.put({ path: source });
  rss.push(process.memoryUsage().rss);
  await store.remove(sha256); // keeps the disk small; the memory under test is put()'s
}
const at = (n: number) => rss[n - 1]!;
console.log(`resident memory while attaching ${FILES} files of 5 MB:`);
for (const n of [1, 10, 50, 100, 200])
  console.log(`  after ${String(n).padStart(3)}: ${mb(at(n))} MB`);
console.log(`  peak: ${mb(Math.max(...rss))} MB`);
console.log(
  `  slope from file 10 to 200: ${mb(((at(200) - at(10)) / 190) * 100)} MB per 100 files (flat is ~0)`,
);
rmSync(dir, { recursive: true, force: true });
