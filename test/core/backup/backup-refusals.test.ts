import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { join, relative } from 'node:path';
import Database from 'better-sqlite3';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyForSet, readManifest } from '../../../electron/core/backup/backup-catalog';
import { documentPath, folderFailure, setsDir } from '../../../electron/core/backup/backup-folder';
import { DATABASE_FILE_IN_SET, MANIFEST_FILE } from '../../../electron/core/backup/manifest';
import { RESTORE_MARKER, STAGED_DIR } from '../../../electron/core/backup/restore';
import { sealFile, unsealFile } from '../../../electron/core/backup/sealed-file';
import type { AppError } from '../../../electron/core/errors';
import { LATEST_SCHEMA_VERSION } from '../../../electron/core/db/migrations';
import { escalateCase } from '../../helpers/escalate';
import { cleanup, startWithAdmin, tempDir, type TestCore } from '../../helpers/temp-core';

const PASSPHRASE = 'kata-sandi-cadangan-uji';
const SETTINGS = { dailyAt: '23:59', onClose: false, keepDaily: 7, keepWeekly: 4, staleHours: 36 };

async function pdf(text: string): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage([200, 200]).drawText(text, { x: 10, y: 100, size: 10 });
  return Buffer.from(await doc.save());
}

/** Every file of the live data (database, WAL, documents) by its SHA-256. */
function liveHashes(dataDir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && e.name !== 'loket.lock')
        out.set(relative(dataDir, p), createHash('sha256').update(readFileSync(p)).digest('hex'));
    }
  };
  walk(dataDir);
  return out;
}

function canMountTmpfs(): boolean {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  const probe = tempDir('loket-mount-probe-');
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe]);
    return true;
  } catch {
    return false;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}

let source: TestCore;
let live: TestCore;
let backupDir: string;
let setId: string;
const dirs: string[] = [];

beforeAll(async () => {
  source = await startWithAdmin();
  backupDir = tempDir('loket-backup-target-');
  dirs.push(backupDir);
  await escalateCase(source, {
    fullName: 'Rina Kartika',
    documents: [{ name: 'NIB.pdf', bytes: await pdf('NIB Rina') }],
  });
  await source.must('backup.saveSettings', {
    folder: backupDir,
    passphrase: PASSPHRASE,
    ...SETTINGS,
  });
  setId = (await source.must('backup.runNow', {})).id;
  // The desk that is asked to restore: its own data must survive every refusal unchanged.
  live = await startWithAdmin();
  await escalateCase(live, {
    fullName: 'Dewi Lestari',
    documents: [{ name: 'SIUP.pdf', bytes: await pdf('SIUP Dewi') }],
  });
}, 60_000);

