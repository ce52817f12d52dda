import { afterEach, describe, expect, it } from 'vitest';
import { AuditLog } from '../../../electron/core/audit';
import { CaseService } from '../../../electron/core/consultation/cases';
import { BackendLinks } from '../../../electron/core/sync/backend-links';
import {
  ConnectorError,
  type HelpdeskConnector,
  type RemoteTicket,
  type TicketDraft,
} from '../../../electron/core/sync/connectors/helpdesk-connector';
import { OutboxStore } from '../../../electron/core/sync/outbox-store';
import { SyncWorker } from '../../../electron/core/sync/sync-worker';
import { escalateCase } from '../../helpers/escalate';
import { until } from '../../helpers/until';
import { cleanup, startWithAdmin, type TestCore } from '../../helpers/temp-core';

/**
 * A helpdesk of the test's own behind the connector interface: it keeps tickets in memory and
 * fails on command. The real Request Tracker is exercised by the connector's integration tests.
 */
class ScriptedHelpdesk implements HelpdeskConnector {
  tickets: (TicketDraft & { id: string })[] = [];
  creates = 0;
  failures: ConnectorError[] = [];
  private next(): void {
    const failure = this.failures.shift();
    if (failure) throw failure;
  }
  async createTicket(draft: TicketDraft): Promise<RemoteTicket> {
    this.creates++;
    this.next();
    const id = String(this.tickets.length + 1);
    this.tickets.push({ ...draft, id });
    return { id, phase: 'new', status: 'new', pauseReason: null, updatedAt: null, url: null };
  }
  async findByCaseCode(caseCode: string): Promise<RemoteTicket | null> {
    const t = this.tickets.find((x) => x.caseCode === caseCode);
    return t
      ? { id: t.id, phase: 'new', status: 'new', pauseReason: null, updatedAt: null, url: null }
      : null;
  }
  async readStatus(id: string): Promise<RemoteTicket> {
    return {
      id,
      phase: 'in_progress',
      status: 'open',
      pauseReason: null,
      updatedAt: null,
      url: null,
    };
  }
  async addNote(): Promise<void> {}
  async checkSetup() {
    return [];
  }
}

let t: TestCore;
afterEach(() => cleanup(t));

async function escalatedCases(count: number): Promise<string[]> {
  t = await startWithAdmin();
  const codes = [];
  for (let i = 0; i < count; i++) {
    const { caseCode } = await escalateCase(t, {
      fullName: `Pengunjung ${i}`,
      phone: `08123456${String(i).padStart(4, '0')}`,
      email: 'p@contoh.id',
      description: `Masalah ${i}`,
      beforeEscalating: (id) => t.must('case.addNote', { caseId: id, text: `Catatan ${i}` }),
    });
    codes.push(caseCode);
  }
  return codes;
}

function worker(
  helpdesk: HelpdeskConnector,
  extra: Partial<ConstructorParameters<typeof SyncWorker>[0]> = {},
) {
  const db = t.core.db;
  const audit = new AuditLog(db, t.clock.now);
  return new SyncWorker({
    outbox: new OutboxStore(db),
    links: new BackendLinks(db),
    cases: new CaseService(db, audit, t.clock.now),
    audit,
    connector: () => helpdesk,
    readAttachment: async () => Buffer.alloc(0),
    now: t.clock.now,
    random: () => 0.5,
    ...extra,
  });
}

const states = () => t.core.db.prepare('SELECT state, attempts FROM outbox ORDER BY id').all();

