import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { startBrowserMode, type BrowserMode } from '../../../electron/server/browser-mode';
import { checkBackup } from '../../../electron/core/backup/restore';
import { keyForSet } from '../../../electron/core/backup/backup-catalog';
import {
  ADMIN,
  cleanup,
  startTestCore,
  tempDir,
  testCoreOf,
  type TestCore,
} from '../../helpers/temp-core';

const CHILD = join(import.meta.dirname, 'writer-child.ts');
const PASSPHRASE = 'kata-sandi-cadangan-uji';

interface Acks {
  visits: number[];
  docs: { caseId: number; sha256: string }[];
}

function startWriter(mode: BrowserMode): { child: ChildProcess; acks: Acks; ready: Promise<void> } {
  const url = new URL(mode.http.launchUrl);
  const token = /token=([\w-]+)/.exec(url.hash)?.[1] ?? '';
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', CHILD, url.origin, token, ADMIN.username, ADMIN.pin],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  const acks: Acks = { visits: [], docs: [] };
  let buffer = '';
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  const ready = new Promise<void>((resolve, reject) => {
    child.on('exit', (code) => {
      if (code !== 0) reject(new Error(`writer exited ${code}: ${stderr}`));
    });
    child.stdout?.on('data', (c: Buffer) => {
      buffer += c.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        const [kind, a, b] = line.split(' ');
        if (kind === 'READY') resolve();
        if (kind === 'VISIT') acks.visits.push(Number(a));
        if (kind === 'DOC') acks.docs.push({ caseId: Number(a), sha256: b ?? '' });
      }
    });
  });
  return { child, acks, ready };
}

async function stopWriter(child: ChildProcess): Promise<void> {
  const exited = new Promise<number | null>((r) => child.once('exit', r));
  child.stdin?.end();
  expect(await exited).toBe(0);
}

const copy = (a: Acks): Acks => ({ visits: [...a.visits], docs: [...a.docs] });

