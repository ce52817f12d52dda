import { rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { deriveKey, newKdf } from '../../../electron/core/backup/backup-key';
import { runBackup } from '../../../electron/core/backup/backup-runner';
import { checkBackup } from '../../../electron/core/backup/restore';
import { cleanup, startTestCore, tempDir, type TestCore } from '../../helpers/temp-core';

let t: TestCore | undefined;
const dirs: string[] = [];

afterEach(async () => {
  await cleanup(t);
  t = undefined;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('the online snapshot of a backup', () => {
  it('is taken on a connection of its own, and completes while another connection commits between its steps', async () => {
    t = startTestCore();
    const db = t.core.db;
    db.exec('CREATE TABLE bench_filler (n INTEGER PRIMARY KEY, pad BLOB) STRICT');
    const fill = db.prepare('INSERT INTO bench_filler (pad) VALUES (randomblob(3000))');
    db.transaction(() => {
      for (let i = 0; i < 3000; i++) fill.run();
    })();
    const before = (db.prepare('SELECT count(*) AS n FROM bench_filler').get() as { n: number }).n;
    const folder = tempDir('loket-backup-snapshot-');
    dirs.push(folder);
    // Another writer on the same file, committing all the time: a snapshot stepped on a
    // connection without its own read transaction restarts after every one of these commits.
    const writer = new Database(db.name);
    writer.pragma('busy_timeout = 5000');
    const add = writer.prepare('INSERT INTO bench_filler (pad) VALUES (randomblob(100))');
    const writing = setInterval(() => add.run(), 1);
    const hostBackup = vi.spyOn(db, 'backup');
    const key = await deriveKey('kata-sandi-cadangan-uji', newKdf());
    try {
      const manifest = await runBackup({
        db,
        dataDir: t.dataDir,
        documentPath: (sha) => join(t!.dataDir, 'attachments', sha),
        folder,
        key,
        keep: { daily: 7, weekly: 4 },
        now: () => new Date(),
        trigger: 'manual',
        pagesPerStep: 16,
        pauseMs: 0,
      });
      // The host's thread steps no backup (nor holds its connection while one runs).
      expect(hostBackup).not.toHaveBeenCalled();
      clearInterval(writing);
      // The set opens and checks whole, and holds at least what was committed before it began.
      const restored = tempDir('loket-backup-snapshot-check-');
      dirs.push(restored);
      await checkBackup(folder, manifest.summary.id, key, restored);
      const copy = new Database(join(restored, 'loket.sqlite'), { readonly: true });
      try {
        expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
        const held = copy.prepare('SELECT count(*) AS n FROM bench_filler').get() as { n: number };
        expect(held.n).toBeGreaterThanOrEqual(before);
      } finally {
        copy.close();
      }
    } finally {
      clearInterval(writing);
      writer.close();
      hostBackup.mockRestore();
    }
  }, 60_000);
});
