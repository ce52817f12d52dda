import { afterEach, describe, expect, it } from 'vitest';
import { currentNotice } from '../../shared/domain/privacy-notice';
import type { Role } from '../../shared/domain/roles';
import type { MethodInput, MethodName } from '../../shared/api/contract';
import { cleanup, startWithAdmin, type TestCore } from '../helpers/temp-core';

let t: TestCore;
afterEach(() => cleanup(t));

const checkIn = async (n: number) =>
  (
    await t.must('visit.checkIn', {
      fullName: `Pengunjung ${n}`,
      phone: `08123456${String(n).padStart(4, '0')}`,
      purpose: 'Konsultasi SPSE',
      noticeVersion: currentNotice().version,
      noticeDelivery: 'read_out' as const,
    })
  ).visitId;

/** Another staff member logged in; calls go with their own session. */
async function colleague(username: string, roles: Role[]) {
  await t.must('staff.create', { fullName: username, username, pin: '112233', roles });
  const login = await t.must('auth.login', { username, pin: '112233' });
  const call = async <M extends MethodName>(method: M, input: MethodInput<M>) => {
    const r = await t.callRaw(method, input, login.sessionToken);
    return r.ok ? 'OK' : r.error.code;
  };
  return { id: login.staff.id, call };
}

const code = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'OK' : r.error?.code);

describe("another officer's visit", () => {
  it.each(['start', 'noShow', 'returnToQueue'] as const)(
    'refuses %s of a visitor another officer called',
    async (action) => {
      t = await startWithAdmin();
      const visitId = await checkIn(1);
      await t.must('queue.callNext', {});
      const agus = await colleague('agus', ['officer']);
      expect(await agus.call(`queue.${action}`, { visitId })).toBe('VISIT_NOT_YOURS');
      expect((await t.must('queue.overview', {})).mine.map((v) => v.status)).toEqual(['called']);
    },
  );

  it.each(['end', 'surveyReady'] as const)(
    'refuses %s of a visit in another officer’s consultation',
    async (action) => {
      t = await startWithAdmin();
      const visitId = await checkIn(1);
      await t.must('queue.callNext', {});
      await t.must('queue.start', { visitId });
      const agus = await colleague('agus', ['officer']);
      expect(await agus.call(`queue.${action}`, { visitId })).toBe('VISIT_NOT_YOURS');
      expect(await agus.call('case.create', { visitId })).toBe('VISIT_NOT_YOURS');
      expect(await t.must('queue.overview', {})).toMatchObject({
        mine: [{ status: 'in_consultation', surveyReadyAt: null }],
      });
    },
  );

  it('lets any officer put a visitor who came back after a no-show into the queue again', async () => {
    t = await startWithAdmin();
    const visitId = await checkIn(1);
    await t.must('queue.callNext', {});
    await t.must('queue.noShow', { visitId });
    const agus = await colleague('agus', ['officer']);
    expect(await agus.call('queue.returnToQueue', { visitId })).toBe('OK');
  });

  it('lets a supervisor take over a visit with its drafts, audited, and then serve it', async () => {
    t = await startWithAdmin();
    const agus = await colleague('agus', ['officer']);
    const visitId = await checkIn(1);
    const agusLogin = await t.must('auth.login', { username: 'agus', pin: '112233' });
    const asAgus = <M extends MethodName>(m: M, i: MethodInput<M>) =>
      t.callRaw(m, i, agusLogin.sessionToken);
    await asAgus('queue.callNext', {});
    await asAgus('queue.start', { visitId });
    const draft = await asAgus('case.create', { visitId });
    const caseId = (draft as { ok: true; value: { caseId: number } }).value.caseId;

    const rina = await colleague('rina', ['officer']);
    expect(await rina.call('queue.takeOver', { visitId })).toBe('FORBIDDEN');
    const lead = await colleague('lead', ['officer', 'supervisor']);
    expect(await lead.call('queue.takeOver', { visitId })).toBe('OK');
    expect(await agus.call('queue.end', { visitId })).toBe('VISIT_NOT_YOURS');
    expect(await agus.call('case.saveDraft', { caseId, form: { description: 'x' } })).toBe(
      'CASE_NOT_YOURS',
    );
    expect(await lead.call('case.saveDraft', { caseId, form: { description: 'Lanjut' } })).toBe(
      'OK',
    );
    expect(await lead.call('queue.end', { visitId })).toBe('OK');
    const audit = t.core.db
      .prepare("SELECT action, detail FROM audit WHERE action LIKE '%takeOver' ORDER BY id")
      .all() as { action: string; detail: string }[];
    expect(audit.map((a) => [a.action, JSON.parse(a.detail)])).toEqual([
      ['visit.takeOver', { fromOfficerId: agus.id }],
      ['case.takeOver', { fromOfficerId: agus.id }],
    ]);
  });
});

describe("another officer's draft", () => {
  async function agusDraft() {
    t = await startWithAdmin();
    const visitId = await checkIn(1);
    await t.must('queue.callNext', {});
    await t.must('queue.start', { visitId });
    const c = await t.must('case.create', { visitId });
    await t.must('case.saveDraft', {
      caseId: c.caseId,
      form: { application: 'spse', category: 'akun_login', description: 'Lupa kata sandi' },
    });
    return { caseId: c.caseId, agus: await colleague('agus', ['officer']) };
  }

  it('refuses editing it', async () => {
    const { caseId, agus } = await agusDraft();
    expect(await agus.call('case.saveDraft', { caseId, form: { description: 'diubah' } })).toBe(
      'CASE_NOT_YOURS',
    );
    expect((await t.must('case.get', { caseId })).form.description).toBe('Lupa kata sandi');
  });

  it('refuses notes on it', async () => {
    const { caseId, agus } = await agusDraft();
    expect(await agus.call('case.addNote', { caseId, text: 'catatan' })).toBe('CASE_NOT_YOURS');
  });

  it('refuses solving or escalating it', async () => {
    const { caseId, agus } = await agusDraft();
    expect(await agus.call('case.solve', { caseId, solution: 'Reset' })).toBe('CASE_NOT_YOURS');
    expect(await agus.call('case.escalate', { caseId })).toBe('CASE_NOT_YOURS');
    expect((await t.must('case.get', { caseId })).status).toBe('draft');
  });

  it('refuses attaching to it or changing its documents', async () => {
    const { caseId, agus } = await agusDraft();
    const login = await t.must('auth.login', { username: 'agus', pin: '112233' });
    const uploadId = await t.core.stageUpload(
      login.sessionToken,
      Buffer.from('\x89PNG\r\n\x1a\n not really'),
    );
    expect(
      await agus.call('case.attachUpload', {
        caseId,
        uploadId,
        originalName: 'a.png',
        kind: 'other',
        source: 'file',
      }),
    ).toBe('CASE_NOT_YOURS');
    expect(
      await agus.call('case.changeAttachment', {
        caseId,
        attachmentId: 1,
        change: { remove: true },
      }),
    ).toBe('CASE_NOT_YOURS');
  });

  it('lets a supervisor take over a draft whose visit has ended', async () => {
    const { caseId } = await agusDraft();
    const visitId = (await t.must('case.get', { caseId })).visitId;
    await t.must('queue.end', { visitId });
    const lead = await colleague('lead', ['officer', 'supervisor']);
    expect(code(await t.call('case.get', { caseId }))).toBe('OK');
    expect(await lead.call('case.takeOver', { caseId })).toBe('OK');
    expect(await lead.call('case.solve', { caseId, solution: 'Reset kata sandi' })).toBe('OK');
  });
});
