import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterEach, describe, expect, it } from 'vitest';
import { LOCK_FILE, lockDataFolder } from '../../electron/core/db/data-folder';
import { openDatabase } from '../../electron/core/db/open-database';
import { startRefusalMessage } from '../../electron/core/errors';
import { startBrowserMode, type BrowserMode } from '../../electron/server/browser-mode';
import { escalateCase } from '../helpers/escalate';
import { ADMIN, tempDir, testCoreOf } from '../helpers/temp-core';

let mode: BrowserMode | undefined;
afterEach(async () => {
  await mode?.stop();
  mode = undefined;
});

/** Every file and folder under `dir` (the folder included) with its permission bits. */
function modes(dir: string): Map<string, number> {
  const found = new Map<string, number>();
  const walk = (path: string) => {
    const s = lstatSync(path);
    found.set(path.slice(dir.length) || '/', s.mode & 0o777);
    if (s.isDirectory()) for (const name of readdirSync(path)) walk(join(path, name));
  };
  walk(dir);
  return found;
}

async function pdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage([200, 200]).drawText('NIB', { x: 10, y: 100, size: 10 });
  return doc.save();
}

describe('the data folder', () => {
  it('is private to the user: folders 0700, the database, its WAL, documents, uploads and the secret 0600', async () => {
    // Left by an older Loket under the usual umask 022: a world-readable folder and database.
    process.umask(0o022);
    const dataDir = join(tempDir(), 'Loket');
    mkdirSync(join(dataDir, 'attachments', 'ab'), { recursive: true });
    openDatabase(join(dataDir, 'loket.sqlite')).close();
    writeFileSync(join(dataDir, 'attachments', 'ab', 'old-document'), 'x');
    chmodSync(dataDir, 0o755);
    expect(statSync(join(dataDir, 'loket.sqlite')).mode & 0o777).toBe(0o644);

    mode = await startBrowserMode({ dataDir, rendererDir: dataDir });
    const t = testCoreOf(mode.core, dataDir);
    await t.must('setup.createFirstAdmin', ADMIN);
    t.token = (
      await t.must('auth.login', { username: ADMIN.username, pin: ADMIN.pin })
    ).sessionToken;
    await t.must('helpdesk.saveSettings', {
      kind: 'json',
      url: 'https://helpdesk.lkpp.go.id/loket/v1',
      secret: 'token-rahasia',
    });
    await escalateCase(t, { documents: [{ name: 'NIB.pdf', bytes: Buffer.from(await pdf()) }] });
    await mode.core.stageUpload(t.token, await pdf()); // staged, not attached yet

    const found = modes(dataDir);
    for (const name of ['/loket.sqlite', '/loket.sqlite-wal', '/secrets/helpdesk'])
      expect(found.has(name), name).toBe(true);
    expect([...found.keys()].some((p) => p.startsWith('/uploads/'))).toBe(true);
    expect([...found.keys()].filter((p) => p.startsWith('/attachments/')).length).toBeGreaterThan(
      3,
    );
    const open = [...found].filter(([path, m]) => {
      const isDir = lstatSync(join(dataDir, path)).isDirectory();
      return m !== (isDir ? 0o700 : 0o600);
    });
    expect(open.map(([path, m]) => `${path} ${m.toString(8)}`)).toEqual([]);
  });
});

describe('the data folder lock', () => {
  const holder = (over: Record<string, unknown>) =>
    JSON.stringify({
      pid: process.pid,
      processStart: null,
      host: 'desktop',
      hostname: hostname(),
      startedAt: '2026-11-24T01:00:00.000Z',
      ...over,
    });
  const lock = (dir: string) => lockDataFolder(dir, 'browser', () => new Date());

  it('is taken over from a process that died, from a pid now used by another process, and from a half-written file', () => {
    const dir = tempDir();
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    for (const left of [
      holder({ pid: dead }),
      holder({ processStart: 'another-boot:12345' }),
      '',
    ]) {
      writeFileSync(join(dir, LOCK_FILE), left);
      const taken = lock(dir);
      expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8'))).toMatchObject({
        pid: process.pid,
        host: 'browser',
      });
      taken.release();
      expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    }
  });

  it('is not taken from a Loket on another computer (a shared folder), and says which one', () => {
    const dir = tempDir();
    writeFileSync(join(dir, LOCK_FILE), holder({ hostname: 'loket-resepsionis', pid: 4242 }));
    let refusal: unknown;
    try {
      lock(dir);
    } catch (err) {
      refusal = err;
    }
    expect(refusal).toMatchObject({ code: 'DATA_FOLDER_IN_USE' });
    expect(startRefusalMessage(refusal, 'id')).toBe(
      `Folder data ${dir} sedang dipakai oleh Loket lain (aplikasi desktop, PID 4242 di komputer loket-resepsionis, berjalan sejak 2026-11-24 08.00 WIB). Dua Loket tidak boleh memakai satu folder data: tutup Loket tersebut terlebih dahulu, atau gunakan folder data lain (--data-dir). Bila Loket tersebut sudah tidak berjalan (misalnya folder data disalin dari komputer lain), hapus berkas ${join(dir, LOCK_FILE)}.`,
    );
  });
});
