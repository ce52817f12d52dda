import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { PauseReason } from '../../../shared/domain/sla';
import type { TicketPhase } from '../../../shared/domain/ticket-phase';
import { contractValidators, type ContractSchema } from './contract-validator';

export interface NewTicketBody {
  caseId: string;
  subject: string;
  requestor: { name: string; email: string | null; phone: string };
  description: string;
  category: string;
  lpse: string | null;
  slaReason: PauseReason | null;
  attachments: {
    fileName: string;
    mediaType: string;
    size: number;
    sha256: string;
    content: string;
  }[];
}

export interface StoredTicket {
  id: string;
  caseId: string;
  status: TicketPhase;
  statusLabel?: string;
  pauseReason: PauseReason | null;
  updatedAt: string;
  request: NewTicketBody;
  notes: { text: string; reopen: boolean; key: string }[];
}

/** What the next request gets instead of (or on top of) the contract's behaviour. */
export type ReferenceFault =
  | { kind: 'status'; status: number; body?: unknown }
  /** Handles the request in full, then closes the connection without an answer. */
  | { kind: 'lose-answer' }
  /** Answers 200 with a body that breaks the contract. */
  | { kind: 'off-contract'; body: unknown };

/**
 * A backend of Loket's HTTPS JSON contract, in memory, for tests: it checks every request it
 * receives and every answer it gives against shared/api/helpdesk-backend.openapi.yaml and keeps
 * the mismatches in `contractErrors`, so a connector that drifts from the document fails.
 */
export class ReferenceHelpdesk {
  readonly token = 'token-uji-loket';
  version = '1.0.0';
  readonly tickets = new Map<string, StoredTicket>();
  readonly faults: ReferenceFault[] = [];
  readonly contractErrors: string[] = [];
  readonly requests: { method: string; path: string; idempotencyKey: string | null }[] = [];
  private readonly createKeys = new Map<string, { bodyHash: string; ticketId: string }>();
  private readonly noteKeys = new Map<string, string>();
  private readonly contract = contractValidators();
  private server: Server | null = null;
  private nextId = 1000;
  baseUrl = '';
  /** Holds back the answer to the next request (computed on arrival) until it settles. */
  delayNext: Promise<void> | null = null;
  /** Whether an answer was held back. */
  delayed = false;

