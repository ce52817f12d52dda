import { randomBytes } from 'node:crypto';
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type SetupProblem,
  type TicketDraft,
} from '../../../electron/core/sync/connectors/helpdesk-connector';
import {
  RT_FIELDS,
  RtConnector,
  type RtConnectorOptions,
} from '../../../electron/core/sync/connectors/rt-connector';
import { startRt, type RtInstance } from '../../helpers/rt/rt-instance';
import { LOKET_QUEUE, rtAdmin } from '../../helpers/rt/rt-setup';
import { connectorFailure as failure } from '../../helpers/connector-failure';

let rt: RtInstance;
let admin: ReturnType<typeof rtAdmin>;
let connector: RtConnector;
let problemsOnFreshRt: SetupProblem[];

const connect = (options: Partial<RtConnectorOptions> = {}) =>
  new RtConnector({
    baseUrl: rt.baseUrl,
    queue: LOKET_QUEUE,
    credentials: { username: rt.username, password: rt.password },
    timeoutMs: 10_000,
    ...options,
  });

beforeAll(async () => {
  rt = await startRt();
  admin = rtAdmin(rt);
  connector = connect();
  problemsOnFreshRt = await connector.checkSetup();
  await rt.setup();
}, 60_000);

afterAll(async () => {
  await rt?.stop();
}, 20_000);

// Every byte value, in four different orders (7 is prime to 256).
const pdfLike = Buffer.concat([
  Buffer.from('%PDF-1.4\n%'),
  Buffer.from(Array.from({ length: 1024 }, (_, i) => (i * 7 + (i >> 8)) % 256)),
  Buffer.from('\n%%EOF\n'),
]);
const pngLike = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('0000000d49484452000001000000010008060000005c72a866', 'hex'),
  randomBytes(4096),
]);
const utf8Text = Buffer.from('Catatan petugas:\r\nPelapor dari LPSE Kab. Pidié — 山\r\n', 'utf8');

const draft = (caseCode: string, overrides: Partial<TicketDraft> = {}): TicketDraft => ({
  caseCode,
  subject: `[${caseCode}] Akun dan login: lupa kata sandi`,
  requestor: { name: 'Budi Santoso', email: 'budi@contoh.id', phone: '+6281234567890' },
  body: `Form Permohonan Permasalahan LPSE — ${caseCode}\nUraian: lupa kata sandi`,
  category: 'akun_login',
  lpse: 'LPSE Kota Bandung',
  ticketType: 'permasalahan',
  errorCode: null,
  attachments: [],
  ...overrides,
});

type Json = Record<string, unknown>;

async function ticketJson(id: string): Promise<Json> {
  const read = await admin.call('GET', `/ticket/${id}`);
  expect(read.status).toBe(200);
  return read.json;
}

function fields(ticket: Json): Record<string, string | undefined> {
  const list = (ticket.CustomFields ?? []) as { name: string; values: string[] }[];
  return Object.fromEntries(list.map((f) => [f.name, f.values[0]]));
}

/** Every MIME part RT stored under a ticket or a transaction, decoded from its base64. */
async function parts(listPath: string): Promise<{ fileName: string; bytes: Buffer }[]> {
  const list = await admin.call('GET', `${listPath}?per_page=100`);
  const found = [];
  for (const item of list.json.items as { id: string }[]) {
    const a = (await admin.call('GET', `/attachment/${item.id}`)).json;
    found.push({
      fileName: typeof a.Filename === 'string' ? a.Filename : '',
      bytes: Buffer.from(String(a.Content ?? ''), 'base64'),
    });
  }
  return found;
}

/** The ticket's attachments as RT stores them, by file name. */
async function downloads(id: string): Promise<Map<string, Buffer>> {
  const files = (await parts(`/ticket/${id}/attachments`)).filter((p) => p.fileName);
  return new Map(files.map((p) => [p.fileName, p.bytes]));
}

