import { afterEach, describe, expect, it } from 'vitest';
import { escalateCase } from '../../helpers/escalate';
import { pdfOfPages } from '../../helpers/document-files';
import { ReferenceHelpdesk } from '../../helpers/json-helpdesk/reference-backend';
import { cleanup, startWithAdmin, type TestCore } from '../../helpers/temp-core';
import { until } from '../../helpers/until';

let t: TestCore | undefined;
let backend: ReferenceHelpdesk | undefined;

afterEach(async () => {
  cleanup(t);
  expect(backend?.contractErrors ?? []).toEqual([]);
  await backend?.stop();
  t = backend = undefined;
});

const H = 3600_000;

async function withJsonBackend(): Promise<{ core: TestCore; helpdesk: ReferenceHelpdesk }> {
  const core = (t = await startWithAdmin());
  const helpdesk = (backend = new ReferenceHelpdesk());
  await helpdesk.start();
  await core.must('helpdesk.saveSettings', {
    kind: 'json',
    url: helpdesk.baseUrl,
    secret: helpdesk.token,
  });
  // Saving checks the setup in the background; the faults a test injects are for what follows.
  await until(
    async () => helpdesk.requests.some((r) => r.path === '/v1/health'),
    (checked) => checked,
  );
  return { core, helpdesk };
}

