/**
 * Memory of the host while storing 200 different scanned PDFs of 5 MB one after another through
 * `AttachmentStore.put`, upload check included (the file read back once and inspected in the PDF
 * worker, whose memory is part of the process's). The resident set must stay flat: nothing of a
 * stored file may stay behind. Run: npx tsx bench/attach-memory.ts [--files N]
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AttachmentStore } from '../electron/core/attachments/attachment-store';
import { sharedPdfInspector } from '../electron/core/attachments/pdf-inspector';
import { ScannedPdf } from './scanned-pdf';

const arg = process.argv.indexOf('--files');
const FILES = arg > 0 ? Number(process.argv[arg + 1]) : 200;
if (!Number.isInteger(FILES) || FILES < 60) throw new Error('--files: a whole number, 60 or more');
const SIZE = 5 * 1024 * 1024;
const dir = join(import.meta.dirname, '.data', 'attach-memory');
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
const inspector = sharedPdfInspector();
inspector.warm(); // as hosts do at start
const store = new AttachmentStore(join(dir, 'store'), undefined, inspector);
const source = join(dir, 'source.pdf');
const pdf = await ScannedPdf.ofAtMost(SIZE);
const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
const before = process.memoryUsage().rss;
const rss: number[] = [];
const mainThread: number[] = [];
for (let i = 1; i <= FILES; i++) {
  writeFileSync(source, pdf.refill());
  const { sha256, pageCount, alreadyStored } = await store.put({ path: source });
  if (alreadyStored || pageCount !== pdf.pages) throw new Error('not a fresh, checked file');
  const usage = process.memoryUsage();
  rss.push(usage.rss);
  mainThread.push(usage.heapTotal + usage.external); // external includes Buffers
  await store.remove(sha256); // keeps the disk small; the memory under test is put()'s
}
const at = (n: number) => rss[n - 1]!;
console.log(
  `resident memory while storing ${FILES} different PDFs of ${mb(pdf.bytes.length)} MB (${pdf.pages} pages each):`,
);
console.log(`  before the first (worker started, file built): ${mb(before)} MB`);
for (const n of [1, 10, 50, 100, 150, 200, 300, 400, 600, 800].filter((n) => n <= FILES))
  console.log(`  after ${String(n).padStart(3)}: ${mb(at(n))} MB`);
console.log(`  peak: ${mb(Math.max(...rss))} MB`);
const slope = (from: number) =>
  `${mb(((at(FILES) - at(from)) / (FILES - from)) * 100)} MB per 100 files`;
console.log(`  slope from file 10 to ${FILES}: ${slope(10)} (flat is ~0); from 50: ${slope(50)}`);
console.log(
  `  of it the main thread's heap and buffers: ${mb(Math.min(...mainThread))}–${mb(Math.max(...mainThread))} MB (the rest: the PDF worker, code, native)`,
);
await inspector.close();
rmSync(dir, { recursive: true, force: true });
