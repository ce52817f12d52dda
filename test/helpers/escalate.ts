import { currentNotice } from '../../shared/domain/privacy-notice';
import type { TestCore } from './temp-core';

export interface EscalateOptions {
  fullName?: string;
  phone?: string;
  email?: string | null;
  description?: string;
  /** Files attached as the officer would (upload staging, then attach). */
  documents?: { name: string; bytes: Buffer }[];
  /** Anything the officer does to the case before escalating it (notes, say). */
  beforeEscalating?: (caseId: number) => Promise<unknown>;
}

/**
 * A visitor checked in, called, served, and their case escalated to the backend helpdesk: the
 * path every helpdesk test starts from. Returns the case's id and code.
 */
export async function escalateCase(
  t: TestCore,
  o: EscalateOptions = {},
): Promise<{ caseId: number; caseCode: string }> {
  const { visitId } = await t.must('visit.checkIn', {
    fullName: o.fullName ?? 'Budi Santoso',
    phone: o.phone ?? '081234567890',
    ...(o.email !== null && { email: o.email ?? 'budi@contoh.id' }),
    purpose: 'Konsultasi SPSE',
    noticeVersion: currentNotice().version,
    noticeDelivery: 'read_out' as const,
  });
  await t.must('queue.callNext', {});
  await t.must('queue.start', { visitId });
  const c = await t.must('case.create', { visitId });
  await t.must('case.saveDraft', {
    caseId: c.caseId,
    form: {
      application: 'spse',
      category: 'akun_login',
      description: o.description ?? 'Lupa kata sandi akun penyedia',
    },
  });
  for (const d of o.documents ?? []) {
    const uploadId = await t.core.stageUpload(t.token, d.bytes);
    await t.must('case.attachUpload', {
      caseId: c.caseId,
      uploadId,
      originalName: d.name,
      kind: 'other',
      source: 'file',
    });
  }
  await o.beforeEscalating?.(c.caseId);
  await t.must('case.escalate', {
    caseId: c.caseId,
    ...(!o.documents?.length && { missingDocumentsReason: 'Tidak ada dokumen wajib' }),
  });
  return { caseId: c.caseId, caseCode: c.caseCode };
}
