import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditLog } from '../../../electron/core/audit';
import { AttachmentStore } from '../../../electron/core/attachments/attachment-store';
import { CaseService } from '../../../electron/core/consultation/cases';
import { BackendLinks } from '../../../electron/core/sync/backend-links';
import { RtConnector } from '../../../electron/core/sync/connectors/rt-connector';
import { RT_FIELDS } from '../../../electron/core/sync/connectors/rt-ticket-payload';
import { OutboxStore } from '../../../electron/core/sync/outbox-store';
import { SyncWorker } from '../../../electron/core/sync/sync-worker';
import { currentNotice } from '../../../shared/domain/privacy-notice';
import { startRt, type RtInstance } from '../../helpers/rt/rt-instance';
import { rtAdmin } from '../../helpers/rt/rt-setup';
import { cleanup, startWithAdmin, type TestCore } from '../../helpers/temp-core';

let rt: RtInstance;
let t: TestCore;

beforeAll(async () => {
  rt = await startRt();
  await rtAdmin(rt).setup();
}, 90_000);

afterAll(async () => {
  cleanup(t);
  await rt?.stop();
}, 30_000);

describe("LPSE Support's fields on the real RT ticket", () => {
  it('carries the LPSE where the problem happened, the tipe tiket and the kode error', async () => {
    t = await startWithAdmin();
    const { visitId } = await t.must('visit.checkIn', {
      fullName: 'Rina Pokja',
      phone: '081277776666',
      email: 'rina@contoh.id',
      visitorType: 'pokja',
      lpse: 'kab dompu',
      purpose: 'Permintaan reset akun',
      noticeVersion: currentNotice().version,
      noticeDelivery: 'read_out' as const,
    });
    await t.must('queue.callNext', {});
    await t.must('queue.start', { visitId });
    const c = await t.must('case.create', { visitId });
    await t.must('case.saveDraft', {
      caseId: c.caseId,
      form: {
        spseRole: 'pokja',
        lpse: 'Provinsi Gorontalo',
        ticketType: 'permintaan_layanan',
        errorCode: 'E-SPSE-5003',
        application: 'spse',
        category: 'akun_login',
        description: 'Akun Pokja terkunci setelah pergantian SK',
      },
    });
    await t.must('case.escalate', { caseId: c.caseId });

    const db = t.core.db;
    const audit = new AuditLog(db, t.clock.now);
    const store = new AttachmentStore(join(t.dataDir, 'attachments'));
    const connector = new RtConnector({
      baseUrl: rt.baseUrl,
      queue: 'Loket Escalations',
      credentials: { username: rt.username, password: rt.password },
    });
    await new SyncWorker({
      outbox: new OutboxStore(db),
      links: new BackendLinks(db),
      cases: new CaseService(db, audit, t.clock.now),
      audit,
      connector: () => connector,
      readAttachment: (sha) => store.read(sha),
      now: t.clock.now,
      inFlightGraceMs: 0,
    }).runOnce();

    const admin = rtAdmin(rt);
    const query = encodeURIComponent(`'CF.{Loket Case ID}' = '${c.caseCode}'`);
    const found = await admin.call('GET', `/tickets?query=${query}`);
    expect(found.json.total).toBe(1);
    const id = ((found.json.items ?? []) as { id: string }[])[0]!.id;
    const ticket = (await admin.call('GET', `/ticket/${id}`)).json;
    const cf = Object.fromEntries(
      ((ticket.CustomFields ?? []) as { name: string; values: string[] }[]).map((f) => [
        f.name,
        f.values[0],
      ]),
    );
    expect(cf[RT_FIELDS.lpse]).toBe('Provinsi Gorontalo');

    const list = await admin.call('GET', `/ticket/${id}/attachments?per_page=50`);
    let text = '';
    for (const item of (list.json.items ?? []) as { id: string }[]) {
      const a = (await admin.call('GET', `/attachment/${item.id}`)).json;
      text += Buffer.from(String(a.Content ?? ''), 'base64').toString('utf8');
    }
    expect(text).toContain('Tipe tiket: Permintaan Layanan');
    expect(text).toContain('Kode error: E-SPSE-5003');
    expect(text).toContain('LPSE tempat permasalahan: Provinsi Gorontalo');
    expect(text).toContain('LPSE asal: Kabupaten Dompu');
  }, 60_000);
});
