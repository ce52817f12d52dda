import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { LOG_SIZE_LIMIT_BYTES, restartLogIfIdle } from '../../../electron/core/db/log-size';
import { openDatabase, type Db } from '../../../electron/core/db/open-database';

let dir: string | undefined;
const open: Db[] = [];
afterEach(() => {
  for (const c of open.splice(0)) if (c.open) c.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

/** The desk's own connection, and a second one as the housekeeping worker opens it. */
function deskAndWorker(): { desk: Db; worker: Db } {
  dir = mkdtempSync(join(tmpdir(), 'loket-log-'));
  const desk = openDatabase(join(dir, 'loket.sqlite'));
  // As with its checkpointer running: the desk never copies the log itself.
  desk.pragma('wal_autocheckpoint = 0');
  desk.exec('CREATE TABLE page (n INTEGER PRIMARY KEY, body BLOB NOT NULL) STRICT');
  const worker = new Database(desk.name, { fileMustExist: true });
  worker.pragma('busy_timeout = 5000');
  open.push(desk, worker);
  return { desk, worker };
}

const logBytes = (d: Db) => (existsSync(`${d.name}-wal`) ? statSync(`${d.name}-wal`).size : 0);
const insert = (d: Db, kib: number) =>
  d.prepare('INSERT INTO page (body) VALUES (?)').run(Buffer.alloc(kib * 1024, 7));

/** A reader on an old snapshot while the desk writes: nothing after it can be copied. */
function growLog(desk: Db): void {
  const reader = new Database(desk.name);
  open.push(reader);
  reader.exec('BEGIN');
  reader.prepare('SELECT count(*) FROM page').get();
  for (let i = 0; i < 60; i++) insert(desk, 400);
  reader.exec('COMMIT');
  reader.close();
}

describe("the log file's size", () => {
  it('is cut back to the limit by the first write after a grown log was copied and started over', () => {
    const { desk, worker } = deskAndWorker();
    growLog(desk);
    expect(logBytes(desk)).toBeGreaterThan(LOG_SIZE_LIMIT_BYTES + 4 * 2 ** 20);

    worker.pragma('wal_checkpoint(PASSIVE)');
    expect(restartLogIfIdle(worker)).toBe(true);
    insert(desk, 4);

    expect(logBytes(desk)).toBeLessThanOrEqual(LOG_SIZE_LIMIT_BYTES);
    expect(desk.prepare('SELECT count(*) AS n FROM page').get()).toEqual({ n: 61 });
  });

  it('is left alone while someone reads in the log, without waiting for them', () => {
    const { desk, worker } = deskAndWorker();
    insert(desk, 400);
    const reader = new Database(desk.name);
    open.push(reader);
    reader.exec('BEGIN');
    reader.prepare('SELECT count(*) FROM page').get();
    worker.pragma('wal_checkpoint(PASSIVE)');
    // Longer than the test may take: waiting for the reader would fail it.
    worker.pragma('busy_timeout = 60000');

    expect(restartLogIfIdle(worker)).toBe(false);
    expect(worker.pragma('busy_timeout', { simple: true })).toBe(60_000);
    reader.exec('COMMIT');
    expect(restartLogIfIdle(worker)).toBe(true);
  });
});
