import type { PauseReason } from '../../../shared/domain/sla';
import type { AuditLog } from '../audit';
import type { Db } from '../db/open-database';
import type { BackendLinks } from '../sync/backend-links';
import type { HelpdeskConnector } from '../sync/connectors/helpdesk-connector';
import type { OutboxStore } from '../sync/outbox-store';
import { ClosedFollowUps } from './closed-cases';
import { Confirmations, type ConfirmationInput } from './confirmation';
import { FollowUpList, type FollowUpItem } from './followup-list';
import { SlaPauses } from './sla-pauses';
import { StatusPoll, type PollResult } from './status-poll';

export type { FollowUpItem, NextAction } from './followup-list';
export type { PollResult } from './status-poll';
export { FOLLOW_UP_OPEN_SQL, FOLLOW_UP_PAUSES_SQL } from './followup-list';

/**
 * After escalation: the backend's status comes back, the 1x24 clock runs with its pauses, and the
 * officer confirms the result with the visitor, which closes the case or reopens the ticket.
 * Each job is its own module; this is the one the handlers and the core hold.
 */
export class FollowUp {
  private readonly open;
  private readonly pauses;
  private readonly confirmations;
  private readonly poll;
  readonly closed;

  constructor(db: Db, audit: AuditLog, links: BackendLinks, outbox: OutboxStore, now: () => Date) {
    this.open = new FollowUpList(db, now);
    this.pauses = new SlaPauses(db, audit, now);
    this.confirmations = new Confirmations(db, audit, outbox, now);
    this.poll = new StatusPoll(db, audit, links, this.open, now);
    this.closed = new ClosedFollowUps(db);
  }

  list(officerId?: number): FollowUpItem[] {
    return this.open.list(officerId);
  }

  pollStatuses(connector: HelpdeskConnector): Promise<PollResult> {
    return this.poll.pollStatuses(connector);
  }

  pause(officerId: number, caseId: number, reason: PauseReason): void {
    this.pauses.pause(officerId, caseId, reason);
  }

  resume(officerId: number, caseId: number): void {
    this.pauses.resume(officerId, caseId);
  }

  confirm(officerId: number, caseId: number, c: ConfirmationInput): void {
    this.confirmations.confirm(officerId, caseId, c);
  }
}
