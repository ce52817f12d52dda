import { RT_FIELDS } from '../../../electron/core/sync/connectors/rt-connector';
import type { RtInstance } from './rt-instance';

/** RT's REST2 with the instance's root account, for setting up and poking at tickets in tests. */
export function rtAdmin(rt: RtInstance) {
  const auth = `Basic ${Buffer.from(`${rt.username}:${rt.password}`).toString('base64')}`;
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${rt.baseUrl}/REST/2.0${path}`, {
      method,
      headers: { Authorization: auth, 'Content-Type': 'application/json' },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
  };
  return {
    call,
    /** The queue and the custom fields Loket needs, as an RT administrator would set them up. */
    async setup(queue = 'Loket Escalations'): Promise<void> {
      const q = await call('POST', '/queue', { Name: queue, Description: 'Eskalasi dari Loket' });
      if (q.status !== 201) throw new Error(`queue: ${q.status} ${JSON.stringify(q.json)}`);
      for (const name of Object.values(RT_FIELDS)) {
        const cf = await call('POST', '/customfield', {
          Name: name,
          Type: 'Freeform',
          MaxValues: 1,
          LookupType: 'RT::Queue-RT::Ticket',
          Queue: q.json.id,
        });
        if (cf.status !== 201) throw new Error(`custom field ${name}: ${cf.status}`);
      }
    },
    setStatus: (id: string, status: string) => call('PUT', `/ticket/${id}`, { Status: status }),
    setField: (id: string, name: string, value: string) =>
      call('PUT', `/ticket/${id}`, { CustomFields: { [name]: value } }),
  };
}
