import type { AuditLog } from '../audit';
import type { CaseService } from '../consultation/cases';
import { DEFAULT_BACKOFF, retryDelayMs, type BackoffPolicy } from './backoff';
import {
  ConnectorError,
  type ConnectorErrorKind,
  type HelpdeskConnector,
  type RemoteTicket,
  type SetupProblem,
} from './connectors/helpdesk-connector';
import type { BackendLinks } from './backend-links';
import type { OutboxEntry, OutboxStore } from './outbox-store';
import { buildTicketDraft } from './ticket-draft';

export interface SyncWorkerOptions {
  outbox: OutboxStore;
  links: BackendLinks;
  cases: CaseService;
  audit: AuditLog;
  /** The configured backend, or null while none is set up. */
  connector: () => HelpdeskConnector | null;
  readAttachment: (sha256: string) => Promise<Buffer>;
  now: () => Date;
  random?: () => number;
  backoff?: BackoffPolicy;
  /** After this many failed attempts an entry is parked as failed, with its reason. */
  maxAttempts?: number;
  /** Entries sent at the same time (each of a different case). */
  concurrency?: number;
  /**
   * After a restart, how long entries that were being sent wait before they are tried again:
   * longer than a request can take, so a create still in flight at the crash lands first.
   */
  inFlightGraceMs?: number;
  /** Where a failure of the worker itself (not of a delivery) is reported. */
  logError?: (err: unknown) => void;
  /** Told after each delivery attempt: the screens' sync banner and outbox may have changed. */
  changed?: () => void;
}

export interface SyncHealth {
  /** Credentials refused: nothing is sent until they change or someone presses retry. */
  blockedByCredentials: boolean;
  lastSuccessAt: string | null;
  lastErrorKind: string | null;
  /** The first failure to get an answer (network, timeout, 5xx) since the last success. */
  unreachableSince: string | null;
}

/** What an entry's last_error holds: the kind decides the message staff read. */
export function describeError(err: unknown): { kind: string; detail: string } {
  if (err instanceof ConnectorError) return { kind: err.kind, detail: err.message };
  return { kind: 'protocol', detail: err instanceof Error ? err.message : String(err) };
}

/**
 * Delivers the outbox to the backend helpdesk: at least once, made effectively once by looking
 * the case ID up before every create, so a crash between "ticket created" and "marked delivered"
 * never makes a second ticket. One failing case never holds up the others.
 */
export class SyncWorker {
  private readonly random: () => number;
  private readonly backoff: BackoffPolicy;
  private readonly maxAttempts: number;
  private readonly concurrency: number;
  private readonly inFlightGraceMs: number;
  private timer: NodeJS.Timeout | null = null;
  /** Set by stop(): deliveries in flight finish, no new one is claimed. */
  private stopped = false;
  private readonly slots = new Set<Promise<void>>();
  private attempts = 0;
  readonly health: SyncHealth = {
    blockedByCredentials: false,
    lastSuccessAt: null,
    lastErrorKind: null,
    unreachableSince: null,
  };

  constructor(private readonly o: SyncWorkerOptions) {
    this.random = o.random ?? Math.random;
    this.backoff = o.backoff ?? DEFAULT_BACKOFF;
    this.maxAttempts = o.maxAttempts ?? 12;
    this.concurrency = o.concurrency ?? 2;
    this.inFlightGraceMs = o.inFlightGraceMs ?? 2 * 60_000;
    o.outbox.recoverInFlight(new Date(o.now().getTime() + this.inFlightGraceMs).toISOString());
  }

  /** Delivers what is due now (a backlog left by the last run), then every `intervalMs`. */
  start(intervalMs = 5000): void {
    if (this.timer) return;
    this.stopped = false;
    this.timer = setInterval(() => void this.runOnce(), intervalMs);
    this.timer.unref();
    void this.runOnce();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.stopped = true;
    await this.settled();
  }

  /** Someone changed the credentials or pressed "retry now": try again. */
  unblock(): void {
    this.health.blockedByCredentials = false;
  }

  /**
   * The administrator's check of the backend's setup. When it passes, the credentials are good
   * and the queue takes tickets: entries parked because the setup was incomplete go back to the
   * queue (audited) and are sent.
   */
  async checkSetup(connector: HelpdeskConnector, actorId: number | null): Promise<SetupProblem[]> {
    const problems = await connector.checkSetup();
    if (problems.length > 0) return problems;
    this.unblock();
    const now = this.o.now().toISOString();
    const requeued = this.o.outbox.transaction(() => {
      const entries = this.o.outbox.requeueParkedForSetup(now);
      for (const e of entries) {
        this.o.audit.record({
          actorId,
          action: 'outbox.requeuedAfterSetup',
          entity: 'outbox',
          entityId: e.id,
        });
      }
      return entries.length;
    });
    if (requeued > 0) void this.runOnce();
    return problems;
  }

  /** The same check after the settings were saved, without making the save wait for it. */
  checkSetupSoon(connector: HelpdeskConnector, actorId: number | null): void {
    this.checkSetup(connector, actorId).catch((err: unknown) =>
      (this.o.logError ?? console.error)(err),
    );
  }

  /**
   * Sends what is due, until nothing is; returns how many attempts were made meanwhile. Slots
   * that ran out of work are started again, so a case escalated while another one is uploading
   * slowly does not wait for it.
   */
  async runOnce(): Promise<number> {
    const before = this.attempts;
    while (this.slots.size < this.concurrency) {
      const slot: Promise<void> = this.slot()
        .catch((err: unknown) => (this.o.logError ?? console.error)(err))
        .finally(() => this.slots.delete(slot));
      this.slots.add(slot);
    }
    await this.settled();
    return this.attempts - before;
  }

