import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConnectorError } from '../../../electron/core/sync/connectors/helpdesk-connector';
import { RT_FIELDS, RtConnector } from '../../../electron/core/sync/connectors/rt-connector';
import { startRt, type RtInstance } from '../../helpers/rt/rt-instance';
import { rtAdmin } from '../../helpers/rt/rt-setup';

let rt: RtInstance;
let connector: RtConnector;
let admin: ReturnType<typeof rtAdmin>;

beforeAll(async () => {
  rt = await startRt();
  admin = rtAdmin(rt);
  connector = new RtConnector({
    baseUrl: rt.baseUrl,
    queue: 'Loket Escalations',
    credentials: { username: rt.username, password: rt.password },
    timeoutMs: 10_000,
  });
}, 90_000);

afterAll(async () => {
  await rt?.stop();
}, 30_000);

const everyByte = Buffer.from(Array.from({ length: 512 }, (_, i) => i % 256));
const draft = (caseCode: string) => ({
  caseCode,
  subject: `[${caseCode}] Akun dan login: lupa kata sandi`,
  requestor: { name: 'Budi Santoso', email: 'budi@contoh.id', phone: '+6281234567890' },
  body: 'Form Permohonan Permasalahan LPSE\nUraian: lupa kata sandi',
  category: 'akun_login',
  lpse: 'LPSE Kota Bandung',
  slaReason: null,
  attachments: [
    {
      fileName: 'nib.pdf',
      mime: 'application/pdf',
      bytes: Buffer.concat([Buffer.from('%PDF-1.4\n'), everyByte]),
    },
    {
      fileName: 'layar.png',
      mime: 'image/png',
      bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 1, 2, 3]),
    },
    { fileName: 'catatan.txt', mime: 'text/plain', bytes: Buffer.from('catatan petugas: ñ é 山') },
  ],
});

async function kindOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (err) {
    if (err instanceof ConnectorError) return err.kind;
    throw err;
  }
}

describe('Request Tracker 5 connector (a real RT)', () => {
  it('says exactly what is missing on a fresh RT, and nothing once it is set up', async () => {
    expect(await connector.checkSetup()).toEqual([
      { code: 'queue_missing', name: 'Loket Escalations' },
    ]);
    await admin.setup();
    expect(await connector.checkSetup()).toEqual([]);
    const wrong = new RtConnector({
      baseUrl: rt.baseUrl,
      queue: 'Loket Escalations',
      credentials: { username: 'root', password: 'nope' },
    });
    expect(await wrong.checkSetup()).toEqual([{ code: 'credentials' }]);
  }, 30_000);

  it('creates a ticket with the case ID, fields and attachments byte for byte', async () => {
    const ticket = await connector.createTicket(draft('KS-TEST-261124-001'));
    expect(ticket.status).toBe('new');
    const read = await admin.call('GET', `/ticket/${ticket.id}`);
    const fields = Object.fromEntries(
      ((read.json.CustomFields ?? []) as { name: string; values: string[] }[]).map((f) => [
        f.name,
        f.values[0],
      ]),
    );
    expect(fields).toMatchObject({
      [RT_FIELDS.caseId]: 'KS-TEST-261124-001',
      [RT_FIELDS.category]: 'akun_login',
      [RT_FIELDS.lpse]: 'LPSE Kota Bandung',
    });
    const list = await admin.call('GET', `/ticket/${ticket.id}/attachments?per_page=50`);
    const downloaded = new Map<string, Buffer>();
    for (const item of (list.json.items ?? []) as { id: string }[]) {
      const a = await admin.call('GET', `/attachment/${item.id}`);
      const name = String(a.json.Filename ?? '');
      if (name) downloaded.set(name, Buffer.from(String(a.json.Content ?? ''), 'base64'));
    }
    for (const a of draft('x').attachments)
      expect(downloaded.get(a.fileName), a.fileName).toEqual(a.bytes);
  }, 30_000);

  it('finds a ticket by its case ID, and nothing for an unknown or quoted code', async () => {
    const created = await connector.createTicket(draft('KS-TEST-261124-002'));
    expect((await connector.findByCaseCode('KS-TEST-261124-002'))?.id).toBe(created.id);
    expect(await connector.findByCaseCode('KS-TEST-261124-999')).toBeNull();
    expect(await connector.findByCaseCode("KS-TEST-261124-002' OR '1'='1")).toBeNull();
  }, 30_000);

  it('reads status changes made in RT: resolved, stalled with a reason, reopened by a note', async () => {
    const { id } = await connector.createTicket(draft('KS-TEST-261124-003'));
    await admin.setStatus(id, 'resolved');
    expect((await connector.readStatus(id)).status).toBe('resolved');
    await admin.setField(id, RT_FIELDS.slaReason, 'development');
    await admin.setStatus(id, 'stalled');
    expect(await connector.readStatus(id)).toMatchObject({
      status: 'stalled',
      stalledReason: 'development',
    });
    await connector.addNote(id, 'Pengunjung: belum terselesaikan, mohon dicek ulang.', true);
    expect((await connector.readStatus(id)).status).toBe('open');
    const history = await admin.call('GET', `/ticket/${id}/history?per_page=100&fields=Type`);
    expect(
      ((history.json.items ?? []) as { Type?: string }[]).some((h) => h.Type === 'Comment'),
    ).toBe(true);
  }, 30_000);

  it('classifies failures: wrong password, missing queue, nobody listening, no answer', async () => {
    const wrong = new RtConnector({
      baseUrl: rt.baseUrl,
      queue: 'Loket Escalations',
      credentials: { username: 'root', password: 'nope' },
    });
    expect(await kindOf(wrong.createTicket(draft('KS-TEST-261124-004')))).toBe('auth');
    const noQueue = new RtConnector({
      baseUrl: rt.baseUrl,
      queue: 'Tidak Ada',
      credentials: { username: rt.username, password: rt.password },
    });
    expect(await kindOf(noQueue.createTicket(draft('KS-TEST-261124-005')))).toBe('rejected');
    const closed = new RtConnector({
      baseUrl: 'http://127.0.0.1:1',
      queue: 'x',
      credentials: { username: 'a', password: 'b' },
    });
    expect(await kindOf(closed.readStatus('1'))).toBe('unreachable');
    const silent: Server = createServer(() => {}); // accepts, never answers
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', () => r()));
    const port = (silent.address() as { port: number }).port;
    const slow = new RtConnector({
      baseUrl: `http://127.0.0.1:${port}`,
      queue: 'x',
      credentials: { username: 'a', password: 'b' },
      timeoutMs: 300,
    });
    expect(await kindOf(slow.readStatus('1'))).toBe('timeout');
    silent.close();
  }, 30_000);
});