  /** On a free port, or on `port` again after a stop (a helpdesk back from an outage). */
  async start(port = 0): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1`;
    return this.baseUrl;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve) ?? resolve(null));
  }

  /** A backend agent's change of status. */
  setStatus(id: string, status: TicketPhase, pauseReason: PauseReason | null = null): void {
    const t = this.tickets.get(id);
    if (!t) throw new Error(`no ticket ${id}`);
    t.status = status;
    t.pauseReason = status === 'paused' ? pauseReason : null;
    t.updatedAt = new Date().toISOString();
  }

  ticketOfCase(caseId: string): StoredTicket | undefined {
    return [...this.tickets.values()].find((t) => t.caseId === caseId);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://reference');
    const key = header(req, 'idempotency-key');
    this.requests.push({ method: req.method ?? '', path: url.pathname, idempotencyKey: key });
    const raw = await readBody(req);
    const fault = this.faults.shift();
    if (fault?.kind === 'status') {
      return this.send(res, fault.status, fault.body ?? problem(fault.status, 'injected'), null);
    }
    if (fault?.kind === 'off-contract') return this.send(res, 200, fault.body, null);
    if (header(req, 'authorization') !== `Bearer ${this.token}`) {
      return this.send(res, 401, problem(401, 'Token tidak dikenal'), 'Problem');
    }
    const answer = this.route(req.method ?? '', url, key, raw);
    const delay = this.delayNext;
    if (delay) {
      this.delayNext = null;
      this.delayed = true;
      await delay;
    }
    if (fault?.kind === 'lose-answer') {
      res.socket?.destroy();
      return;
    }
    this.send(res, answer.status, answer.body, answer.schema);
  }

  private route(
    method: string,
    url: URL,
    key: string | null,
    raw: string,
  ): { status: number; body: unknown; schema: ContractSchema | null } {
    const path = url.pathname.replace(/^\/v1/, '');
    const ticketMatch = /^\/tickets\/([^/]+)(\/notes)?$/.exec(path);
    if (method === 'GET' && path === '/health') {
      return ok(
        200,
        { api: 'loket-helpdesk', version: this.version, name: 'Helpdesk uji' },
        'Health',
      );
    }
    if (method === 'GET' && path === '/tickets') {
      const caseId = url.searchParams.get('caseId') ?? '';
      const items = [...this.tickets.values()].filter((t) => t.caseId === caseId).map(view);
      return ok(200, { items }, 'TicketList');
    }
    if (method === 'POST' && path === '/tickets') return this.create(key, raw);
    if (ticketMatch) {
      const ticket = this.tickets.get(decodeURIComponent(ticketMatch[1]!));
      if (!ticket) return ok(404, problem(404, 'Tiket tidak ditemukan'), 'Problem');
      if (method === 'GET' && !ticketMatch[2]) return ok(200, view(ticket), 'Ticket');
      if (method === 'POST' && ticketMatch[2]) return this.note(ticket, key, raw);
    }
    return ok(404, problem(404, 'Tidak ada'), 'Problem');
  }

  private create(key: string | null, raw: string) {
    const body = this.requestBody<NewTicketBody>('NewTicket', raw);
    if (!body || !key) return ok(400, problem(400, 'Permintaan tidak sesuai kontrak'), 'Problem');
    const bodyHash = createHash('sha256').update(raw).digest('hex');
    const seen = this.createKeys.get(key);
    if (seen) {
      if (seen.bodyHash !== bodyHash) {
        return ok(422, problem(422, 'Idempotency-Key dipakai untuk isi lain'), 'Problem');
      }
      return ok(200, view(this.tickets.get(seen.ticketId)!), 'Ticket');
    }
    for (const a of body.attachments) {
      const bytes = Buffer.from(a.content, 'base64');
      const digest = createHash('sha256').update(bytes).digest('hex');
      if (bytes.length !== a.size || digest !== a.sha256) {
        return ok(400, problem(400, `Lampiran ${a.fileName} rusak`), 'Problem');
      }
    }
    const id = `HD-${this.nextId++}`;
    const ticket: StoredTicket = {
      id,
      caseId: body.caseId,
      status: 'new',
      pauseReason: null,
      updatedAt: new Date().toISOString(),
      request: body,
      notes: [],
    };
    this.tickets.set(id, ticket);
    this.createKeys.set(key, { bodyHash, ticketId: id });
    return ok(201, view(ticket), 'Ticket');
  }

  private note(ticket: StoredTicket, key: string | null, raw: string) {
    const body = this.requestBody<{ text: string; reopen: boolean }>('NewNote', raw);
    if (!body || !key) return ok(400, problem(400, 'Permintaan tidak sesuai kontrak'), 'Problem');
    if (this.noteKeys.has(key)) return ok(200, view(ticket), 'Ticket');
    this.noteKeys.set(key, ticket.id);
    ticket.notes.push({ ...body, key });
    if (body.reopen) this.setStatus(ticket.id, 'in_progress');
    return ok(201, view(ticket), 'Ticket');
  }

  private requestBody<T>(schema: ContractSchema, raw: string): T | null {
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      this.contractErrors.push(`${schema}: request body is not JSON`);
      return null;
    }
    const error = this.contract.check(schema, value);
    if (error) {
      this.contractErrors.push(`request ${error}`);
      return null;
    }
    return value as T;
  }

  private send(res: ServerResponse, status: number, body: unknown, schema: ContractSchema | null) {
    if (schema) {
      const error = this.contract.check(schema, body);
      if (error) this.contractErrors.push(`answer ${error}`);
    }
    const type = status >= 400 ? 'application/problem+json' : 'application/json';
    res.writeHead(status, { 'Content-Type': type }).end(JSON.stringify(body));
  }
}

const ok = (status: number, body: unknown, schema: ContractSchema) => ({ status, body, schema });

const problem = (status: number, title: string) => ({ title, status, detail: title });

function view(t: StoredTicket) {
  return {
    id: t.id,
    caseId: t.caseId,
    status: t.status,
    ...(t.statusLabel && { statusLabel: t.statusLabel }),
    pauseReason: t.pauseReason,
    updatedAt: t.updatedAt,
    url: `https://helpdesk.contoh.go.id/tiket/${t.id}`,
  };
}

function header(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name];
  return typeof value === 'string' ? value : null;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
