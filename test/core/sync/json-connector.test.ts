import { randomBytes } from 'node:crypto';
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type TicketDraft } from '../../../electron/core/sync/connectors/helpdesk-connector';
import {
  JsonConnector,
  type JsonConnectorOptions,
} from '../../../electron/core/sync/connectors/json-connector';
import { OPENAPI_FILE } from '../../helpers/json-helpdesk/contract-validator';
import { ReferenceHelpdesk } from '../../helpers/json-helpdesk/reference-backend';
import { connectorFailure as failure } from '../../helpers/connector-failure';

let backend: ReferenceHelpdesk;
let connector: JsonConnector;

const connect = (options: Partial<JsonConnectorOptions> = {}) =>
  new JsonConnector({
    baseUrl: backend.baseUrl,
    token: backend.token,
    timeoutMs: 5000,
    ...options,
  });

beforeEach(async () => {
  backend = new ReferenceHelpdesk();
  await backend.start();
  connector = connect();
});

afterEach(async () => {
  // Whatever a test did, nothing Loket sent or the backend answered may stray from the document.
  expect(backend.contractErrors).toEqual([]);
  await backend.stop();
});

const scan = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(64 * 1024)]);
const screenshot = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), randomBytes(8 * 1024)]);

const draft = (caseCode: string, overrides: Partial<TicketDraft> = {}): TicketDraft => ({
  caseCode,
  subject: `[${caseCode}] Akun dan login: lupa kata sandi`,
  requestor: { name: 'Budi Santoso', email: null, phone: '+6281234567890' },
  body: `Form Permohonan Permasalahan LPSE — ${caseCode}\nUraian: lupa kata sandi`,
  category: 'akun_login',
  lpse: 'LPSE Kota Bandung',
  ticketType: 'permasalahan',
  errorCode: null,
  attachments: [
    { fileName: 'NIB pindaian é.pdf', mime: 'application/pdf', bytes: scan },
    { fileName: 'layar.png', mime: 'image/png', bytes: screenshot },
  ],
  ...overrides,
});

describe('the HTTPS JSON contract document', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const validator = new Validator();
    const result = await validator.validate(OPENAPI_FILE);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });
});

