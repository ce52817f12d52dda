import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/open-database';
import { ADMIN, cleanup, startWithAdmin, type TestCore } from '../helpers/temp-core';

const WORKER = join(import.meta.dirname, 'fixtures', 'checkin-worker.ts');

function startWorker(dataDir: string, count: number): ChildProcess {
  return spawn(
    process.execPath,
    ['--import', 'tsx', WORKER, dataDir, ADMIN.username, ADMIN.pin, String(count)],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
}

/** Collects "ACK visitId queueLabel" lines; resolves when the worker exits. */
function collectAcks(
  child: ChildProcess,
  onAck?: (n: number) => void,
): Promise<{ acks: Map<number, string>; code: number | null; signal: string | null }> {
  const acks = new Map<number, string>();
  let buffer = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const lines = buffer.split('\n');
    buffer = lines.pop() ?? '';
    for (const line of lines) {
      const m = /^ACK (\d+) (K-\d+)$/.exec(line);
      if (m) {
        acks.set(Number(m[1]), m[2]!);
        onAck?.(acks.size);
      }
    }
  });
  return new Promise((resolve) =>
    child.on('exit', (code, signal) => resolve({ acks, code, signal })),
  );
}

let t: TestCore;
afterEach(() => cleanup(t));

describe('durability', () => {
  it('keeps every acknowledged check-in when the process is killed mid-stream (SIGKILL)', async () => {
    t = await startWithAdmin();
    t.close(); // the worker owns the database from here on
    const child = startWorker(t.dataDir, 100_000);
    const done = collectAcks(child, (n) => {
      if (n === 150) child.kill('SIGKILL');
    });
    const { acks, signal } = await done;
    expect(signal).toBe('SIGKILL');
    expect(acks.size).toBeGreaterThanOrEqual(150);

    const db = openDatabase(join(t.dataDir, 'loket.sqlite'));
    const rows = db
      .prepare<[], { id: number; queue_no: number }>('SELECT id, queue_no FROM visit')
      .all();
    const stored = new Map(rows.map((r) => [r.id, `K-${String(r.queue_no).padStart(3, '0')}`]));
    for (const [visitId, label] of acks)
      expect(stored.get(visitId), `visit ${visitId}`).toBe(label);
    // Nothing half-written: every stored visit has its visitor and its audit entry.
    expect(
      db
        .prepare('SELECT count(*) AS n FROM visit WHERE visitor_id NOT IN (SELECT id FROM visitor)')
        .get(),
    ).toEqual({ n: 0 });
    expect(
      db.prepare("SELECT count(*) AS n FROM audit WHERE action = 'visit.checkIn'").get(),
    ).toEqual({ n: rows.length });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  }, 60_000);
});

describe('queue numbers under contention', () => {
  it('stay unique and gap-free when two processes check visitors in at the same moment', async () => {
    t = await startWithAdmin();
    t.close();
    const perWorker = 60;
    const results = await Promise.all(
      [0, 1].map(() => collectAcks(startWorker(t.dataDir, perWorker))),
    );
    for (const r of results) expect(r.code).toBe(0);
    const labels = results.flatMap((r) => [...r.acks.values()]);
    expect(labels).toHaveLength(2 * perWorker);
    const expected = Array.from(
      { length: 2 * perWorker },
      (_, i) => `K-${String(i + 1).padStart(3, '0')}`,
    );
    expect([...labels].sort()).toEqual(expected);
  }, 60_000);
});
