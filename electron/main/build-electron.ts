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
  'file-type',
  'chokidar',
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
// The background integrity check of a large database, also a worker thread.
await build({
  entryPoints: [join(root, 'electron/core/db/integrity-worker.ts')],
  outfile: join(root, 'dist-electron/integrity-worker.mjs'),
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
console.log('dist-electron/main.js, pdf-inspect-worker.mjs and preload.cjs built');
