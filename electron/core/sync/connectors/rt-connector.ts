import {
  ConnectorError,
  type HelpdeskConnector,
  type RemoteTicket,
  type SetupProblem,
  type TicketDraft,
} from './helpdesk-connector';

/** The custom fields Loket writes into each ticket; the first is the idempotency key. */
export const RT_FIELDS = {
  caseId: 'Loket Case ID',
  category: 'Loket Category',
  lpse: 'Loket LPSE',
  slaReason: 'Loket SLA Reason',
} as const;

export interface RtConnectorOptions {
  baseUrl: string;
  queue: string;
  credentials: { username: string; password: string } | { token: string };
  timeoutMs?: number;
}

interface RtTicket {
  id: number | string;
  Status?: string;
  LastUpdated?: string;
  CustomFields?: { name: string; values: string[] }[];
}

/**
 * Request Tracker 5 through its REST2 API. RT answers 200 to some failures and silently drops
 * unknown custom fields, so a 2xx is not taken as success until the body, or the ticket read
 * back, says so.
 */
export class RtConnector implements HelpdeskConnector {
  private readonly api: string;
  private readonly auth: string;
  private readonly timeoutMs: number;

  constructor(private readonly o: RtConnectorOptions) {
    this.api = `${o.baseUrl.replace(/\/$/, '')}/REST/2.0`;
    this.auth =
      'token' in o.credentials
        ? `token ${o.credentials.token}`
        : `Basic ${Buffer.from(`${o.credentials.username}:${o.credentials.password}`).toString('base64')}`;
    this.timeoutMs = o.timeoutMs ?? 30_000;
  }

  async createTicket(draft: TicketDraft): Promise<RemoteTicket> {
    const body = {
      Queue: this.o.queue,
      Subject: draft.subject,
      // RT wants an address for a requestor; a visitor without email is named in the content.
      ...(draft.requestor.email && { Requestor: draft.requestor.email }),
      Content: draft.body,
      ContentType: 'text/plain',
      CustomFields: {
        [RT_FIELDS.caseId]: draft.caseCode,
        [RT_FIELDS.category]: draft.category,
        ...(draft.lpse && { [RT_FIELDS.lpse]: draft.lpse }),
        ...(draft.slaReason && { [RT_FIELDS.slaReason]: draft.slaReason }),
      },
      Attachments: draft.attachments.map((a) => ({
        FileName: a.fileName,
        FileType: a.mime,
        FileContent: a.bytes.toString('base64'),
      })),
    };
    const created = (await this.request('POST', '/ticket', body, [201])) as {
      id?: string | number;
    };
    if (created.id === undefined)
      throw new ConnectorError('protocol', 'create answered without a ticket id');
    const ticket = await this.readStatus(String(created.id));
    const stored = await this.ticket(String(created.id));
    if (fieldValue(stored, RT_FIELDS.caseId) !== draft.caseCode) {
      throw new ConnectorError(
        'rejected',
        `custom field "${RT_FIELDS.caseId}" missing on queue "${this.o.queue}"`,
      );
    }
    return ticket;
  }

  async findByCaseCode(caseCode: string): Promise<RemoteTicket | null> {
    const escaped = caseCode.replaceAll('\\', '\\\\').replaceAll("'", "\\'");
    const query = `Queue = '${this.o.queue.replaceAll("'", "\\'")}' AND 'CF.{${RT_FIELDS.caseId}}' = '${escaped}'`;
    const result = (await this.request(
      'GET',
      `/tickets?query=${encodeURIComponent(query)}&fields=Status`,
      undefined,
      [200],
    )) as {
      items?: { id: string | number }[];
    };
    // A search answer without its list is not "no ticket": creating on it could duplicate one.
    if (!Array.isArray(result.items))
      throw new ConnectorError('protocol', 'search answered without items');
    const first = result.items[0];
    if (!first) return null;
    const found = await this.readStatus(String(first.id));
    // Trust the read-back, not the search: a code must match exactly.
    return fieldValue(await this.ticket(found.id), RT_FIELDS.caseId) === caseCode ? found : null;
  }

