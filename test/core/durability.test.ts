import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/core';
import { openDatabase } from '../../electron/core/db/open-database';
import { LOW_DISK_FREE_BYTES, storageFailureOf } from '../../electron/core/db/storage-guard';
import { startRefusalMessage } from '../../electron/core/errors';
import { currentNotice } from '../../shared/domain/privacy-notice';
import { damageLeafPageOf } from '../helpers/damage';
import { startBrowserMode } from '../../electron/server/browser-mode';
import { escalateCase } from '../helpers/escalate';
import { FaultProxy } from '../helpers/fault-proxy';
import { ReferenceHelpdesk } from '../helpers/json-helpdesk/reference-backend';
import { ADMIN, cleanup, startWithAdmin, type TestCore } from '../helpers/temp-core';
import { until } from '../helpers/until';

const WORKER = join(import.meta.dirname, 'fixtures', 'checkin-worker.ts');

function startWorker(
  dataDir: string,
  count: number,
  mode: 'locked' | 'shared' = 'locked',
): ChildProcess {
  return spawn(
    process.execPath,
    ['--import', 'tsx', WORKER, dataDir, ADMIN.username, ADMIN.pin, String(count), mode],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
}

/** Everything a process writes on stderr, and how it ended. */
function outcome(child: ChildProcess): Promise<{ code: number | null; stderr: string }> {
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stderr })));
}

