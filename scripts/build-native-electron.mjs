#!/usr/bin/env node
/**
 * `npm run build:native`: builds better-sqlite3 for the installed Electron's ABI into
 * native/electron/<version>-<platform>-<arch>/, leaving node_modules (Node's build, which the
 * tests and browser mode use) untouched. @electron/rebuild needs Electron's headers (or
 * better-sqlite3's prebuilt binary) from the internet: without it this says so in one line and
 * skips, and `npm start` falls back to browser mode. Needs Node >= 22.12 (@electron/rebuild 4).
 */
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const electronVersion = JSON.parse(
  readFileSync(require.resolve('electron/package.json'), 'utf8'),
).version;
const sqliteDir = dirname(require.resolve('better-sqlite3/package.json'));
const headersUrl = process.env.npm_config_disturl || 'https://electronjs.org/headers';
const target = join(
  root,
  'native',
  'electron',
  `${electronVersion}-${process.platform}-${process.arch}`,
);

async function reachable(url) {
  try {
    await fetch(url, { method: 'HEAD', signal: AbortSignal.timeout(5_000) });
    return true;
  } catch {
    return false;
  }
}

if (!(await reachable(headersUrl))) {
  console.log(
    `Build better-sqlite3 untuk Electron ${electronVersion} dilewati: header Electron (${headersUrl}) tidak dapat diunduh tanpa internet. / Skipped: Electron's headers need the internet.`,
  );
  process.exit(0);
}

const { rebuild } = await import('@electron/rebuild');
// A project of its own, so the rebuild never touches the build in node_modules.
const work = mkdtempSync(join(tmpdir(), 'loket-native-'));
try {
  const sqlite = join(work, 'node_modules', 'better-sqlite3');
  cpSync(sqliteDir, sqlite, {
    recursive: true,
    filter: (src) => !src.includes(`${sqliteDir}/build`),
  });
  const { version } = JSON.parse(readFileSync(join(sqlite, 'package.json'), 'utf8'));
  writeFileSync(
    join(work, 'package.json'),
    JSON.stringify({
      name: 'loket-native',
      private: true,
      dependencies: { 'better-sqlite3': version },
    }),
  );
  await rebuild({ buildPath: work, electronVersion, onlyModules: ['better-sqlite3'], force: true });
  const built = join(sqlite, 'build', 'Release', 'better_sqlite3.node');
  if (!existsSync(built)) throw new Error(`no ${built} after the rebuild`);
  mkdirSync(target, { recursive: true });
  copyFileSync(built, join(target, 'better_sqlite3.node'));
  console.log(`better-sqlite3 untuk Electron ${electronVersion}: ${target}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
