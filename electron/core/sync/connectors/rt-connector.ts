import {
  ConnectorError,
  type HelpdeskConnector,
  type RemoteTicket,
  type SetupProblem,
  type TicketDraft,
  type TicketPhase,
} from './helpdesk-connector';
import { JsonHttp } from './json-http';
import { RT_FIELDS, ticketPayload, type RtFieldName } from './rt-ticket-payload';
import { RtWebSession } from './rt-web-session';

export { RT_FIELDS } from './rt-ticket-payload';

export interface RtConnectorOptions {
  /** RT's web root, e.g. `https://helpdesk.example.go.id/rt`. */
  baseUrl: string;
  queue: string;
  /** Basic auth, or an RT auth token (`Authorization: token …`). */
  credentials: { username: string; password: string } | { token: string };
  /** Per request; default 30 s. */
  timeoutMs?: number;
  /** Extra time for large uploads, at this rate; default 50 kB/s. */
  minUploadBytesPerSecond?: number;
}

type Json = Record<string, unknown>;

/**
 * Request Tracker 5 through its REST2 API. RT answers 2xx to some failures (a refused status
 * change, an unknown custom field at create), so nothing counts as done until the ticket read
 * back says so.
 */
export class RtConnector implements HelpdeskConnector {
  private readonly http: JsonHttp;

  constructor(private readonly o: RtConnectorOptions) {
    const c = o.credentials;
    const timeoutMs = o.timeoutMs ?? 30_000;
    // RT auth tokens cannot open a web session; they pay RT's check on every request.
    const session =
      'token' in c
        ? null
        : new RtWebSession({
            webRoot: webRoot(o.baseUrl),
            username: c.username,
            password: c.password,
            timeoutMs,
          });
    this.http = new JsonHttp({
      apiUrl: `${webRoot(o.baseUrl)}/REST/2.0`,
      authorization:
        'token' in c
          ? `token ${c.token}`
          : `Basic ${Buffer.from(`${c.username}:${c.password}`).toString('base64')}`,
      timeoutMs,
      minUploadBytesPerSecond: o.minUploadBytesPerSecond ?? 50_000,
      ...(session && { session }),
    });
  }

  async createTicket(draft: TicketDraft): Promise<RemoteTicket> {
    const created = await this.http
      .json('POST', '/ticket', 201, ticketPayload(draft, this.o.queue))
      .catch(async (err: unknown) => {
        // A queue that is missing or disabled is the setup's fault, not the case's.
        if (err instanceof ConnectorError && err.kind === 'rejected') {
          if ((await this.fieldsAppliedToQueue()) === null) {
            throw new ConnectorError('setup', `queue "${this.o.queue}" not found: ${err.message}`);
          }
        }
        throw err;
      });
    const id = isJson(created) ? String(created.id ?? '') : '';
    if (!/^\d+$/.test(id)) throw new ConnectorError('protocol', 'POST /ticket: answer has no id');
    const ticket = await this.ticket(id);
    if (fieldValue(ticket, RT_FIELDS.caseId) !== draft.caseCode) {
      // Without its case ID the ticket cannot be found again, and every retry would add one.
      throw new ConnectorError(
        'setup',
        `ticket ${id} was created without custom field "${RT_FIELDS.caseId}" ` +
          `(missing or not applied to queue "${this.o.queue}"); delete it once the queue is fixed`,
      );
    }
    return this.remoteTicket(ticket);
  }

  async findByCaseCode(caseCode: string): Promise<RemoteTicket | null> {
    const query = `'CF.{${RT_FIELDS.caseId}}' = '${ticketSqlString(caseCode)}'`;
    const result = await this.http.json(
      'GET',
      `/tickets?query=${encodeURIComponent(query)}` +
        '&fields=Status,LastUpdated,CustomFields&orderby=id&order=ASC&per_page=100',
      200,
    );
    // An answer without its list is not "no ticket": creating on it could make a second one.
    if (!isJson(result) || !Array.isArray(result.items)) {
      throw new ConnectorError('protocol', 'GET /tickets: answer has no items');
    }
    // RT compares custom field values case-insensitively; the case ID must match exactly.
    const match = result.items.find(
      (item): item is Json => isJson(item) && fieldValue(item, RT_FIELDS.caseId) === caseCode,
    );
    return match ? this.remoteTicket(match) : null;
  }

  async readStatus(id: string): Promise<RemoteTicket> {
    return this.remoteTicket(await this.ticket(id));
  }

  async addNote(id: string, text: string, reopen: boolean): Promise<void> {
    if (text.trim() === '') throw new ConnectorError('rejected', 'note is empty');
    const messages = await this.http.json('POST', `${ticketPath(id)}/comment`, 201, {
      Content: text,
      ContentType: 'text/plain',
      ...(reopen && { Status: 'open' }),
    });
    if (!Array.isArray(messages)) {
      throw new ConnectorError('protocol', `POST ${ticketPath(id)}/comment: answer is not a list`);
    }
    if (!reopen) return;
    const { status } = await this.readStatus(id);
    if (status !== 'open') {
      // The comment is in: a retry would repeat it, so this is parked rather than retried.
      throw new ConnectorError(
        'rejected',
        `ticket ${id}: comment added but RT left it ${status} (${messages.slice(1).join('; ')})`,
      );
    }
  }

