import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditLog } from '../../../electron/core/audit';
import { AttachmentStore } from '../../../electron/core/attachments/attachment-store';
import { CaseService } from '../../../electron/core/consultation/cases';
import { BackendLinks } from '../../../electron/core/sync/backend-links';
import { RtConnector } from '../../../electron/core/sync/connectors/rt-connector';
import { OutboxStore } from '../../../electron/core/sync/outbox-store';
import { SyncWorker } from '../../../electron/core/sync/sync-worker';
import { FaultProxy, type Fault } from '../../helpers/fault-proxy';
import { startRt, type RtInstance } from '../../helpers/rt/rt-instance';
import { rtAdmin } from '../../helpers/rt/rt-setup';
import { escalateCase } from '../../helpers/escalate';
import { cleanup, startWithAdmin, type TestCore } from '../../helpers/temp-core';

let rt: RtInstance;
let t: TestCore | undefined;

beforeAll(async () => {
  rt = await startRt();
  await rtAdmin(rt).setup();
}, 90_000);

afterAll(async () => {
  cleanup(t);
  await rt?.stop();
}, 30_000);

async function escalate(core: TestCore, n: number): Promise<string> {
  const { caseCode } = await escalateCase(core, {
    fullName: `Pengunjung ${n}`,
    phone: `08127777${String(n).padStart(4, '0')}`,
    email: `p${n}@contoh.id`,
    description: `Kasus ${n}`,
  });
  return caseCode;
}

async function ticketsFor(code: string): Promise<number> {
  const query = encodeURIComponent(`'CF.{Loket Case ID}' = '${code}'`);
  return Number((await rtAdmin(rt).call('GET', `/tickets?query=${query}`)).json.total);
}

const rtPort = () => Number(new URL(rt.baseUrl).port);
const connectorVia = (port: number, timeoutMs = 5000) =>
  new RtConnector({
    baseUrl: `http://127.0.0.1:${port}`,
    queue: 'Loket Escalations',
    credentials: { username: rt.username, password: rt.password },
    timeoutMs,
  });

describe('whatever the network does, each case reaches RT exactly once', () => {
  it.each<[string, Fault, string]>([
    ['a dropped connection', { kind: 'drop' }, 'unreachable'],
    ['a reset mid-request', { kind: 'reset-after-request' }, 'unreachable'],
    [
      'an answer slower than the timeout (RT still creates the ticket)',
      { kind: 'delay', ms: 1500 },
      'timeout',
    ],
    [
      'a 500',
      { kind: 'status', status: 500, body: '{"message":"Internal Server Error"}' },
      'server',
    ],
    [
      'a 200 that says it failed',
      { kind: 'status', status: 200, body: '["Could not create ticket"]' },
      'protocol',
    ],
  ])(
    '%s',
    async (_label, fault, kind) => {
      cleanup(t);
      t = await startWithAdmin();
      const code = await escalate(t, 1);
      const faulty = new FaultProxy({ host: '127.0.0.1', port: rtPort() });
      await faulty.start();
      let connector = connectorVia(faulty.port, 1000);
      // The login to RT's web session goes first, unharmed: the fault is for the delivery.
      expect(await connector.checkSetup()).toEqual([]);
      await faulty.closeConnections();
      faulty.script.push(fault);
      const db = t.core.db;
      const audit = new AuditLog(db, t.clock.now);
      const worker = new SyncWorker({
        outbox: new OutboxStore(db),
        links: new BackendLinks(db),
        cases: new CaseService(db, audit, t.clock.now),
        audit,
        connector: () => connector,
        readAttachment: async () => Buffer.alloc(0),
        now: t.clock.now,
        backoff: { baseMs: 1000, maxMs: 1000 },
      });
      await worker.runOnce();
      const after = db.prepare('SELECT state, attempts, last_error FROM outbox').get() as {
        state: string;
        attempts: number;
        last_error: string;
      };
      expect(after).toMatchObject({ state: 'queued', attempts: 1 });
      expect(JSON.parse(after.last_error).kind).toBe(kind);
      await faulty.stop();
      await new Promise((r) => setTimeout(r, fault.kind === 'delay' ? 2000 : 0)); // let RT finish the delayed create
      connector = connectorVia(rtPort());
      t.clock.advance(2000);
      await worker.runOnce();
      // Each of these may have reached RT: the case is looked up only after the in-flight grace.
      expect(db.prepare('SELECT state FROM outbox').pluck().get()).toBe('queued');
      t.clock.advance(2 * 60_000);
      await worker.runOnce();
      expect(db.prepare('SELECT state FROM outbox').pluck().get()).toBe('delivered');
      expect(await ticketsFor(code)).toBe(1);
    },
    60_000,
  );

  it('survives the sender being killed (SIGKILL) right after RT accepted a create', async () => {
    cleanup(t);
    t = await startWithAdmin();
    const codes = [await escalate(t, 1), await escalate(t, 2), await escalate(t, 3)];
    const proxy = new FaultProxy({ host: '127.0.0.1', port: rtPort() });
    await proxy.start();
    await t.must('helpdesk.saveSettings', {
      kind: 'rt',
      url: `http://127.0.0.1:${proxy.port}`,
      queue: 'Loket Escalations',
      username: rt.username,
      secret: rt.password,
    });
    t.close();

    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        join(import.meta.dirname, '..', 'fixtures', 'sync-worker-host.ts'),
        t.dataDir,
      ],
      { stdio: ['ignore', 'ignore', 'inherit'] },
    );
    const killed = new Promise<void>((resolve) => {
      proxy.onCreated = () => {
        child.kill('SIGKILL');
        resolve();
      };
    });
    await killed;
    await new Promise((r) => child.once('exit', r));
    await proxy.stop();

    // Started again, it finishes the job: every case delivered, one ticket per case.
    const { createCore } = await import('../../../electron/core/core');
    t.core = createCore({ dataDir: t.dataDir, now: t.clock.now, logError: () => {} });
    const db = t.core.db;
    expect(
      db.prepare("SELECT count(*) FROM outbox WHERE state = 'delivered'").pluck().get(),
    ).toBeLessThan(3);
    const audit = new AuditLog(db, t.clock.now);
    const worker = new SyncWorker({
      outbox: new OutboxStore(db),
      links: new BackendLinks(db),
      cases: new CaseService(db, audit, t.clock.now),
      audit,
      connector: () => connectorVia(rtPort()),
      readAttachment: (sha) => new AttachmentStore(join(t!.dataDir, 'attachments')).read(sha),
      now: t.clock.now,
    });
    // Nothing that was in flight is retried at once...
    await worker.runOnce();
    expect(
      db.prepare("SELECT count(*) FROM outbox WHERE state = 'delivered'").pluck().get(),
    ).toBeLessThan(3);
    // ...only after the grace period, by which time a create RT was still working on has landed.
    await new Promise((r) => setTimeout(r, 3000));
    t.clock.advance(2 * 60_000 + 1);
    await worker.runOnce();
    expect(db.prepare('SELECT state FROM outbox ORDER BY id').pluck().all()).toEqual([
      'delivered',
      'delivered',
      'delivered',
    ]);
    for (const code of codes) expect(await ticketsFor(code), code).toBe(1);
  }, 90_000);
});