describe('HTTPS JSON connector against a backend of the contract', () => {
  it('checks the setup: the token, the API, and the contract version', async () => {
    expect(await connector.checkSetup()).toEqual([]);
    expect(await connect({ token: 'salah' }).checkSetup()).toEqual([{ code: 'credentials' }]);
    expect(await connect({ baseUrl: 'http://127.0.0.1:1/v1' }).checkSetup()).toEqual([
      { code: 'unreachable' },
    ]);
    backend.version = '2.0.0';
    expect(await connector.checkSetup()).toEqual([{ code: 'contract_version', name: '2.0.0' }]);
    backend.faults.push({ kind: 'off-contract', body: { status: 'UP' } });
    expect(await connector.checkSetup()).toEqual([{ code: 'not_loket_api' }]);
  });

  it('creates a ticket with its documents, checksummed, keyed by the case ID', async () => {
    const sent = draft('KS-A-261124-001', {
      attachments: [
        ...draft('x').attachments,
        { fileName: 'kosong.txt', mime: 'text/plain', bytes: Buffer.alloc(0) },
      ],
    });
    const ticket = await connector.createTicket(sent);
    expect(ticket).toEqual({
      id: expect.stringMatching(/^HD-\d+$/),
      phase: 'new',
      status: 'new',
      pauseReason: null,
      updatedAt: expect.any(String),
      url: `https://helpdesk.contoh.go.id/tiket/${ticket.id}`,
    });
    const stored = backend.tickets.get(ticket.id)!;
    expect(stored.caseId).toBe('KS-A-261124-001');
    expect(stored.request.requestor).toEqual(sent.requestor);
    expect(stored.request.description).toContain('Uraian: lupa kata sandi');
    expect(stored.request.description).toContain('tidak dikirim: kosong.txt');
    expect(stored.request.attachments.map((a) => a.fileName)).toEqual([
      'NIB pindaian é.pdf',
      'layar.png',
    ]);
    expect(Buffer.from(stored.request.attachments[0]!.content, 'base64').equals(scan)).toBe(true);
    expect(backend.requests.at(-1)).toMatchObject({
      method: 'POST',
      path: '/v1/tickets',
      idempotencyKey: 'KS-A-261124-001',
    });
  });

  it('gets the first ticket back when a create is repeated after a lost answer', async () => {
    backend.faults.push({ kind: 'lose-answer' });
    const lost = await failure(connector.createTicket(draft('KS-A-261124-002')));
    expect(lost.kind).toBe('unreachable');
    expect(backend.tickets.size).toBe(1);

    const again = await connector.createTicket(draft('KS-A-261124-002'));
    expect(backend.tickets.size).toBe(1);
    expect(again.id).toBe(backend.ticketOfCase('KS-A-261124-002')!.id);
    expect(await connector.findByCaseCode('KS-A-261124-002')).toEqual(again);
    expect(await connector.findByCaseCode('KS-A-261124-999')).toBeNull();
  });

  it('reads the status and pause reason, and reopens with an idempotent note', async () => {
    const { id } = await connector.createTicket(draft('KS-A-261124-003'));
    backend.setStatus(id, 'paused', 'infrastructure');
    expect(await connector.readStatus(id)).toMatchObject({
      phase: 'paused',
      pauseReason: 'infrastructure',
    });
    backend.tickets.get(id)!.statusLabel = 'Menunggu tim infrastruktur';
    expect((await connector.readStatus(id)).status).toBe('Menunggu tim infrastruktur');

    backend.setStatus(id, 'resolved');
    expect((await connector.readStatus(id)).phase).toBe('resolved');
    const key = 'KS-A-261124-003:confirmation:1';
    await connector.addNote(id, 'Pengunjung: belum terselesaikan.', true, key);
    await connector.addNote(id, 'Pengunjung: belum terselesaikan.', true, key);
    expect(backend.tickets.get(id)!.notes).toEqual([
      { text: 'Pengunjung: belum terselesaikan.', reopen: true, key },
    ]);
    expect((await connector.readStatus(id)).phase).toBe('in_progress');
  });

  it('turns each failure into what the sync worker acts on', async () => {
    const code = 'KS-A-261124-004';
    const cases: [Parameters<ReferenceHelpdesk['faults']['push']>[0], string][] = [
      [{ kind: 'status', status: 500 }, 'server'],
      [{ kind: 'status', status: 503 }, 'server'],
      [{ kind: 'status', status: 409 }, 'server'],
      [{ kind: 'status', status: 429 }, 'server'],
      [{ kind: 'status', status: 400 }, 'rejected'],
      [{ kind: 'status', status: 403 }, 'rejected'],
      [{ kind: 'status', status: 413 }, 'rejected'],
      [{ kind: 'status', status: 401 }, 'auth'],
      [{ kind: 'status', status: 302 }, 'protocol'],
      [{ kind: 'off-contract', body: { id: 1, ok: true } }, 'protocol'],
    ];
    for (const [fault, kind] of cases) {
      backend.faults.push(fault);
      expect((await failure(connector.createTicket(draft(code)))).kind, JSON.stringify(fault)).toBe(
        kind,
      );
    }
    expect(backend.tickets.size).toBe(0);

    const problemDetail = await failure(
      (backend.faults.push({
        kind: 'status',
        status: 422,
        body: { title: 'Ditolak', status: 422, detail: 'Kategori tidak dikenal' },
      }),
      connector.createTicket(draft(code))),
    );
    expect(problemDetail).toMatchObject({ kind: 'rejected' });
    expect(problemDetail.message).toContain('Kategori tidak dikenal');
    expect(problemDetail.message).not.toContain(backend.token);

    // A paused ticket without its reason is not a pause Loket could count.
    const { id } = await connector.createTicket(draft(code));
    backend.faults.push({
      kind: 'off-contract',
      body: {
        id,
        caseId: code,
        status: 'paused',
        pauseReason: null,
        updatedAt: new Date().toISOString(),
      },
    });
    expect((await failure(connector.readStatus(id))).kind).toBe('protocol');
    // Nor is another case's ticket an answer to this one.
    backend.faults.push({
      kind: 'off-contract',
      body: {
        id: 'HD-9',
        caseId: 'KS-LAIN',
        status: 'new',
        pauseReason: null,
        updatedAt: new Date().toISOString(),
      },
    });
    expect((await failure(connector.createTicket(draft('KS-A-261124-005')))).kind).toBe('protocol');
  });

  it('refuses a key reused for a different case body, and a ticket id that is not one', async () => {
    await connector.createTicket(draft('KS-A-261124-006'));
    const changed = await failure(
      connector.createTicket(draft('KS-A-261124-006', { subject: 'Lain' })),
    );
    expect(changed.kind).toBe('rejected');
    expect((await failure(connector.readStatus('../admin'))).kind).toBe('rejected');
    expect((await failure(connector.readStatus('HD-404'))).kind).toBe('rejected');
  });
});