/** The texts of the ticket's comments, from its history. */
async function comments(id: string): Promise<string[]> {
  const history = await admin.call('GET', `/ticket/${id}/history?per_page=100&fields=Type`);
  const texts: string[] = [];
  for (const txn of history.json.items as { id: string; Type: string }[]) {
    if (txn.Type !== 'Comment') continue;
    const text = (await parts(`/transaction/${txn.id}/attachments`))
      .map((p) => p.bytes.toString('utf8'))
      .join('');
    texts.push(text);
  }
  return texts;
}

async function listen<T extends Server | HttpServer>(server: T): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('Request Tracker 5 connector against a real RT', () => {
  it('lists exactly what is missing on a fresh RT, and nothing once it is set up', async () => {
    expect(problemsOnFreshRt).toEqual([
      { code: 'queue_missing', name: LOKET_QUEUE },
      { code: 'field_missing', name: RT_FIELDS.caseId },
      { code: 'field_missing', name: RT_FIELDS.category },
      { code: 'field_missing', name: RT_FIELDS.lpse },
      { code: 'field_missing', name: RT_FIELDS.slaReason },
    ]);
    expect(await connector.checkSetup()).toEqual([]);

    expect((await admin.call('POST', '/queue', { Name: 'Loket Triage' })).status).toBe(201);
    expect(await connect({ queue: 'Loket Triage' }).checkSetup()).toEqual(
      Object.values(RT_FIELDS).map((name) => ({ code: 'field_not_applied', name })),
    );
    const wrongPassword = connect({ credentials: { username: 'root', password: 'salah' } });
    expect(await wrongPassword.checkSetup()).toEqual([{ code: 'credentials' }]);
    expect(await connect({ baseUrl: 'http://127.0.0.1:1' }).checkSetup()).toEqual([
      { code: 'unreachable' },
    ]);
  });

  it('creates a ticket with its custom fields and requestor, attachments byte for byte', async () => {
    const sent = draft('KS-TEST-261124-001', {
      attachments: [
        { fileName: 'nib.pdf', mime: 'application/pdf', bytes: pdfLike },
        { fileName: 'layar.png', mime: 'image/png', bytes: pngLike },
        { fileName: 'catatan.txt', mime: 'text/plain', bytes: utf8Text },
      ],
    });
    const ticket = await connector.createTicket(sent);
    expect(ticket).toEqual({
      id: expect.stringMatching(/^\d+$/),
      phase: 'new',
      status: 'new',
      pauseReason: null,
      updatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
      url: `${rt.baseUrl}/Ticket/Display.html?id=${ticket.id}`,
    });

    const stored = await ticketJson(ticket.id);
    expect(stored).toMatchObject({ Subject: sent.subject, Status: 'new' });
    expect(fields(stored)).toEqual({
      [RT_FIELDS.caseId]: 'KS-TEST-261124-001',
      [RT_FIELDS.category]: 'akun_login',
      [RT_FIELDS.lpse]: 'LPSE Kota Bandung',
    });
    expect((stored.Requestor as { id: string }[]).map((r) => r.id)).toEqual(['budi@contoh.id']);

    const files = await downloads(ticket.id);
    expect([...files.keys()].sort()).toEqual(['catatan.txt', 'layar.png', 'nib.pdf']);
    for (const a of sent.attachments) {
      expect(files.get(a.fileName)?.equals(a.bytes), a.fileName).toBe(true);
    }
  });

  it('keeps what RT would drop, refuse or garble: no email, odd names, other charsets', async () => {
    const latin1 = Buffer.from('Daftar hadir: Pidi\xe9\r\n\x00', 'latin1');
    const ticket = await connector.createTicket(
      draft('KS-TEST-261124-002', {
        requestor: { name: 'Siti', email: null, phone: '+6285712345678' },
        attachments: [
          { fileName: 'daftar.txt', mime: 'text/plain', bytes: latin1 },
          { fileName: 'Surat pernyataan é 山.txt', mime: 'text/plain', bytes: utf8Text },
          { fileName: 'kosong.pdf', mime: 'application/pdf', bytes: Buffer.alloc(0) },
        ],
      }),
    );
    const stored = await ticketJson(ticket.id);
    expect(stored.Requestor).toEqual([]);
    const files = await downloads(ticket.id);
    expect(files.get('daftar.txt')?.equals(latin1)).toBe(true);
    expect(files.get('Surat pernyataan e _.txt')?.equals(utf8Text)).toBe(true);
    expect(files.has('kosong.pdf')).toBe(false);

    const text = (await parts(`/ticket/${ticket.id}/attachments`))
      .filter((p) => !p.fileName)
      .map((p) => p.bytes.toString('utf8'))
      .join('\n');
    expect(text).toContain('Pelapor tanpa email; hubungi melalui telepon: Siti, +6285712345678');
    expect(text).toContain('Lampiran kosong (0 byte), tidak dikirim: kosong.pdf');
  });

  it('finds a ticket by its exact case ID only, quotes and backslashes included', async () => {
    const created = await connector.createTicket(draft('KS-TEST-261124-003'));
    expect(await connector.findByCaseCode('KS-TEST-261124-003')).toEqual(created);
    expect(await connector.findByCaseCode('KS-TEST-261124-999')).toBeNull();
    // RT itself matches this one: custom field values compare case-insensitively.
    expect(await connector.findByCaseCode('ks-test-261124-003')).toBeNull();
    expect(await connector.findByCaseCode("KS-TEST-261124-003' OR 'x' = 'x")).toBeNull();

    const quoted = "KS-O'NEIL\\-261124-004";
    const withQuote = await connector.createTicket(draft(quoted));
    expect((await connector.findByCaseCode(quoted))?.id).toBe(withQuote.id);
  });

  it('follows the status set in RT: new, resolved, stalled with a reason, reopened by a note', async () => {
    const { id } = await connector.createTicket(draft('KS-TEST-261124-005'));
    expect(await connector.readStatus(id)).toMatchObject({
      id,
      phase: 'new',
      status: 'new',
      pauseReason: null,
    });

    await admin.resolve(id);
    expect(await connector.readStatus(id)).toMatchObject({ phase: 'resolved', status: 'resolved' });

    await connector.addNote(id, 'Catatan tanpa membuka kembali.', false);
    expect((await connector.readStatus(id)).status).toBe('resolved');

    await admin.stall(id, 'development');
    expect(await connector.readStatus(id)).toMatchObject({
      phase: 'paused',
      status: 'stalled',
      pauseReason: 'development',
    });

    await connector.addNote(id, 'Pengunjung: belum terselesaikan, mohon dicek ulang.', true);
    expect(await connector.readStatus(id)).toMatchObject({
      phase: 'in_progress',
      status: 'open',
      pauseReason: null,
    });
    expect(await comments(id)).toEqual([
      expect.stringContaining('Catatan tanpa membuka kembali.'),
      expect.stringContaining('Pengunjung: belum terselesaikan, mohon dicek ulang.'),
    ]);
  });

  it('logs in with an RT auth token as well', async () => {
    const { id } = await connector.createTicket(draft('KS-TEST-261124-006'));
    const withToken = connect({ credentials: { token: rt.createToken() } });
    expect((await withToken.readStatus(id)).status).toBe('new');
    expect(await withToken.checkSetup()).toEqual([]);
    const badToken = connect({ credentials: { token: '1-14-00000000000000000000000000000000' } });
    expect((await failure(badToken.readStatus(id))).kind).toBe('auth');
  });

  it('classifies what RT refuses: credentials, a missing ticket, and a missing queue or field as faults of the setup', async () => {
    const wrongPassword = connect({ credentials: { username: 'root', password: 'salah' } });
    const auth = await failure(wrongPassword.createTicket(draft('KS-TEST-261124-007')));
    expect(auth.kind).toBe('auth');
    expect(auth.message).not.toContain('salah');

    const noQueue = await failure(
      connect({ queue: 'Tidak Ada' }).createTicket(draft('KS-TEST-261124-008')),
    );
    expect(noQueue.kind).toBe('setup');
    expect(noQueue.message).toContain('Tidak Ada');
    expect((await failure(connector.readStatus('999999'))).kind).toBe('rejected');
    expect((await failure(connector.addNote('999999', 'x', false))).kind).toBe('rejected');

    // 'Loket Triage' has none of the fields: RT drops them and still answers 201.
    const dropped = await failure(
      connect({ queue: 'Loket Triage' }).createTicket(draft('KS-TEST-261124-009')),
    );
    expect(dropped.kind).toBe('setup');
    expect(dropped.message).toMatch(/^ticket \d+ was created without custom field "Loket Case ID"/);
    expect(await connector.findByCaseCode('KS-TEST-261124-009')).toBeNull();
  });
});