async function until(check: () => boolean, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The rows and files a restored (or checked) data folder holds. */
function holdings(dir: string): { visits: Set<number>; docs: Map<string, Buffer> } {
  const db = new Database(join(dir, 'loket.sqlite'), { readonly: true });
  try {
    const visits = new Set(
      (db.prepare('SELECT id FROM visit').all() as { id: number }[]).map((r) => r.id),
    );
    const docs = new Map<string, Buffer>();
    for (const { sha256 } of db.prepare('SELECT DISTINCT sha256 FROM attachment').all() as {
      sha256: string;
    }[]) {
      docs.set(sha256, readFileSync(join(dir, 'attachments', sha256.slice(0, 2), sha256)));
    }
    return { visits, docs };
  } finally {
    db.close();
  }
}

/** Files and folders that another local account could read (group or other bits set). */
function openToOthers(root: string): string[] {
  const open: string[] = [];
  const walk = (p: string) => {
    const st = lstatSync(p);
    if ((st.mode & 0o077) !== 0) open.push(`${p} ${(st.mode & 0o777).toString(8)}`);
    if (st.isDirectory()) for (const n of readdirSync(p)) walk(join(p, n));
  };
  for (const n of readdirSync(root)) walk(join(root, n));
  return open;
}

let mode: BrowserMode | undefined;
const dirs: string[] = [];
const cores: TestCore[] = [];
const onCleanup: (() => void)[] = [];
afterEach(async () => {
  for (const f of onCleanup.splice(0)) f();
  for (const t of cores.splice(0)) await cleanup(t);
  await mode?.stop();
  mode = undefined;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('a backup taken while a desk keeps working', () => {
  it('holds every write acknowledged before it, and a restore into a fresh folder holds every acknowledged write with every document byte-identical', async () => {
    const dataDir = tempDir();
    const backupDir = tempDir('loket-backup-target-');
    dirs.push(dataDir, backupDir);
    mode = await startBrowserMode({ dataDir, rendererDir: dataDir });
    const t = testCoreOf(mode.core, dataDir);
    await t.must('setup.createFirstAdmin', ADMIN);
    t.token = (
      await t.must('auth.login', { username: ADMIN.username, pin: ADMIN.pin })
    ).sessionToken;
    await t.must('backup.saveSettings', {
      folder: backupDir,
      passphrase: PASSPHRASE,
      dailyAt: '23:59',
      onClose: false,
      keepDaily: 7,
      keepWeekly: 4,
      staleHours: 36,
    });

    // Browser mode set a private umask; the backup's own modes must not lean on it.
    const umask = process.umask(0o022);
    onCleanup.push(() => process.umask(umask));
    const writer = startWriter(mode);
    await writer.ready;
    await until(() => writer.acks.docs.length >= 4);
    const before = copy(writer.acks);
    const first = await t.must('backup.runNow', {});
    // The desk was not held up: it kept writing while the backup ran.
    const during = writer.acks.visits.length - before.visits.length;
    await until(() => writer.acks.docs.length >= before.docs.length + 3);
    await stopWriter(writer.child);
    const all = copy(writer.acks);
    expect(during + all.visits.length - before.visits.length).toBeGreaterThan(0);

    // The first backup: everything acknowledged before it started, each document's bytes.
    const key = await keyForSet(backupDir, first.id, null, PASSPHRASE);
    const checked = tempDir();
    dirs.push(checked);
    await checkBackup(backupDir, first.id, key, checked);
    const firstHolds = holdings(checked);
    for (const v of before.visits) expect(firstHolds.visits.has(v), `visit ${v}`).toBe(true);
    for (const d of before.docs) {
      const bytes = firstHolds.docs.get(d.sha256);
      expect(bytes, d.sha256).toBeDefined();
      expect(createHash('sha256').update(bytes!).digest('hex')).toBe(d.sha256);
    }

    // Then the night's backup, restored on a new PC: a fresh Loket, its admin, the old disk.
    const last = await t.must('backup.runNow', {});
    expect(last.documentsCopied).toBe(last.documentFiles - first.documentFiles);
    const freshDir = tempDir();
    dirs.push(freshDir);
    const fresh = startTestCore({ dataDir: freshDir });
    await fresh.must('setup.createFirstAdmin', { ...ADMIN, username: 'baru' });
    fresh.token = (
      await fresh.must('auth.login', { username: 'baru', pin: ADMIN.pin })
    ).sessionToken;
    const listed = await fresh.must('backup.list', { folder: backupDir, passphrase: PASSPHRASE });
    // The keep rule holds the newest backup of each day: the morning's one made way.
    expect(listed.map((e) => e.id)).toEqual([last.id]);
    const inspected = await fresh.must('backup.inspect', {
      folder: backupDir,
      passphrase: PASSPHRASE,
      id: last.id,
    });
    expect(inspected.summary.counts.visits).toBe(all.visits.length);
    expect(inspected.current.visits).toBe(0);
    const restored = await fresh.must('backup.restore', {
      folder: backupDir,
      passphrase: PASSPHRASE,
      id: last.id,
      confirm: true,
    });
    expect(restored.restarting).toBe(false);
    await fresh.stop();
    // The core's next start swaps the checked backup in.
    const reopened = startTestCore({ dataDir: freshDir });
    cores.push(reopened);
    const after = holdings(freshDir);
    for (const v of all.visits) expect(after.visits.has(v), `visit ${v}`).toBe(true);
    expect(after.docs.size).toBe(all.docs.length);
    for (const d of all.docs) {
      const live = readFileSync(join(dataDir, 'attachments', d.sha256.slice(0, 2), d.sha256));
      expect(after.docs.get(d.sha256)?.equals(live), d.sha256).toBe(true);
    }
    // Private to the user: the restored data, the data kept aside, and the backup itself.
    expect(openToOthers(freshDir)).toEqual([]);
    expect(openToOthers(backupDir)).toEqual([]);
    // The staff of the backup log in again; the fresh PC's own admin is kept aside.
    reopened.token = (
      await reopened.must('auth.login', { username: ADMIN.username, pin: ADMIN.pin })
    ).sessionToken;
    // The data is that backup's: it counts as the last good one, and the restore is audited.
    expect((await reopened.must('backup.status', {})).lastGood?.id).toBe(last.id);
    const audited = reopened.core.db
      .prepare("SELECT entity_id FROM audit WHERE action = 'backup.restored'")
      .all();
    expect(audited).toEqual([{ entity_id: last.id }]);
  }, 120_000);
});
