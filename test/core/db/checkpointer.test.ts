import { existsSync, mkdtempSync, rmSync, statSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import {
  startCheckpointer,
  SQLITE_AUTOCHECKPOINT_PAGES,
} from '../../../electron/core/db/checkpointer';
import { until } from '../../helpers/until';

let dir: string | undefined;
let db: Database.Database | undefined;
afterEach(() => {
  if (db?.open) db.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  db = undefined;
  dir = undefined;
});

/** A desk's connection as open-database.ts sets it up, on a file of its own. */
function desk(): Database.Database {
  dir = mkdtempSync(join(tmpdir(), 'loket-ckpt-'));
  db = new Database(join(dir, 'loket.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE page (n INTEGER PRIMARY KEY, body BLOB NOT NULL) STRICT');
  return db;
}

const walPages = (d: Database.Database) => {
  const wal = `${d.name}-wal`;
  return existsSync(wal) ? Math.floor(statSync(wal).size / (4096 + 24)) : 0;
};

/** 40 commits of about 100 pages each, a moment apart, as check-ins come: the log's high mark. */
async function write(d: Database.Database): Promise<number> {
  const insert = d.prepare('INSERT INTO page (body) VALUES (?)');
  let highest = 0;
  for (let i = 0; i < 40; i++) {
    insert.run(Buffer.alloc(400_000, i));
    highest = Math.max(highest, walPages(d));
    await new Promise((r) => setTimeout(r, 40));
  }
  return highest;
}

describe("the desk's checkpoints, in a worker thread", () => {
  it('copies the log into the file while the desk never checkpoints on its own thread', async () => {
    const unchecked = desk();
    unchecked.pragma('wal_autocheckpoint = 0');
    // Nobody copies the log: it grows by every commit (the desk's thread must not do it).
    expect(await write(unchecked)).toBeGreaterThan(3500);
    unchecked.close();
    rmSync(dir!, { recursive: true, force: true });

    const d = desk();
    const checkpoints = startCheckpointer(d, 10);
    expect(await checkpoints.ready).toBe(true);
    expect(d.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    // Copied a moment after each commit, the log starts over at the next one.
    expect(await write(d)).toBeLessThan(1500);
    checkpoints.stop();
  });

  it('closes its connection before the desk closes, so the log is removed with the desk', async () => {
    const d = desk();
    const checkpoints = startCheckpointer(d, 10);
    expect(await checkpoints.ready).toBe(true);
    d.prepare('INSERT INTO page (body) VALUES (?)').run(Buffer.alloc(100_000, 1));
    expect(checkpoints.stop()).toBe(true);
    d.close();
    // Only the last connection to close removes the log.
    expect(existsSync(`${d.name}-wal`)).toBe(false);
  });

  it('lets the desk checkpoint itself again when its checkpointer cannot run', async () => {
    const d = desk();
    // The checkpointer opens the file by its name, which is gone; the desk's open file is not.
    unlinkSync(d.name);
    const checkpoints = startCheckpointer(d, 10);
    expect(await checkpoints.ready).toBe(false);
    await until(
      async () => d.pragma('wal_autocheckpoint', { simple: true }),
      (pages) => pages === SQLITE_AUTOCHECKPOINT_PAGES,
    );
    checkpoints.stop();
  });
});