describe('the sync worker', () => {
  it('delivers an escalated case as one ticket carrying the form and the notes', async () => {
    const [code] = await escalatedCases(1);
    const helpdesk = new ScriptedHelpdesk();
    await worker(helpdesk).runOnce();
    expect(helpdesk.tickets).toHaveLength(1);
    expect(helpdesk.tickets[0]).toMatchObject({
      caseCode: code,
      requestor: { name: 'Pengunjung 0', email: 'p@contoh.id' },
    });
    expect(helpdesk.tickets[0]?.body).toContain('Masalah 0');
    expect(helpdesk.tickets[0]?.body).toContain('Catatan 0');
    expect(states()).toEqual([{ state: 'delivered', attempts: 0 }]);
    expect(t.core.db.prepare('SELECT remote_id FROM backend_link').all()).toEqual([
      { remote_id: '1' },
    ]);
  });

  it('starts on a backlog at once, not after the first interval', async () => {
    await escalatedCases(2);
    const helpdesk = new ScriptedHelpdesk();
    const w = worker(helpdesk);
    w.start(60 * 60_000);
    await until(
      async () => helpdesk.tickets.length,
      (n) => n === 2,
    );
    await w.stop();
    expect(states()).toEqual([
      { state: 'delivered', attempts: 0 },
      { state: 'delivered', attempts: 0 },
    ]);
  });

  it('keeps the other slot delivering while one case is slow', async () => {
    const [slow, ...others] = await escalatedCases(4);
    const helpdesk = new ScriptedHelpdesk();
    let release = () => {};
    const held = new Promise<void>((r) => (release = r));
    const create = helpdesk.createTicket.bind(helpdesk);
    helpdesk.createTicket = async (draft) => {
      if (draft.caseCode === slow) await held;
      return create(draft);
    };
    const run = worker(helpdesk, { concurrency: 2 }).runOnce();
    await until(
      async () => helpdesk.tickets.map((x) => x.caseCode),
      (codes) => codes.length === 3,
    );
    expect(helpdesk.tickets.map((x) => x.caseCode)).toEqual(others);
    release();
    expect(await run).toBe(4);
    expect(helpdesk.tickets.map((x) => x.caseCode)).toEqual([...others, slow]);
  });

  it('sends a case escalated during a slow upload at once, not after it', async () => {
    const [slow] = await escalatedCases(1);
    const helpdesk = new ScriptedHelpdesk();
    let release = () => {};
    const held = new Promise<void>((r) => (release = r));
    const create = helpdesk.createTicket.bind(helpdesk);
    let slowStarted = false;
    helpdesk.createTicket = async (draft) => {
      if (draft.caseCode === slow) {
        slowStarted = true;
        await held;
      }
      return create(draft);
    };
    const w = worker(helpdesk, { concurrency: 2 });
    const first = w.runOnce();
    await until(
      async () => slowStarted,
      (started) => started,
    );
    const { caseCode: later } = await escalateCase(t, {
      fullName: 'Pengunjung Kemudian',
      phone: '081299990000',
      description: 'Datang belakangan',
    });
    // What the escalate handler does: ask the worker to send.
    void w.runOnce();
    await until(
      async () => helpdesk.tickets.map((x) => x.caseCode),
      (codes) => codes.includes(later),
    );
    expect(helpdesk.tickets.map((x) => x.caseCode)).toEqual([later]);
    release();
    await first;
    expect(helpdesk.tickets.map((x) => x.caseCode)).toEqual([later, slow]);
  });

  it('adopts the ticket a crash left behind instead of creating a second one', async () => {
    const [code] = await escalatedCases(1);
    const helpdesk = new ScriptedHelpdesk();
    // The backend accepted the ticket, then the host died before marking the entry delivered.
    helpdesk.tickets.push({
      caseCode: code!,
      id: '41',
      subject: '',
      requestor: { name: '', email: null, phone: '' },
      body: '',
      category: '',
      lpse: null,
      ticketType: null,
      errorCode: null,
      attachments: [],
    });
    t.core.db.prepare("UPDATE outbox SET state = 'sending'").run();
    // Once the grace for in-flight requests has passed (here: none), the case is looked up.
    await worker(helpdesk, { inFlightGraceMs: 0 }).runOnce();
    expect(helpdesk.creates).toBe(0);
    expect(helpdesk.tickets).toHaveLength(1);
    expect(t.core.db.prepare('SELECT remote_id FROM backend_link').all()).toEqual([
      { remote_id: '41' },
    ]);
    expect(states()).toEqual([{ state: 'delivered', attempts: 0 }]);
  });

  it('retries after a backoff with jitter when the backend is unreachable', async () => {
    await escalatedCases(1);
    const helpdesk = new ScriptedHelpdesk();
    helpdesk.failures.push(new ConnectorError('unreachable', 'connect ECONNREFUSED'));
    const w = worker(helpdesk, { backoff: { baseMs: 10_000, maxMs: 60_000 } });
    await w.runOnce();
    const entry = t.core.db
      .prepare('SELECT state, attempts, next_attempt_at, last_error FROM outbox')
      .get() as Record<string, string | number>;
    expect(entry).toMatchObject({ state: 'queued', attempts: 1 });
    expect(JSON.parse(String(entry.last_error))).toEqual({
      kind: 'unreachable',
      detail: 'connect ECONNREFUSED',
      at: t.clock.now().toISOString(),
    });
    // random 0.5 → three quarters of the 10 s ceiling.
    expect(Date.parse(String(entry.next_attempt_at)) - t.clock.now().getTime()).toBe(7500);
    expect(w.health.unreachableSince).toBe(t.clock.now().toISOString());
    await w.runOnce();
    expect(helpdesk.creates).toBe(1); // not due yet: no new attempt
    t.clock.advance(7500);
    await w.runOnce();
    expect(states()).toEqual([{ state: 'delivered', attempts: 1 }]);
    expect(w.health.unreachableSince).toBeNull();
  });

  it('waits out the in-flight grace after a create that may have reached the backend', async () => {
    await escalatedCases(1);
    const helpdesk = new ScriptedHelpdesk();
    helpdesk.failures.push(
      new ConnectorError('timeout', 'POST /ticket: no answer within 30000 ms'),
    );
    const w = worker(helpdesk, { inFlightGraceMs: 120_000 });
    await w.runOnce();
    const next = t.core.db.prepare('SELECT next_attempt_at FROM outbox').pluck().get() as string;
    expect(Date.parse(next) - t.clock.now().getTime()).toBe(120_000);
    t.clock.advance(60_000);
    await w.runOnce();
    expect(helpdesk.creates).toBe(1);
    // Not even "retry now" looks the case up before the grace is over.
    await t.must('outbox.retryNow', { outboxId: 1 });
    await w.runOnce();
    expect(helpdesk.creates).toBe(1);
    expect(states()).toEqual([{ state: 'queued', attempts: 1 }]);
    t.clock.advance(59_000);
    await w.runOnce();
    expect(helpdesk.creates).toBe(1);
    t.clock.advance(1000);
    await w.runOnce();
    expect(states()).toEqual([{ state: 'delivered', attempts: 1 }]);
  });

  it('parks a rejected case with its reason and keeps the others flowing', async () => {
    await escalatedCases(3);
    const helpdesk = new ScriptedHelpdesk();
    helpdesk.failures.push(new ConnectorError('rejected', 'queue not found'));
    await worker(helpdesk, { concurrency: 1 }).runOnce();
    expect(states()).toEqual([
      { state: 'failed', attempts: 1 },
      { state: 'delivered', attempts: 0 },
      { state: 'delivered', attempts: 0 },
    ]);
  });

  it('stops on wrong credentials without a retry storm, until a person unblocks it', async () => {
    await escalatedCases(3);
    const helpdesk = new ScriptedHelpdesk();
    helpdesk.failures.push(new ConnectorError('auth', '401'));
    const w = worker(helpdesk, { concurrency: 1 });
    await w.runOnce();
    await w.runOnce();
    expect(helpdesk.creates).toBe(1);
    expect(w.health.blockedByCredentials).toBe(true);
    expect(states()).toEqual([
      { state: 'queued', attempts: 0 },
      { state: 'queued', attempts: 0 },
      { state: 'queued', attempts: 0 },
    ]);
    w.unblock();
    await w.runOnce();
    expect(helpdesk.tickets).toHaveLength(3);
  });

  it('parks an entry after the last allowed attempt, never retrying forever', async () => {
    await escalatedCases(1);
    const helpdesk = new ScriptedHelpdesk();
    for (let i = 0; i < 5; i++) helpdesk.failures.push(new ConnectorError('server', '500'));
    const w = worker(helpdesk, {
      maxAttempts: 3,
      backoff: { baseMs: 1000, maxMs: 1000 },
      inFlightGraceMs: 0,
    });
    for (let i = 0; i < 5; i++) {
      await w.runOnce();
      t.clock.advance(2000);
    }
    expect(states()).toEqual([{ state: 'failed', attempts: 3 }]);
    expect(helpdesk.creates).toBe(3);
  });
});