  async checkSetup(): Promise<SetupProblem[]> {
    try {
      await this.http.json('GET', '/rt', 200);
      const applied = await this.fieldsAppliedToQueue();
      const problems: SetupProblem[] = applied
        ? []
        : [{ code: 'queue_missing', name: this.o.queue }];
      for (const name of Object.values(RT_FIELDS)) {
        if (applied?.has(name)) continue;
        const exists = await this.ticketFieldExists(name);
        problems.push({ code: exists ? 'field_not_applied' : 'field_missing', name });
      }
      return problems;
    } catch (err) {
      if (!(err instanceof ConnectorError)) throw err;
      return [{ code: err.kind === 'auth' ? 'credentials' : 'unreachable' }];
    }
  }

  /** Names of the ticket custom fields the queue has (its own and global ones); null: no queue. */
  private async fieldsAppliedToQueue(): Promise<Set<string> | null> {
    let queue: unknown;
    try {
      queue = await this.http.json('GET', `/queue/${encodeURIComponent(this.o.queue)}`, 200);
    } catch (err) {
      if (err instanceof ConnectorError && err.kind === 'rejected') return null;
      throw err;
    }
    if (!isJson(queue) || typeof queue.Name !== 'string') {
      throw new ConnectorError('protocol', 'GET /queue: answer has no Name');
    }
    // A numeric name loads the queue with that id; a disabled queue refuses tickets.
    if (queue.Name.toLowerCase() !== this.o.queue.toLowerCase() || queue.Disabled === '1') {
      return null;
    }
    const fields = Array.isArray(queue.TicketCustomFields) ? queue.TicketCustomFields : [];
    return new Set(
      fields.flatMap((f) => (isJson(f) && typeof f.name === 'string' ? [f.name] : [])),
    );
  }

  private async ticketFieldExists(name: RtFieldName): Promise<boolean> {
    const found = await this.http.json('POST', '/customfields', 200, [
      { field: 'Name', value: name },
      { field: 'LookupType', value: 'RT::Queue-RT::Ticket' },
    ]);
    return isJson(found) && Array.isArray(found.items) && found.items.length > 0;
  }

  private async ticket(id: string): Promise<Json> {
    const ticket = await this.http.json('GET', ticketPath(id), 200);
    if (!isJson(ticket))
      throw new ConnectorError('protocol', 'GET /ticket: answer is not a ticket');
    return ticket;
  }

  private remoteTicket(t: Json): RemoteTicket {
    const id = String(t.id ?? '');
    if (!/^\d+$/.test(id) || typeof t.Status !== 'string') {
      throw new ConnectorError('protocol', 'ticket answer has no id or Status');
    }
    const status = t.Status.toLowerCase();
    const phase = rtPhase(status);
    return {
      id,
      phase,
      status,
      pauseReason: phase === 'paused' ? fieldValue(t, RT_FIELDS.slaReason) : null,
      updatedAt: typeof t.LastUpdated === 'string' ? t.LastUpdated : null,
      url: `${webRoot(this.o.baseUrl)}/Ticket/Display.html?id=${id}`,
    };
  }
}

/**
 * RT's default lifecycle onto Loket's phases. A status of a custom lifecycle that Loket does not
 * know counts as being worked on; its own word is still shown to staff.
 */
export function rtPhase(status: string): TicketPhase {
  switch (status) {
    case 'new':
      return 'new';
    case 'stalled':
      return 'paused';
    case 'resolved':
      return 'resolved';
    case 'rejected':
    case 'deleted':
      return 'rejected';
    default:
      return 'in_progress';
  }
}

/** The web root, also when someone pasted the API's address instead. */
export function webRoot(baseUrl: string): string {
  return baseUrl.replace(/\/+$/, '').replace(/\/REST\/2\.0$/i, '');
}

function isJson(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The first value of a custom field in a ticket as REST2 serialises it. */
function fieldValue(ticket: Json, name: string): string | null {
  const fields = Array.isArray(ticket.CustomFields) ? ticket.CustomFields : [];
  for (const f of fields) {
    if (!isJson(f) || f.name !== name || !Array.isArray(f.values)) continue;
    const [first] = f.values as unknown[];
    return typeof first === 'string' ? first : null;
  }
  return null;
}

/** A TicketSQL string literal: RT's parser takes backslash escapes inside quotes. */
export function ticketSqlString(value: string): string {
  return value.replace(/[\\']/g, (c) => `\\${c}`);
}

function ticketPath(id: string): string {
  if (!/^\d+$/.test(id)) {
    throw new ConnectorError('rejected', `"${id.slice(0, 40)}" is not an RT ticket number`);
  }
  return `/ticket/${id}`;
}