describe('escalated cases through a backend of the HTTPS JSON contract', () => {
  it('delivers with the documents, follows pause and resolution, reopens, and closes', async () => {
    const { core, helpdesk } = await withJsonBackend();
    expect(await core.must('helpdesk.getSettings', {})).toEqual({
      kind: 'json',
      url: helpdesk.baseUrl,
      queue: '',
      username: '',
      hasSecret: true,
      lateAfterMinutes: 30,
    });
    expect(await core.must('helpdesk.checkSetup', {})).toEqual({ problems: [] });

    const nib = await pdfOfPages(2);
    const { caseId, caseCode } = await escalateCase(core, {
      documents: [{ name: 'NIB.pdf', bytes: nib }],
    });
    // Escalating starts the delivery at once; nothing waits for the worker's next tick.
    const [item] = await until(
      () => core.must('followup.list', {}),
      (l) => l[0]?.ticketId !== null,
    );
    const ticket = helpdesk.ticketOfCase(caseCode)!;
    expect(item).toMatchObject({ ticketId: ticket.id, remotePhase: 'new', remoteStatus: 'new' });
    const [sent] = ticket.request.attachments;
    expect(sent).toMatchObject({ fileName: 'NIB.pdf', mediaType: 'application/pdf' });
    expect(Buffer.from(sent!.content, 'base64').equals(nib)).toBe(true);
    expect(ticket.request.requestor).toEqual({
      name: 'Budi Santoso',
      email: 'budi@contoh.id',
      phone: '+6281234567890',
    });

    // The backend waits on the infrastructure team for 5 hours: the clock stops for them.
    core.clock.advance(1 * H);
    helpdesk.setStatus(ticket.id, 'paused', 'infrastructure');
    await core.must('followup.refresh', {});
    core.clock.advance(5 * H);
    helpdesk.setStatus(ticket.id, 'resolved');
    expect(await core.must('followup.refresh', {})).toEqual({ changed: 1, read: 1, failed: 0 });
    const [now] = await core.must('followup.list', {});
    expect(now).toMatchObject({
      status: 'backend_resolved',
      remotePhase: 'resolved',
      nextAction: 'confirm_with_visitor',
      sla: { elapsedMs: 1 * H, pausedMsByReason: { infrastructure: 5 * H } },
    });

    // A time in the future, or before the escalation, is a typing mistake.
    const mistaken = async (confirmedAt: string) => {
      const r = await core.call('case.confirm', {
        caseId,
        channel: 'phone',
        confirmedAt,
        outcome: 'accepted',
      });
      return r.ok ? null : r.error.fields;
    };
    expect(await mistaken(new Date(core.clock.now().getTime() + H).toISOString())).toEqual({
      confirmedAt: 'validation.notInFuture',
    });
    expect(await mistaken(new Date(core.clock.now().getTime() - 8 * H).toISOString())).toEqual({
      confirmedAt: 'validation.beforeEscalation',
    });

    // Not solved for the visitor: the note goes back with its own key and reopens the ticket.
    await core.must('case.confirm', {
      caseId,
      channel: 'email',
      confirmedAt: core.clock.now().toISOString(),
      outcome: 'not_solved',
      note: 'Masih gagal login setelah reset.',
    });
    await until(
      async () => ticket.notes.length,
      (n) => n === 1,
    );
    expect(ticket.notes[0]).toMatchObject({
      reopen: true,
      key: expect.stringMatching(new RegExp(`^${caseCode}:confirmation:\\d+$`)),
    });
    expect(ticket.notes[0]!.text).toContain('Masih gagal login setelah reset.');
    expect(ticket.status).toBe('in_progress');
    // Until the note is marked delivered, a "resolved" may be the one already answered.
    await until(
      () => core.must('outbox.list', {}),
      (l) => l.every((e) => e.state === 'delivered'),
    );

    helpdesk.setStatus(ticket.id, 'resolved');
    await core.must('followup.refresh', {});
    await core.must('case.confirm', {
      caseId,
      channel: 'phone',
      confirmedAt: core.clock.now().toISOString(),
      outcome: 'accepted',
    });
    expect(await core.must('followup.list', {})).toEqual([]);
    expect(helpdesk.tickets.size).toBe(1);
  });

  it('makes one ticket per case when answers are lost, and keeps the other cases flowing', async () => {
    const { core, helpdesk } = await withJsonBackend();
    // The first create is handled but its answer never arrives.
    helpdesk.faults.push({ kind: 'lose-answer' });
    const first = await escalateCase(core, { fullName: 'Ani', phone: '081311112222' });
    await until(
      () => core.must('outbox.list', {}),
      (l) => l[0]?.lastErrorKind === 'unreachable',
    );
    const second = await escalateCase(core, { fullName: 'Wati', phone: '081322223333' });
    await until(
      () => core.must('outbox.list', {}),
      (l) => l.some((e) => e.caseCode === second.caseCode && e.state === 'delivered'),
    );
    // After the in-flight grace the lost one is looked up (and found), not created again.
    core.clock.advance(3 * 60_000);
    await core.must('outbox.retryNow', {
      outboxId: (await core.must('outbox.list', {})).find((e) => e.caseCode === first.caseCode)!.id,
    });
    await until(
      () => core.must('outbox.list', {}),
      (l) => l.every((e) => e.state === 'delivered'),
    );
    expect(helpdesk.tickets.size).toBe(2);
    expect(
      helpdesk.requests.filter((r) => r.method === 'POST' && r.path === '/v1/tickets'),
    ).toHaveLength(2);
  });

  it("parks a case the backend refuses, with the backend's reason for staff", async () => {
    const { core, helpdesk } = await withJsonBackend();
    helpdesk.faults.push({
      kind: 'status',
      status: 422,
      body: { title: 'Ditolak', status: 422, detail: 'Kategori akun_login tidak dikenal' },
    });
    const { caseCode } = await escalateCase(core);
    const [parked] = await until(
      () => core.must('outbox.list', {}),
      (l) => l[0]?.state === 'failed',
    );
    expect(parked).toMatchObject({
      caseCode,
      attempts: 1,
      lastErrorKind: 'rejected',
      lastErrorDetail: expect.stringContaining('Kategori akun_login tidak dikenal'),
    });
    const [item] = await core.must('followup.list', {});
    expect(item).toMatchObject({ nextAction: 'delivery_failed', ticketId: null });
    // A refusal is an answer: the backend is reachable, no banner says otherwise.
    expect(await core.must('sync.status', {})).toMatchObject({
      lastErrorKind: 'rejected',
      unreachableSince: null,
    });

    // Fixed at the backend, a person sends it again.
    await core.must('outbox.retryNow', { outboxId: parked!.id });
    await until(
      () => core.must('outbox.list', {}),
      (l) => l[0]?.state === 'delivered',
    );
    expect(helpdesk.tickets.size).toBe(1);
  });

  it('keeps the warning time the administrator set, and says when the backend stops answering', async () => {
    const { core, helpdesk } = await withJsonBackend();
    const tooShort = await core.call('helpdesk.saveSettings', {
      kind: 'json',
      url: helpdesk.baseUrl,
      lateAfterMinutes: 2,
    });
    expect(tooShort.ok ? null : tooShort.error.fields).toEqual({
      lateAfterMinutes: 'validation.lateMinutes',
    });
    await core.must('helpdesk.saveSettings', {
      kind: 'json',
      url: helpdesk.baseUrl,
      lateAfterMinutes: 45,
    });
    await helpdesk.stop();
    await escalateCase(core);
    const status = await until(
      () => core.must('sync.status', {}),
      (s) => s.unreachableSince !== null,
    );
    expect(status).toMatchObject({
      lastErrorKind: 'unreachable',
      unreachableSince: core.clock.now().toISOString(),
      oldestWaitingSince: core.clock.now().toISOString(),
      lateAfterMinutes: 45,
    });
  });

  it('asks for the new secret when the backend kind changes', async () => {
    const { core, helpdesk } = await withJsonBackend();
    const switched = await core.call('helpdesk.saveSettings', {
      kind: 'rt',
      url: 'https://rt.contoh.go.id',
      queue: 'Loket Escalations',
      username: 'loket',
    });
    expect(switched.ok ? null : switched.error).toMatchObject({
      code: 'VALIDATION',
      fields: { secret: 'validation.secretForNewKind' },
    });
    // Nothing was changed by the refused save.
    expect(await core.must('helpdesk.getSettings', {})).toMatchObject({
      kind: 'json',
      url: helpdesk.baseUrl,
    });
  });
});
