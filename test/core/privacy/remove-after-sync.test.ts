import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { removingAfterSync, syncLogOf } from '../../../electron/core/privacy/remove-after-sync';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('removingAfterSync', () => {
  it('syncs the log before a purge removes its files, and only when there are some', () => {
    const order: string[] = [];
    const files = removingAfterSync(
      {
        removeNow: (released) => {
          order.push(`remove ${released.join(',')}`);
          return released.length;
        },
        sweepBatch: (limit) => {
          order.push(`sweep ${limit}`);
          return 0;
        },
      },
      () => order.push('sync'),
    );
    expect(files.removeNow([])).toBe(0);
    expect(files.removeNow(['a1', 'b2'])).toBe(2);
    expect(files.sweepBatch(50)).toBe(0);
    expect(order).toEqual(['sync', 'remove a1,b2', 'sweep 50']);
  });

  it("syncs a WAL database's log file, which holds the commit", () => {
    const dir = mkdtempSync(join(tmpdir(), 'loket-sync-log-'));
    dirs.push(dir);
    const file = join(dir, 'loket.sqlite');
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('wal_autocheckpoint = 0');
    db.exec("CREATE TABLE t (x TEXT) STRICT; INSERT INTO t VALUES ('dibersihkan')");
    expect(readFileSync(`${file}-wal`).includes('dibersihkan')).toBe(true);
    expect(() => syncLogOf(file)()).not.toThrow();
    db.close();
    expect(existsSync(`${file}-wal`)).toBe(false); // closed cleanly: checkpointed and removed
    expect(() => syncLogOf(file)()).toThrow(/ENOENT/);
  });
});