function lineOf(child: ChildProcess, line: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error(`no ${line} line`)), 20_000);
    child.stdout?.on('data', (c: Buffer) => {
      text += c.toString();
      if (text.split('\n').includes(line)) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
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
      // Two connections on one database on purpose, without the data folder lock every host takes.
      [0, 1].map(() => collectAcks(startWorker(t.dataDir, perWorker, 'shared'))),
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

describe('one Loket per data folder', () => {
  it('refuses a second host on the folder, naming the running one, until that one is killed (SIGKILL)', async () => {
    t = await startWithAdmin();
    t.close();
    const first = startWorker(t.dataDir, 1_000_000);
    const firstEnded = collectAcks(first);
    await lineOf(first, 'READY');

    const second = await outcome(startWorker(t.dataDir, 5));
    expect(second.code).toBe(3);
    expect(second.stderr).toContain('REFUSED DATA_FOLDER_IN_USE');
    expect(second.stderr).toContain(`PID ${first.pid}`);
    expect(second.stderr).toContain(hostname());
    expect(second.stderr).toContain('(Loket process, PID');
    expect(second.stderr).toContain(t.dataDir);
    // In this process too: the lock is the folder's, whoever asks.
    expect(() => createCore({ dataDir: t.dataDir, logError: () => {} })).toThrow(
      expect.objectContaining({ code: 'DATA_FOLDER_IN_USE' }),
    );

    first.kill('SIGKILL');
    expect((await firstEnded).signal).toBe('SIGKILL');
    const third = startWorker(t.dataDir, 5);
    const thirdAcks = collectAcks(third);
    const thirdOutcome = outcome(third);
    expect((await thirdOutcome).code).toBe(0);
    expect((await thirdAcks).acks.size).toBe(5);
    // And it let go when it ended: the next core starts here.
    t.core = createCore({ dataDir: t.dataDir, logError: () => {} });
  }, 60_000);
});

describe('shutdown', () => {
  let backend: ReferenceHelpdesk | undefined;
  let proxy: FaultProxy | undefined;
  afterEach(async () => {
    await proxy?.stop();
    await backend?.stop();
    proxy = backend = undefined;
  });

  it('lets a delivery in flight finish before the database closes, leaving nothing "sending"', async () => {
    t = await startWithAdmin();
    backend = new ReferenceHelpdesk();
    await backend.start();
    const target = new URL(backend.baseUrl);
    proxy = new FaultProxy({ host: target.hostname, port: Number(target.port) });
    await proxy.start();
    // Every connection to the helpdesk answers 1.5 s late.
    proxy.script.push(...Array.from({ length: 10 }, () => ({ kind: 'delay', ms: 1500 }) as const));
    const { caseCode } = await escalateCase(t);
    await t.must('helpdesk.saveSettings', {
      kind: 'json',
      url: `http://127.0.0.1:${proxy.port}${target.pathname}`,
      secret: backend.token,
    });
    t.close();

    const mode = await startBrowserMode({ dataDir: t.dataDir, rendererDir: t.dataDir });
    const file = join(t.dataDir, 'loket.sqlite');
    const reader = new Database(file, { readonly: true });
    const state = () => reader.prepare('SELECT state FROM outbox').pluck().get();
    await until(
      async () => state(),
      (s) => s === 'sending',
    );
    reader.close();
    await mode.stop();

    expect(mode.core.db.open).toBe(false);
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT state FROM outbox').pluck().get()).toBe('delivered');
    db.close();
    expect(backend.ticketOfCase(caseCode)).toBeDefined();
  }, 30_000);
});

describe('a damaged or full database', () => {
  const visitor = (i: number) => ({
    fullName: `Pengunjung Uji ${i}`,
    phone: `0812${String(i).padStart(8, '0')}`,
    purpose:
      'Konsultasi SPSE dengan keterangan yang cukup panjang untuk mengisi halaman basis data',
    noticeVersion: currentNotice().version,
    noticeDelivery: 'read_out' as const,
  });
  async function checkIns(n: number): Promise<number[]> {
    const ids: number[] = [];
    for (let i = 0; i < n; i++) ids.push((await t.must('visit.checkIn', visitor(i))).visitId);
    return ids;
  }
  const code = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'OK' : r.error?.code);

  it('refuses to start on a damaged page, naming the file and what to do, and leaves the file as it was', async () => {
    t = await startWithAdmin();
    await checkIns(200);
    t.close();
    const file = join(t.dataDir, 'loket.sqlite');
    damageLeafPageOf(file, 'visit');
    const before = readFileSync(file);

    let refusal: unknown;
    try {
      t.core = createCore({ dataDir: t.dataDir, logError: () => {} });
    } catch (err) {
      refusal = err;
    }
    expect(refusal).toMatchObject({ code: 'DB_CORRUPT' });
    const message = startRefusalMessage(refusal, 'id');
    expect(message).toContain(file);
    expect(message).toContain('cadangan');
    expect(readFileSync(file).equals(before)).toBe(true);
    // The refused start let go of the folder: a restored file starts at once.
    rmSync(file);
    t.core = createCore({ dataDir: t.dataDir, logError: () => {} });
  }, 30_000);

  it('damaged while running: answers DB_DAMAGED, refuses writes, and still tries reads', async () => {
    t = await startWithAdmin();
    await checkIns(200);
    const db = t.core.db;
    db.pragma('wal_checkpoint(TRUNCATE)');
    damageLeafPageOf(join(t.dataDir, 'loket.sqlite'), 'visit');
    db.pragma('shrink_memory'); // what is cached is read again from the file
    const audits = () => db.prepare('SELECT count(*) FROM audit').pluck().get();
    const auditsBefore = audits();

    const list = await t.call('visit.listForDay', {});
    expect(code(list)).toBe('DB_DAMAGED');
    if (!list.ok) expect(list.error.message).toContain('cadangan');
    expect(code(await t.call('visit.checkIn', visitor(999)))).toBe('DB_DAMAGED');
    expect(db.pragma('query_only', { simple: true })).toBe(1);
    expect(audits()).toBe(auditsBefore);
    await expect(t.core.stageUpload(t.token, new Uint8Array([1, 2, 3]))).rejects.toMatchObject({
      code: 'DB_DAMAGED',
    });
    // What is not on the damaged page is still shown.
    expect(code(await t.call('staff.list', {}))).toBe('OK');
    expect(await t.must('storage.status', {})).toMatchObject({ damaged: true });
  }, 30_000);

  it('full: answers DISK_FULL ("disk penuh") and loses nothing already saved', async () => {
    t = await startWithAdmin();
    const saved = await checkIns(20);
    const db = t.core.db;
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
    let refused: Awaited<ReturnType<typeof t.call<'visit.checkIn'>>> | undefined;
    for (let i = 100; i < 2000 && !refused; i++) {
      const r = await t.call('visit.checkIn', visitor(i));
      if (r.ok) saved.push(r.value.visitId);
      else refused = r;
    }
    expect(refused && code(refused)).toBe('DISK_FULL');
    if (refused && !refused.ok) expect(refused.error.message).toMatch(/^Disk penuh/);
    const stored = db.prepare('SELECT id FROM visit ORDER BY id').pluck().all();
    expect(stored).toEqual(saved);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    // Once there is room again, check-ins go on: a full disk is no damage.
    db.pragma('max_page_count = 1073741823');
    expect(code(await t.call('visit.checkIn', visitor(5000)))).toBe('OK');
  }, 30_000);

  it('a write to a full disk (ENOSPC) is DISK_FULL too, as from writing a document', () => {
    let err: unknown;
    try {
      writeFileSync('/dev/full', 'x');
    } catch (e) {
      err = e;
    }
    expect(storageFailureOf(err)).toBe('DISK_FULL');
    expect(storageFailureOf(new Error('other'))).toBeNull();
  });

  it('warns when free space in the data folder runs low', async () => {
    t = await startWithAdmin();
    const status = await t.must('storage.status', {});
    expect(status.freeBytes).toBeGreaterThan(0);
    expect(status.lowDisk).toBe(status.freeBytes! < LOW_DISK_FREE_BYTES);
    t.close();
    t.core = createCore({ dataDir: t.dataDir, logError: () => {}, lowDiskFreeBytes: 2 ** 60 });
    const login = await t.must('auth.login', { username: ADMIN.username, pin: ADMIN.pin });
    t.token = login.sessionToken;
    expect(await t.must('storage.status', {})).toMatchObject({ damaged: false, lowDisk: true });
  });
});
