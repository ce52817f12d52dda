/**
 * Bundles the Electron main process (ESM) and the preload (CommonJS: sandboxed preloads must be)
 * into dist-electron/. Native and Electron-provided modules stay external.
 * Run: npx tsx electron/main/build-electron.ts
 */
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const external = [
  'electron',
  'better-sqlite3',
  'electron-store',
  'exceljs',
  'pdf-lib',
  // pdfkit reads its font metrics (AFM files) from its own folder at run time.
  'pdfkit',
  'file-type',
  'chokidar',
  // pdfkit reads its font metrics (.afm) next to its own files at run time, which a bundle would
  // leave behind; the printer library loads its printer drivers lazily, by name.
  'pdfkit',
  'node-thermal-printer',
];

await build({
  entryPoints: [join(root, 'electron/main/main.ts')],
  outfile: join(root, 'dist-electron/main.js'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  external,
  logLevel: 'warning',
});
// The PDF check runs in a worker thread; the host finds it next to main.js.
await build({
  entryPoints: [join(root, 'electron/core/attachments/pdf-inspect-worker.ts')],
  outfile: join(root, 'dist-electron/pdf-inspect-worker.mjs'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  external,
  logLevel: 'warning',
});
// The backup's integrity check of its snapshot, and its encryption, run in worker threads too.
await build({
  entryPoints: [join(root, 'electron/core/backup/sealing-worker.ts')],
  outfile: join(root, 'dist-electron/backup-sealing-worker.mjs'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  external,
  logLevel: 'warning',
});
await build({
  entryPoints: [join(root, 'electron/core/backup/snapshot-worker.ts')],
  outfile: join(root, 'dist-electron/backup-snapshot-worker.mjs'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  external,
  logLevel: 'warning',
});
// Report exports run in a worker thread too (electron/core/reports/export-jobs.ts).
await build({
  entryPoints: [join(root, 'electron/core/reports/export-worker.ts')],
  outfile: join(root, 'dist-electron/report-export-worker.mjs'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  external,
  logLevel: 'warning',
});
await build({
  entryPoints: [join(root, 'electron/preload/preload.ts')],
  outfile: join(root, 'dist-electron/preload.cjs'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['electron'],
  logLevel: 'warning',
});
console.log(
  'dist-electron/main.js, pdf-inspect-worker.mjs, report-export-worker.mjs and preload.cjs built',
);