afterAll(async () => {
  await cleanup(source);
  await cleanup(live);
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A copy of the backup folder for one kind of damage. */
function variant(damage: (folder: string) => void): string {
  const folder = tempDir('loket-backup-variant-');
  dirs.push(folder);
  cpSync(backupDir, folder, { recursive: true });
  damage(folder);
  return folder;
}

async function expectRefused(
  folder: string,
  passphrase: string,
  code: string,
  where: 'inspect' | 'restore',
): Promise<void> {
  // The log copied into the file now: the desk's checkpointer would otherwise do it any moment,
  // changing the file's bytes though not one row.
  live.core.db.pragma('wal_checkpoint(PASSIVE)');
  const before = liveHashes(live.dataDir);
  if (where === 'inspect') {
    const inspected = await live.call('backup.inspect', { folder, passphrase, id: setId });
    expect(inspected.ok ? 'ok' : inspected.error.code).toBe(code);
  }
  const restored = await live.call('backup.restore', {
    folder,
    passphrase,
    id: setId,
    confirm: true,
  });
  expect(restored.ok ? 'ok' : restored.error.code).toBe(code);
  if (!restored.ok) expect(restored.error.message).toMatch(/Data Loket tidak diubah/);
  expect(liveHashes(live.dataDir)).toEqual(before);
  expect(existsSync(join(live.dataDir, RESTORE_MARKER))).toBe(false);
  expect(existsSync(join(live.dataDir, STAGED_DIR))).toBe(false);
}

describe('a backup that must not be restored is refused, and the live data is unchanged', () => {
  it('one flipped byte in the database', async () => {
    const folder = variant((f) => {
      const file = join(setsDir(f), setId, DATABASE_FILE_IN_SET);
      const bytes = readFileSync(file);
      const at = Math.floor(bytes.length / 2);
      bytes[at] = bytes[at]! ^ 0x01;
      writeFileSync(file, bytes);
    });
    await expectRefused(folder, PASSPHRASE, 'BACKUP_DAMAGED', 'restore');
  });

  it('one flipped byte in a document', async () => {
    const key = await keyForSet(backupDir, setId, null, PASSPHRASE);
    const m = await readManifest(join(setsDir(backupDir), setId, MANIFEST_FILE), key);
    const doc = m.documents[0]!;
    const folder = variant((f) => {
      const file = documentPath(f, m.keyId, doc.name);
      const bytes = readFileSync(file);
      bytes[bytes.length - 20] = bytes[bytes.length - 20]! ^ 0x80;
      writeFileSync(file, bytes);
    });
    await expectRefused(folder, PASSPHRASE, 'BACKUP_DAMAGED', 'restore');
  });

  it('a database file cut short (a copy that stopped half-way)', async () => {
    const folder = variant((f) => {
      const file = join(setsDir(f), setId, DATABASE_FILE_IN_SET);
      truncateSync(file, Math.floor(statSync(file).size * 0.6));
    });
    await expectRefused(folder, PASSPHRASE, 'BACKUP_DAMAGED', 'restore');
  });

  it('a wrong passphrase', async () => {
    await expectRefused(backupDir, 'bukan-kata-sandinya', 'BACKUP_WRONG_PASSPHRASE', 'inspect');
    const listed = await live.must('backup.list', {
      folder: backupDir,
      passphrase: 'bukan-kata-sandinya',
    });
    expect(listed).toEqual([
      expect.objectContaining({ readable: false, problem: 'BACKUP_WRONG_PASSPHRASE' }),
    ]);
  });

  it('a backup of a newer schema (made by a newer Loket)', async () => {
    const key = await keyForSet(backupDir, setId, null, PASSPHRASE);
    const newer = LATEST_SCHEMA_VERSION + 1;
    const work = tempDir();
    dirs.push(work);
    const folder = variant((f) => void f);
    const set = join(setsDir(folder), setId);
    const plain = join(work, 'db.sqlite');
    await unsealFile(join(set, DATABASE_FILE_IN_SET), plain, key);
    const db = new Database(plain);
    db.pragma(`user_version = ${newer}`);
    db.close();
    const m = await readManifest(join(set, MANIFEST_FILE), key);
    rmSync(join(set, DATABASE_FILE_IN_SET));
    const meta = { schemaVersion: newer, loketVersion: m.summary.loketVersion };
    const sealed = await sealFile(
      plain,
      join(set, DATABASE_FILE_IN_SET),
      key,
      { kind: 'database', ...meta },
      new Date(),
    );
    rmSync(join(set, MANIFEST_FILE));
    const manifest = {
      ...m,
      database: { sha256: sealed.sha256, bytes: sealed.plainBytes },
      summary: { ...m.summary, schemaVersion: newer },
    };
    await sealFile(
      Buffer.from(JSON.stringify(manifest)),
      join(set, MANIFEST_FILE),
      key,
      { kind: 'manifest', ...meta },
      new Date(),
    );
    await expectRefused(folder, PASSPHRASE, 'BACKUP_NEWER_VERSION', 'inspect');
  });
});

describe('a backup folder that cannot take a backup', () => {
  it('missing (the USB disk is not plugged in): refused with the reason, recorded as the last failure', async () => {
    const gone = join(tempDir(), 'usb-tidak-ada');
    const t = await startWithAdmin();
    try {
      mkdirSync(gone);
      await t.must('backup.saveSettings', { folder: gone, passphrase: PASSPHRASE, ...SETTINGS });
      rmSync(gone, { recursive: true });
      const r = await t.call('backup.runNow', {});
      expect(r.ok ? 'ok' : r.error.code).toBe('BACKUP_FOLDER_MISSING');
      expect(existsSync(gone)).toBe(false); // never silently created on the PC's own disk
      const status = await t.must('backup.status', {});
      expect(status).toMatchObject({
        configured: true,
        lastGood: null,
        stale: true,
        lastFailure: { code: 'BACKUP_FOLDER_MISSING' },
      });
    } finally {
      await cleanup(t);
    }
  });

  it('read-only: refused, and the settings are not saved with it', async () => {
    const folder = tempDir('loket-backup-ro-');
    dirs.push(folder);
    const t = await startWithAdmin();
    const root = process.getuid?.() === 0;
    // Root writes through a 0500 folder; the immutable attribute stops root too.
    if (root) execFileSync('chattr', ['+i', folder]);
    else chmodSync(folder, 0o500);
    try {
      const r = await t.call('backup.saveSettings', {
        folder,
        passphrase: PASSPHRASE,
        ...SETTINGS,
      });
      expect(r.ok ? 'ok' : r.error.code).toBe('BACKUP_FOLDER_READONLY');
      expect((await t.must('backup.settings', {})).folder).toBe('');
    } finally {
      if (root) execFileSync('chattr', ['-i', folder]);
      else chmodSync(folder, 0o700);
      await cleanup(t);
    }
  });

  it.runIf(canMountTmpfs())(
    'full (a 256 KiB disk): refused before anything is half-written',
    async () => {
      const folder = tempDir('loket-backup-full-');
      dirs.push(folder);
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', folder]);
      const t = await startWithAdmin();
      try {
        await escalateCase(t, { documents: [{ name: 'NIB.pdf', bytes: await pdf('NIB') }] });
        await t.must('backup.saveSettings', { folder, passphrase: PASSPHRASE, ...SETTINGS });
        const r = await t.call('backup.runNow', {});
        expect(r.ok ? 'ok' : r.error.code).toBe('BACKUP_FOLDER_FULL');
        expect(readdirSync(setsDir(folder))).toEqual([]);
      } finally {
        await cleanup(t);
        execFileSync('umount', [folder]);
      }
    },
  );

  it('full: a file system error of a full disk says so', () => {
    const full = Object.assign(new Error('no space'), { code: 'ENOSPC' });
    const readOnly = Object.assign(new Error('read-only'), { code: 'EROFS' });
    expect((folderFailure(full, '/media/usb') as AppError).code).toBe('BACKUP_FOLDER_FULL');
    expect((folderFailure(readOnly, '/media/usb') as AppError).code).toBe('BACKUP_FOLDER_READONLY');
  });
});
