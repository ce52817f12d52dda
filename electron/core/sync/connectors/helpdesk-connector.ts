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
  lpse: string | null;
  slaReason: string | null;
  attachments: { fileName: string; mime: string; bytes: Buffer }[];
}

export interface RemoteTicket {
  id: string;
  status: string;
  stalledReason: string | null;
  updatedAt: string | null;
  url: string | null;
}

export interface SetupProblem {
  code: 'unreachable' | 'credentials' | 'queue_missing' | 'field_missing' | 'field_not_applied';
  name?: string;
}

export interface HelpdeskConnector {
  createTicket(draft: TicketDraft): Promise<RemoteTicket>;
  findByCaseCode(caseCode: string): Promise<RemoteTicket | null>;
  readStatus(id: string): Promise<RemoteTicket>;
  addNote(id: string, text: string, reopen: boolean): Promise<void>;
  checkSetup(): Promise<SetupProblem[]>;
}

/**
 * Why a call to the backend failed, in the terms the sync worker acts on: retry later
 * (unreachable, timeout, server, protocol), stop and ask a person (auth), or park the entry
 * with its reason (rejected).
 */
export type ConnectorErrorKind =
  'unreachable' | 'timeout' | 'auth' | 'rejected' | 'server' | 'protocol';

export class ConnectorError extends Error {
  constructor(
    readonly kind: ConnectorErrorKind,
    detail: string,
  ) {
    super(detail);
    this.name = 'ConnectorError';
  }
}
