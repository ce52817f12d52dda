import { RT_FIELDS } from '../../../electron/core/sync/connectors/rt-connector';
import type { RtFieldName } from '../../../electron/core/sync/connectors/rt-ticket-payload';

/** Where an RT for tests is and how to log in as its administrator. */
export interface RtAccount {
  baseUrl: string;
  username: string;
  password: string;
}

export interface LoketQueueSetup {
  queueId: number;
  fieldIds: Record<RtFieldName, number>;
}

export const LOKET_QUEUE = 'Loket Escalations';

type Answer = { status: number; json: Record<string, unknown> };

/** RT's REST2 with the administrator account, for setting up and poking at tickets in tests. */
export function rtAdmin(rt: RtAccount) {
  const auth = `Basic ${Buffer.from(`${rt.username}:${rt.password}`).toString('base64')}`;
  const call = async (method: string, path: string, body?: unknown): Promise<Answer> => {
    const res = await fetch(`${rt.baseUrl}/REST/2.0${path}`, {
      method,
      headers: { Authorization: auth, 'Content-Type': 'application/json' },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    const parsed: unknown = text ? JSON.parse(text) : {};
    // A list (the messages of a PUT) is kept under `messages`.
    const json = Array.isArray(parsed) ? { messages: parsed } : (parsed as Record<string, unknown>);
    return { status: res.status, json };
  };

  /** RT answers 200 to a refused change: the ticket read back is the proof. */
  const update = async (id: string, change: Record<string, unknown>, expectStatus: string) => {
    const put = await call('PUT', `/ticket/${id}`, change);
    const read = await call('GET', `/ticket/${id}`);
    if (put.status !== 200 || read.json.Status !== expectStatus) {
      throw new Error(
        `RT did not set ticket ${id} to ${expectStatus}: ${put.status} ${JSON.stringify(put.json)}`,
      );
    }
    return put;
  };

  return {
    call,
    setup: (queue = LOKET_QUEUE) => setupLoketQueue(rt, queue),
    /** Any status of the queue's lifecycle, set directly as a backend agent would. */
    setStatus: (id: string, status: string) => update(id, { Status: status }, status),
    resolve: (id: string) => update(id, { Status: 'resolved' }, 'resolved'),
    /** Stalled, with the SLA pause reason Loket reads. */
    stall: (id: string, reason: string) =>
      update(id, { Status: 'stalled', CustomFields: { [RT_FIELDS.slaReason]: reason } }, 'stalled'),
    setField: (id: string, name: string, value: string) =>
      call('PUT', `/ticket/${id}`, { CustomFields: { [name]: value } }),
  };
}

/** The queue and the custom fields Loket needs, as an RT administrator would set them up. */
export async function setupLoketQueue(
  rt: RtAccount,
  queue = LOKET_QUEUE,
): Promise<LoketQueueSetup> {
  const { call } = rtAdmin(rt);
  const q = await call('POST', '/queue', { Name: queue, Description: 'Eskalasi dari Loket' });
  if (q.status !== 201) throw new Error(`queue ${queue}: ${q.status} ${JSON.stringify(q.json)}`);
  const queueId = Number(q.json.id);
  const fieldIds = {} as Record<RtFieldName, number>;
  for (const name of Object.values(RT_FIELDS)) {
    const cf = await call('POST', '/customfield', {
      Name: name,
      Type: 'Freeform',
      MaxValues: 1,
      LookupType: 'RT::Queue-RT::Ticket',
      Queue: queueId,
    });
    if (cf.status !== 201) throw new Error(`custom field ${name}: ${cf.status}`);
    fieldIds[name] = Number(cf.json.id);
  }
  return { queueId, fieldIds };
}
