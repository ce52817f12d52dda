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
// The workers (PDF inspection, the backup's snapshot check and sealing, report exports, the background integrity check and checkpoint, housekeeping's batches) run in
// worker threads, each bundled to its own file beside the main process.
const WORKERS: readonly [source: string, bundle: string][] = [
  ['electron/core/attachments/pdf-inspect-worker.ts', 'pdf-inspect-worker.mjs'],
  ['electron/core/backup/sealing-worker.ts', 'backup-sealing-worker.mjs'],
  ['electron/core/backup/snapshot-worker.ts', 'backup-snapshot-worker.mjs'],
  ['electron/core/reports/export-worker.ts', 'report-export-worker.mjs'],
  ['electron/core/db/integrity-worker.ts', 'integrity-worker.mjs'],
  ['electron/core/db/checkpoint-worker.ts', 'checkpoint-worker.mjs'],
  ['electron/core/db/checkpointer-worker.ts', 'checkpointer-worker.mjs'],
  ['electron/core/privacy/housekeeping-worker.ts', 'housekeeping-worker.mjs'],
];
for (const [source, bundle] of WORKERS) {
  await build({
    entryPoints: [join(root, source)],
    outfile: join(root, 'dist-electron', bundle),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    external,
    logLevel: 'warning',
  });
}
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