describe('Request Tracker 5 connector when the network or the server fails', () => {
  it('says unreachable when nothing listens, or the connection closes mid-upload', async () => {
    const nothing = connect({ baseUrl: 'http://127.0.0.1:1' });
    expect((await failure(nothing.readStatus('1'))).kind).toBe('unreachable');

    const hangUp = createServer((socket) => socket.once('data', () => socket.destroy()));
    const baseUrl = await listen(hangUp);
    try {
      const big = { fileName: 'scan.pdf', mime: 'application/pdf', bytes: randomBytes(4 << 20) };
      const closed = connect({ baseUrl }).createTicket(
        draft('KS-TEST-261124-010', { attachments: [big] }),
      );
      expect((await failure(closed)).kind).toBe('unreachable');
    } finally {
      hangUp.close();
    }
  });

  it('gives up with a timeout when the server accepts and never answers', async () => {
    const sockets = new Set<Socket>();
    const silent = createServer((socket) => sockets.add(socket));
    const baseUrl = await listen(silent);
    try {
      const started = Date.now();
      // A token: no login to RT's web session in front of the request, which would wait too.
      const err = await failure(
        connect({ baseUrl, timeoutMs: 400, credentials: { token: '1-1-x' } }).readStatus('1'),
      );
      const elapsed = Date.now() - started;
      expect(err.kind).toBe('timeout');
      expect(elapsed).toBeGreaterThanOrEqual(380);
      expect(elapsed).toBeLessThan(2000);
      expect(sockets.size).toBe(1);
    } finally {
      for (const s of sockets) s.destroy();
      silent.close();
    }
  });

  it('tells server errors, throttling and answers that are not RT apart', async () => {
    const answers: Record<string, [number, string, string]> = {
      '/REST/2.0/ticket/1': [503, 'text/html', '<h1>Service Unavailable</h1>'],
      '/REST/2.0/ticket/2': [429, 'application/json', '{"message":"slow down"}'],
      '/REST/2.0/ticket/3': [200, 'text/html', '<html>Portal login Wi-Fi</html>'],
      '/REST/2.0/ticket/4': [302, 'text/plain', 'Login required'],
      '/REST/2.0/ticket/5': [200, 'application/json', '{"message":"ok"}'],
      '/REST/2.0/tickets': [200, 'application/json', '{"message":"ok"}'],
    };
    const fake = createHttpServer((req, res) => {
      const path = new URL(req.url ?? '/', 'http://fake').pathname;
      const [status, type, body] = answers[path] ?? [404, 'text/plain', ''];
      res.writeHead(status, { 'Content-Type': type, Location: '/' }).end(body);
    });
    const baseUrl = await listen(fake);
    try {
      const c = connect({ baseUrl });
      expect((await failure(c.readStatus('1'))).kind).toBe('server');
      expect((await failure(c.readStatus('2'))).kind).toBe('server');
      expect((await failure(c.readStatus('3'))).kind).toBe('protocol');
      expect((await failure(c.readStatus('4'))).kind).toBe('protocol');
      expect((await failure(c.readStatus('5'))).kind).toBe('protocol');
      // Not "no such ticket": creating on that answer could make a second ticket.
      expect((await failure(c.findByCaseCode('KS-TEST-261124-011'))).kind).toBe('protocol');
    } finally {
      fake.close();
    }
  });
});