  private async settled(): Promise<void> {
    while (this.slots.size > 0) await Promise.all(this.slots);
  }

  /** Takes the next due entry as soon as the last one is done, never waiting on another slot. */
  private async slot(): Promise<void> {
    for (;;) {
      const connector = this.o.connector();
      if (!connector || this.health.blockedByCredentials || this.stopped) return;
      const [entry] = this.o.outbox.claimDue(this.o.now().toISOString(), 1);
      if (!entry) return;
      this.attempts++;
      await this.deliver(connector, entry);
      this.o.changed?.();
    }
  }

  private async deliver(connector: HelpdeskConnector, entry: OutboxEntry): Promise<void> {
    try {
      if (entry.operation === 'create_ticket') {
        const notBefore = this.lookupNotBefore(entry);
        if (notBefore > this.o.now().getTime()) {
          // "Retry now" must not undo the grace: this create may still land at the backend.
          this.o.outbox.defer(
            entry.id,
            new Date(notBefore).toISOString(),
            this.o.now().toISOString(),
          );
          return;
        }
        // Also on a first attempt: a database restored from a backup can hold as waiting a case
        // that was delivered after the backup was taken.
        const ticket =
          (await connector.findByCaseCode(entry.caseCode)) ?? (await this.create(connector, entry));
        this.o.outbox.transaction(() => {
          this.o.outbox.markDelivered(entry.id, this.o.now().toISOString());
          this.o.links.link(entry.caseId, ticket, this.o.now().toISOString());
          this.o.audit.record({
            actorId: null,
            action: 'outbox.delivered',
            entity: 'case',
            entityId: entry.caseCode,
            detail: { ticket: ticket.id },
          });
        });
      } else {
        const link = this.o.links.get(entry.caseId);
        if (!link) throw new ConnectorError('protocol', 'no backend ticket for this case yet');
        const note = JSON.parse(entry.payload ?? '{}') as { text?: string; reopen?: boolean };
        await connector.addNote(
          link.remoteId,
          note.text ?? '',
          note.reopen ?? false,
          entry.idempotencyKey,
        );
        this.o.outbox.transaction(() => {
          this.o.outbox.markDelivered(entry.id, this.o.now().toISOString());
          this.o.audit.record({
            actorId: null,
            action: 'outbox.delivered',
            entity: 'case',
            entityId: entry.caseCode,
            detail: { operation: 'add_note' },
          });
        });
      }
      this.health.lastSuccessAt = this.o.now().toISOString();
      this.health.lastErrorKind = null;
      this.health.unreachableSince = null;
    } catch (err) {
      this.failed(entry, err);
    }
  }

  /** When a create whose last attempt may have reached the backend can safely be looked up. */
  private lookupNotBefore(entry: OutboxEntry): number {
    if (!entry.lastError) return 0;
    const last = JSON.parse(entry.lastError) as { kind?: string; detail?: string; at?: string };
    if (
      !last.at ||
      !mayHaveReachedBackend(new ConnectorError(asKind(last.kind), last.detail ?? ''))
    ) {
      return 0;
    }
    return Date.parse(last.at) + this.inFlightGraceMs;
  }

  private async create(connector: HelpdeskConnector, entry: OutboxEntry): Promise<RemoteTicket> {
    const view = this.o.cases.get(entry.caseId);
    return connector.createTicket(await buildTicketDraft(view, this.o.readAttachment));
  }

  private failed(entry: OutboxEntry, err: unknown): void {
    const { kind, detail } = describeError(err);
    const now = this.o.now();
    const error = JSON.stringify({ kind, detail: detail.slice(0, 500), at: now.toISOString() });
    this.health.lastErrorKind = kind;
    if (kind === 'unreachable' || kind === 'timeout' || kind === 'server') {
      this.health.unreachableSince ??= now.toISOString();
    }
    if (kind === 'auth') {
      // Wrong credentials fail every case the same way: stop, say so once, wait for a person.
      this.health.blockedByCredentials = true;
      this.o.outbox.hold(entry.id, error, now.toISOString());
    } else if (kind === 'rejected' || kind === 'setup' || entry.attempts + 1 >= this.maxAttempts) {
      this.o.outbox.park(entry.id, error, now.toISOString());
    } else {
      let delay = retryDelayMs(entry.attempts, this.backoff, this.random);
      // A create that may have reached the backend can still land there after we gave up on it:
      // look the case up only once such a request must have finished, or it is made twice.
      if (entry.operation === 'create_ticket' && mayHaveReachedBackend(err)) {
        delay = Math.max(delay, this.inFlightGraceMs);
      }
      const next = new Date(now.getTime() + delay);
      this.o.outbox.scheduleRetry(entry.id, next.toISOString(), error, now.toISOString());
    }
  }
}

const KINDS: readonly ConnectorErrorKind[] = [
  'unreachable',
  'timeout',
  'auth',
  'rejected',
  'setup',
  'server',
  'protocol',
];
const asKind = (k: string | undefined): ConnectorErrorKind =>
  KINDS.find((x) => x === k) ?? 'protocol';

/** Whether a failed request may still have been received (and acted on) by the backend. */
export function mayHaveReachedBackend(err: unknown): boolean {
  if (!(err instanceof ConnectorError)) return true;
  if (err.kind === 'unreachable')
    return !/ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH/.test(err.message);
  return err.kind === 'timeout' || err.kind === 'server' || err.kind === 'protocol';
}
