import { createHash } from 'node:crypto';
import { z } from 'zod';
import { PAUSE_REASONS } from '../../../../shared/domain/sla';
import { TICKET_PHASES } from '../../../../shared/domain/ticket-phase';
import { Base64Bytes } from './json-body';
import {
  ConnectorError,
  type HelpdeskConnector,
  type RemoteTicket,
  type SetupProblem,
  type TicketDraft,
} from './helpdesk-connector';
import { JsonHttp } from './json-http';

export interface JsonConnectorOptions {
  /** The API root, e.g. `https://helpdesk.example.go.id/loket/v1`. */
  baseUrl: string;
  token: string;
  /** Per request; default 30 s. */
  timeoutMs?: number;
  /** Extra time for large uploads, at this rate; default 50 kB/s. */
  minUploadBytesPerSecond?: number;
}

/** The contract major version this connector speaks (shared/api/helpdesk-backend.openapi.yaml). */
export const CONTRACT_MAJOR = 1;

const healthSchema = z.object({
  api: z.literal('loket-helpdesk'),
  version: z.string().regex(/^\d+\.\d+(\.\d+)?$/),
});

const ticketSchema = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9._~-]{1,64}$/),
    caseId: z.string().min(1).max(64),
    status: z.enum(TICKET_PHASES),
    statusLabel: z.string().max(100).optional(),
    pauseReason: z.enum(PAUSE_REASONS).nullable(),
    updatedAt: z.iso.datetime({ offset: true }),
    url: z.url().nullable().optional(),
  })
  .refine((t) => (t.status === 'paused') === (t.pauseReason !== null), {
    message: 'pauseReason must be set exactly when status is paused',
  });

const ticketListSchema = z.object({ items: z.array(ticketSchema).max(1) });

type Ticket = z.infer<typeof ticketSchema>;

/**
 * A backend implementing Loket's own HTTPS JSON contract (shared/api/helpdesk-backend.openapi.yaml):
 * creates carry an Idempotency-Key, so a retry after a lost answer gets the first ticket back.
 * Every answer is checked against the contract; a 2xx that does not match it is a failure.
 */
export class JsonConnector implements HelpdeskConnector {
  private readonly http: JsonHttp;

  constructor(o: JsonConnectorOptions) {
    this.http = new JsonHttp({
      apiUrl: o.baseUrl.replace(/\/+$/, ''),
      authorization: `Bearer ${o.token}`,
      timeoutMs: o.timeoutMs ?? 30_000,
      minUploadBytesPerSecond: o.minUploadBytesPerSecond ?? 50_000,
    });
  }

  async createTicket(draft: TicketDraft): Promise<RemoteTicket> {
    const answer = await this.http.request('POST', '/tickets', [200, 201], newTicket(draft), {
      'Idempotency-Key': draft.caseCode,
    });
    const ticket = parse(ticketSchema, answer.body, 'POST /tickets');
    if (ticket.caseId !== draft.caseCode) {
      // Another case's ticket under this key would link the wrong visitor's problem.
      throw new ConnectorError(
        'protocol',
        `POST /tickets: answered ticket ${ticket.id} of case ${ticket.caseId}`,
      );
    }
    return remoteTicket(ticket);
  }

  async findByCaseCode(caseCode: string): Promise<RemoteTicket | null> {
    const body = await this.http.json(
      'GET',
      `/tickets?caseId=${encodeURIComponent(caseCode)}`,
      200,
    );
    const { items } = parse(ticketListSchema, body, 'GET /tickets');
    const match = items.find((t) => t.caseId === caseCode);
    return match ? remoteTicket(match) : null;
  }

  async readStatus(id: string): Promise<RemoteTicket> {
    const body = await this.http.json('GET', ticketPath(id), 200);
    const ticket = parse(ticketSchema, body, 'GET /tickets/{id}');
    if (ticket.id !== id) {
      throw new ConnectorError('protocol', `GET /tickets/${id}: answered ticket ${ticket.id}`);
    }
    return remoteTicket(ticket);
  }

  async addNote(id: string, text: string, reopen: boolean, idempotencyKey: string): Promise<void> {
    if (text.trim() === '') throw new ConnectorError('rejected', 'note is empty');
    const answer = await this.http.request(
      'POST',
      `${ticketPath(id)}/notes`,
      [200, 201],
      { text, reopen },
      { 'Idempotency-Key': idempotencyKey },
    );
    const ticket = parse(ticketSchema, answer.body, 'POST /tickets/{id}/notes');
    if (reopen && (ticket.status === 'resolved' || ticket.status === 'rejected')) {
      // The note is in (a retry would be answered from the key): park it for a person.
      throw new ConnectorError(
        'rejected',
        `ticket ${id}: note added but the backend left it ${ticket.status}`,
      );
    }
  }

  async checkSetup(): Promise<SetupProblem[]> {
    let body: unknown;
    try {
      body = await this.http.json('GET', '/health', 200);
    } catch (err) {
      if (!(err instanceof ConnectorError)) throw err;
      return [{ code: err.kind === 'auth' ? 'credentials' : 'unreachable' }];
    }
    const health = healthSchema.safeParse(body);
    if (!health.success) return [{ code: 'not_loket_api' }];
    const major = Number(health.data.version.split('.')[0]);
    return major === CONTRACT_MAJOR
      ? []
      : [{ code: 'contract_version', name: health.data.version }];
  }
}

/** The create body: the draft as the contract's NewTicket. */
export function newTicket(draft: TicketDraft) {
  return {
    caseId: draft.caseCode,
    subject: draft.subject,
    requestor: {
      name: draft.requestor.name,
      email: draft.requestor.email,
      phone: draft.requestor.phone,
    },
    description: withEmptyFilesNamed(draft),
    category: draft.category,
    // Where the problem happened; the ticket type and error code are in the description, as
    // contract version 1 has no field of their own (and a v1 backend refuses unknown fields).
    lpse: draft.lpse,
    // The contract has the field; a case never reaches the helpdesk with its clock stopped.
    slaReason: null,
    attachments: draft.attachments
      .filter((a) => a.bytes.length > 0)
      .map((a) => ({
        fileName: a.fileName,
        mediaType: a.mime,
        size: a.bytes.length,
        sha256: createHash('sha256').update(a.bytes).digest('hex'),
        content: new Base64Bytes(a.bytes),
      })),
  };
}

/** The contract has no empty files (size ≥ 1); the backend still learns which were left out. */
function withEmptyFilesNamed(draft: TicketDraft): string {
  const empty = draft.attachments.filter((a) => a.bytes.length === 0).map((a) => a.fileName);
  return empty.length === 0
    ? draft.body
    : `${draft.body}\n\nLampiran kosong (0 byte), tidak dikirim: ${empty.join(', ')}`;
}

function remoteTicket(t: Ticket): RemoteTicket {
  return {
    id: t.id,
    phase: t.status,
    status: t.statusLabel ?? t.status,
    pauseReason: t.pauseReason,
    updatedAt: t.updatedAt,
    url: t.url ?? null,
  };
}

function parse<T>(schema: z.ZodType<T>, body: unknown, what: string): T {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new ConnectorError(
    'protocol',
    `${what}: answer does not match the contract (${issue?.path.join('.') || 'body'}: ${issue?.message ?? ''})`,
  );
}

function ticketPath(id: string): string {
  if (!/^[A-Za-z0-9._~-]{1,64}$/.test(id)) {
    throw new ConnectorError('rejected', `"${id.slice(0, 40)}" is not a ticket id`);
  }
  return `/tickets/${id}`;
}
