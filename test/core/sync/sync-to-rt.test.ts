import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditLog } from '../../../electron/core/audit';
import { AttachmentStore } from '../../../electron/core/attachments/attachment-store';
import { CaseService } from '../../../electron/core/consultation/cases';
import { BackendLinks } from '../../../electron/core/sync/backend-links';
import { RtConnector } from '../../../electron/core/sync/connectors/rt-connector';
import { OutboxStore } from '../../../electron/core/sync/outbox-store';
import { SyncWorker } from '../../../electron/core/sync/sync-worker';
import { currentNotice } from '../../../shared/domain/privacy-notice';
import { pdfOfPages } from '../../helpers/document-files';
import { startRt, type RtInstance } from '../../helpers/rt/rt-instance';
import { rtAdmin } from '../../helpers/rt/rt-setup';
import { cleanup, startWithAdmin, type TestCore } from '../../helpers/temp-core';
import { join } from 'node:path';

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

describe('escalated cases reach a real Request Tracker', () => {
  it('exactly once per case, with the documents, even after a crash left a ticket unrecorded', async () => {
    t = await startWithAdmin();
    // Real PDFs (the store checks them), one page more per case so that each is its own file.
    const pdfs = await Promise.all([1, 2, 3].map((pages) => pdfOfPages(pages)));
    const codes: string[] = [];
    for (let i = 0; i < 3; i++) {
      const { visitId } = await t.must('visit.checkIn', {
        fullName: `Penyedia ${i}`,
        phone: `08129999${String(i).padStart(4, '0')}`,
        email: `penyedia${i}@contoh.id`,
        visitorType: 'penyedia_badan_usaha',
        purpose: 'Perubahan data',
        noticeVersion: currentNotice().version,
        noticeDelivery: 'read_out' as const,
      });
      await t.must('queue.callNext', {});
      await t.must('queue.start', { visitId });
      const c = await t.must('case.create', { visitId });
      await t.must('case.saveDraft', {
        caseId: c.caseId,
        form: {
          application: 'sikap',
          category: 'perubahan_data_penyedia',
          description: `Ganti email ${i}`,
        },
      });
      const uploadId = await t.core.stageUpload(t.token, pdfs[i]!);
      await t.must('case.attachUpload', {
        caseId: c.caseId,
        uploadId,
        originalName: `NIB ${i}.pdf`,
        kind: 'business_licence',
        source: 'file',
      });
      await t.must('case.escalate', { caseId: c.caseId });
      codes.push(c.caseCode);
    }
    const db = t.core.db;
    const audit = new AuditLog(db, t.clock.now);
    const store = new AttachmentStore(join(t.dataDir, 'attachments'));
    const connector = new RtConnector({
      baseUrl: rt.baseUrl,
      queue: 'Loket Escalations',
      credentials: { username: rt.username, password: rt.password },
    });
    // The first case's ticket was created, then the host died before recording it.
    const cases = new CaseService(db, audit, t.clock.now);
    const { buildTicketDraft } = await import('../../../electron/core/sync/ticket-draft');
    const first = cases.get(
      db.prepare('SELECT id FROM problem_case WHERE case_code = ?').pluck().get(codes[0]) as number,
    );
    await connector.createTicket(await buildTicketDraft(first, (sha) => store.read(sha)));
    db.prepare("UPDATE outbox SET state = 'sending' WHERE idempotency_key = ?").run(codes[0]);

    const worker = new SyncWorker({
      outbox: new OutboxStore(db),
      links: new BackendLinks(db),
      cases,
      audit,
      connector: () => connector,
      readAttachment: (sha) => store.read(sha),
      now: t.clock.now,
      inFlightGraceMs: 0,
    });
    await worker.runOnce();

    expect(db.prepare('SELECT state FROM outbox').pluck().all()).toEqual([
      'delivered',
      'delivered',
      'delivered',
    ]);
    const admin = rtAdmin(rt);
    for (const [i, code] of codes.entries()) {
      const query = encodeURIComponent(`'CF.{Loket Case ID}' = '${code}'`);
      const found = await admin.call('GET', `/tickets?query=${query}`);
      expect(found.json.total, code).toBe(1);
      const id = ((found.json.items ?? []) as { id: string }[])[0]!.id;
      expect(
        db
          .prepare(
            'SELECT remote_id FROM backend_link WHERE case_id = (SELECT id FROM problem_case WHERE case_code = ?)',
          )
          .pluck()
          .get(code),
      ).toBe(String(id));
      const list = await admin.call('GET', `/ticket/${id}/attachments?per_page=50`);
      const names = [];
      for (const item of (list.json.items ?? []) as { id: string }[]) {
        const a = await admin.call('GET', `/attachment/${item.id}`);
        if (a.json.Filename === `NIB ${i}.pdf`) {
          expect(Buffer.from(String(a.json.Content), 'base64')).toEqual(pdfs[i]!);
          names.push(a.json.Filename);
        }
      }
      expect(names).toEqual([`NIB ${i}.pdf`]);
    }
  }, 90_000);
});
