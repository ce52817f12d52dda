import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDispatcher, type Handlers } from '../../../electron/core/api/dispatcher';
import { SessionStore } from '../../../electron/core/auth/sessions';
import { LogSync, logSyncOf, unsynced } from '../../../electron/core/db/log-sync';
import { openDatabase, type Db } from '../../../electron/core/db/open-database';

let dir: string | undefined;
let db: Db | undefined;
afterEach(() => {
  if (db?.open) db.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  db = undefined;
  dir = undefined;
});

function desk(): Db {
  dir = mkdtempSync(join(tmpdir(), 'loket-sync-'));
  db = openDatabase(join(dir, 'loket.sqlite'));
  db.exec('CREATE TABLE note (n INTEGER PRIMARY KEY, body TEXT NOT NULL) STRICT');
  return db;
}

/** Syncs that end when the test says so. */
function heldSyncs() {
  const pending: (() => void)[] = [];
  const sync = new LogSync(() => new Promise<void>((resolve) => pending.push(resolve)));
  return { sync, pending, started: () => pending.length };
}
const tick = () => new Promise((r) => setImmediate(r));
const FULL = 2;
const NORMAL = 1;

describe("a call's commits synced off the serving thread", () => {
  it('makes a caller that arrives during a sync wait for the next one, which later callers share', async () => {
    const { sync, pending, started } = heldSyncs();
    const ended: string[] = [];
    void sync.synced().then(() => ended.push('a'));
    await tick();
    expect(started()).toBe(1);
    // b's commit may have come after the first sync began: it is not covered by it.
    void sync.synced().then(() => ended.push('b'));
    void sync.synced().then(() => ended.push('c'));

    pending[0]!();
    await tick();
    expect(ended).toEqual(['a']);
    expect(started()).toBe(2);
    pending[1]!();
    await tick();
    expect(ended).toEqual(['a', 'b', 'c']);
    expect(started()).toBe(2);
  });

  it("syncs the desk's real log file", async () => {
    const d = desk();
    const sync = logSyncOf(d);
    expect(sync).not.toBeNull();
    unsynced(d, () => d.prepare("INSERT INTO note (body) VALUES ('x')").run());
    await sync!.synced();
    sync!.close();
    expect(d.pragma('synchronous', { simple: true })).toBe(FULL);
  });

  it('runs a call that writes unsynced and answers only once its commits are on disk', async () => {
    const d = desk();
    const order: string[] = [];
    const sessions = new SessionStore(
      { idleMs: 60_000, maxMs: 60_000, endAtServiceDayEnd: false },
      () => new Date(),
    );
    const token = sessions.create(1, ['officer']);
    let release = () => {};
    const dispatch = createDispatcher(
      {
        'queue.callNext': () => {
          order.push(`wrote at synchronous ${String(d.pragma('synchronous', { simple: true }))}`);
          return null;
        },
        'queue.overview': () => {
          order.push(`read at synchronous ${String(d.pragma('synchronous', { simple: true }))}`);
          return { day: '2026-12-04', waiting: [], mine: [] };
        },
      } as unknown as Handlers,
      sessions,
      () => {},
      () => null,
      () => order.push('others told'),
      () => {},
      () => Promise.resolve(),
      {
        unsynced: (write) => unsynced(d, write),
        synced: () =>
          new Promise<void>((resolve) => {
            order.push('sync asked');
            release = resolve;
          }),
      },
    );
    const ctx = { window: 'staff' as const, sessionToken: token };

    const answer = dispatch('queue.callNext', {}, ctx).then((r) => order.push(`answered ${r.ok}`));
    await tick();
    expect(order).toEqual([`wrote at synchronous ${NORMAL}`, 'sync asked']);
    expect(d.pragma('synchronous', { simple: true })).toBe(FULL);
    release();
    await answer;
    expect(order.slice(2)).toEqual(['others told', 'answered true']);

    order.length = 0;
    await dispatch('queue.overview', {}, ctx);
    expect(order).toEqual([`read at synchronous ${FULL}`]);
  });
});
