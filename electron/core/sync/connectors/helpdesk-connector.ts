import type { TicketPhase } from '../../../../shared/domain/ticket-phase';

export type { TicketPhase } from '../../../../shared/domain/ticket-phase';

/**
 * What Loket needs from a backend helpdesk queue, whichever it is (Request Tracker, or a backend
 * implementing Loket's own HTTPS JSON contract).
 */
export interface TicketDraft {
  /** The idempotency key: stored in the ticket, looked up before every create. */
  caseCode: string;
  subject: string;
  requestor: { name: string; email: string | null; phone: string };
  /** The form and the consultation notes as plain text. */
  body: string;
  category: string;
  /** The LPSE where the problem happened (LPSE Support's "LPSE" field), not the visitor's own. */
  lpse: string | null;
  /** LPSE Support's "Tipe Tiket": permasalahan, usulan or permintaan_layanan. */
  ticketType: string | null;
  errorCode: string | null;
  attachments: { fileName: string; mime: string; bytes: Buffer }[];
}

export interface RemoteTicket {
  /** The backend's ticket number; after a merge in the backend, the surviving ticket's. */
  id: string;
  phase: TicketPhase;
  /** The backend's own word for the status (e.g. RT's "stalled"), shown to staff beside the phase. */
  status: string;
  /** Why the backend paused the ticket, as it names it; null unless paused. */
  pauseReason: string | null;
  updatedAt: string | null;
  url: string | null;
}

export interface SetupProblem {
  code:
    | 'unreachable'
    | 'credentials'
    | 'queue_missing'
    | 'field_missing'
    | 'field_not_applied'
    /** The address answers, but not as a backend of Loket's HTTPS JSON contract. */
    | 'not_loket_api'
    /** It implements another major version of the contract (name: the version). */
    | 'contract_version';
  name?: string;
}

export interface HelpdeskConnector {
  createTicket(draft: TicketDraft): Promise<RemoteTicket>;
  /** Null only when the backend says no ticket has this case ID; failures throw. */
  findByCaseCode(caseCode: string): Promise<RemoteTicket | null>;
  readStatus(id: string): Promise<RemoteTicket>;
  /** The key is unique per note: a backend that knows it adds the note once however often sent. */
  addNote(id: string, text: string, reopen: boolean, idempotencyKey: string): Promise<void>;
  checkSetup(): Promise<SetupProblem[]>;
}

/**
 * Why a call to the backend failed, in the terms the sync worker acts on:
 * - unreachable, timeout, server, protocol: retry later with backoff;
 * - auth: stop sending until the credentials change (retrying would only lock the account);
 * - rejected: the backend refuses this content for good: park the entry;
 * - setup: the backend is not set up for Loket yet (e.g. RT's custom fields): park the entry
 *   until the administrator's setup check passes, then send it again.
 */
export type ConnectorErrorKind =
  'unreachable' | 'timeout' | 'auth' | 'rejected' | 'setup' | 'server' | 'protocol';

/** A failed backend call; the message is a short English detail for logs, never a secret. */
export class ConnectorError extends Error {
  constructor(
    readonly kind: ConnectorErrorKind,
    detail: string,
  ) {
    super(detail);
    this.name = 'ConnectorError';
  }
}
