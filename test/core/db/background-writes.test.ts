import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { createDispatcher, type Handlers } from '../../../electron/core/api/dispatcher';
import { SessionStore } from '../../../electron/core/auth/sessions';
import { BackgroundWrites } from '../../../electron/core/db/background-writes';
import { until } from '../../helpers/until';

/**
 * A thread that announces a write for about `holdMs` and, as the last thing inside it, marks
 * that it is done: whoever sees the word cleared must also see that mark.
 */
function writerThread(writes: BackgroundWrites, done: Int32Array, holdMs: number): Worker {
  const module = new URL('../../../electron/core/db/background-writes.ts', import.meta.url).href;
  const body = `
    const { workerData } = require('node:worker_threads');
    import('tsx/esm/api')
      .then((tsx) => tsx.tsImport(${JSON.stringify(module)}, ${JSON.stringify(module)}))
      .then(({ announcingWrite }) => {
        announcingWrite(workerData.writing, () => {
          Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ${holdMs});
          Atomics.store(new Int32Array(workerData.done), 0, 1);
        });
      });`;
  return new Worker(body, {
    eval: true,
    workerData: { writing: writes.buffer, done: done.buffer },
  });
}

describe('the word a background writer sets while it writes', () => {
  it("lets the desk's write wait until the background write has ended, and no longer", async () => {
    const writes = new BackgroundWrites();
    const done = new Int32Array(new SharedArrayBuffer(4));
    const worker = writerThread(writes, done, 150);
    await until(
      async () => writes.writing() || Atomics.load(done, 0) === 1,
      (seen) => seen,
    );
    expect(Atomics.load(done, 0)).toBe(0);

    await writes.settled({ giveUpMs: 10_000 });

    expect(Atomics.load(done, 0)).toBe(1);
    expect(writes.writing()).toBe(false);
    await worker.terminate();
  });

  it('gives up waiting on a word left set, and is cleared by whoever saw its writer end', async () => {
    const writes = new BackgroundWrites();
    // As a worker killed in the middle of a batch leaves it.
    Atomics.store(new Int32Array(writes.buffer), 0, 1);

    await writes.settled({ giveUpMs: 20 });
    expect(writes.writing()).toBe(true);

    writes.clear();
    expect(writes.writing()).toBe(false);
  });

  it('is waited on before a call that writes and before a read-log entry, never by a plain read', async () => {
    const order: string[] = [];
    const sessions = new SessionStore(
      { idleMs: 60_000, maxMs: 60_000, endAtServiceDayEnd: false },
      () => new Date(),
    );
    const token = sessions.create(1, ['receptionist', 'officer']);
    const dispatch = createDispatcher(
      {
        'visitor.search': () => {
          order.push('search');
          return [];
        },
        'queue.callNext': () => {
          order.push('call next');
          throw new Error('not needed past this point');
        },
        'queue.overview': () => {
          order.push('overview');
          throw new Error('not needed past this point');
        },
      } as unknown as Handlers,
      sessions,
      () => {},
      () => null,
      () => {},
      () => order.push('read logged'),
      async () => {
        order.push('waited');
      },
    );
    const ctx = { window: 'staff' as const, sessionToken: token };

    await dispatch('visitor.search', { query: 'siti' }, ctx);
    expect(order.splice(0)).toEqual(['search', 'waited', 'read logged']);
    await dispatch('queue.callNext', {}, ctx);
    expect(order.splice(0)).toEqual(['waited', 'call next']);
    await dispatch('queue.overview', {}, ctx);
    expect(order.splice(0)).toEqual(['overview']);
  });
});