  async readStatus(id: string): Promise<RemoteTicket> {
    const t = await this.ticket(id);
    return {
      id: String(t.id),
      status: t.Status ?? 'unknown',
      stalledReason: fieldValue(t, RT_FIELDS.slaReason),
      updatedAt: t.LastUpdated ?? null,
      url: `${this.o.baseUrl.replace(/\/$/, '')}/Ticket/Display.html?id=${t.id}`,
    };
  }

  async addNote(id: string, text: string, reopen: boolean): Promise<void> {
    await this.request(
      'POST',
      `/ticket/${encodeURIComponent(id)}/comment`,
      { Content: text, ContentType: 'text/plain' },
      [201],
    );
    if (reopen) {
      const messages = await this.request(
        'PUT',
        `/ticket/${encodeURIComponent(id)}`,
        { Status: 'open' },
        [200],
      );
      // RT answers 200 with a sentence when it refuses a change.
      if (
        Array.isArray(messages) &&
        messages.some(
          (m) => typeof m === 'string' && /not|invalid|denied/i.test(m) && !/changed/i.test(m),
        )
      ) {
        throw new ConnectorError('protocol', `reopen refused: ${messages.join('; ')}`);
      }
    }
  }

  async checkSetup(): Promise<SetupProblem[]> {
    try {
      await this.request('GET', '/rt', undefined, [200]);
    } catch (err) {
      if (err instanceof ConnectorError)
        return [{ code: err.kind === 'auth' ? 'credentials' : 'unreachable' }];
      throw err;
    }
    let queue: { id?: string | number; CustomFields?: { name?: string; id?: string }[] };
    try {
      queue = (await this.request(
        'GET',
        `/queue/${encodeURIComponent(this.o.queue)}`,
        undefined,
        [200],
      )) as typeof queue;
    } catch {
      return [{ code: 'queue_missing', name: this.o.queue }];
    }
    const fields = (await this.request(
      'GET',
      `/queue/${queue.id}/customfields?per_page=100`,
      undefined,
      [200],
    )) as {
      items?: { id: string | number }[];
    };
    const names = new Set<string>();
    for (const item of fields.items ?? []) {
      const cf = (await this.request('GET', `/customfield/${item.id}`, undefined, [200])) as {
        Name?: string;
      };
      if (cf.Name) names.add(cf.Name);
    }
    return Object.values(RT_FIELDS)
      .filter((name) => !names.has(name))
      .map((name) => ({ code: 'field_missing' as const, name }));
  }

  private ticket(id: string): Promise<RtTicket> {
    return this.request(
      'GET',
      `/ticket/${encodeURIComponent(id)}`,
      undefined,
      [200],
    ) as Promise<RtTicket>;
  }

  private async request(
    method: string,
    path: string,
    body: unknown,
    expect: number[],
  ): Promise<unknown> {
    let res: Response;
    try {
      res = await fetch(`${this.api}${path}`, {
        method,
        headers: {
          Authorization: this.auth,
          Accept: 'application/json',
          ...(body !== undefined && { 'Content-Type': 'application/json' }),
        },
        ...(body !== undefined && { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (err) {
      if (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError')) {
        throw new ConnectorError(
          'timeout',
          `${method} ${path}: no answer within ${this.timeoutMs} ms`,
        );
      }
      const cause =
        err instanceof Error && err.cause instanceof Error ? err.cause.message : String(err);
      throw new ConnectorError('unreachable', `${method} ${path}: ${cause}`);
    }
    let text: string;
    try {
      text = await res.text();
    } catch (err) {
      throw new ConnectorError(
        'unreachable',
        `${method} ${path}: connection closed (${String(err)})`,
      );
    }
    if (res.status === 401) throw new ConnectorError('auth', `${method} ${path}: 401`);
    if (res.status === 400 || res.status === 403 || res.status === 404 || res.status === 422) {
      throw new ConnectorError(
        'rejected',
        `${method} ${path}: ${res.status} ${text.slice(0, 200)}`,
      );
    }
    if (res.status >= 500) throw new ConnectorError('server', `${method} ${path}: ${res.status}`);
    if (!expect.includes(res.status))
      throw new ConnectorError('protocol', `${method} ${path}: unexpected ${res.status}`);
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new ConnectorError('protocol', `${method} ${path}: answer is not JSON`);
    }
  }
}

function fieldValue(ticket: RtTicket, name: string): string | null {
  return ticket.CustomFields?.find((f) => f.name === name)?.values[0] ?? null;
}
