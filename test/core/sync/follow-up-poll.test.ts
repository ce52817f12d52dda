import { afterEach, describe, expect, it } from 'vitest';
import { escalateCase } from '../../helpers/escalate';
import { ReferenceHelpdesk } from '../../helpers/json-helpdesk/reference-backend';
import { cleanup, startWithAdmin, type TestCore } from '../../helpers/temp-core';
import { until } from '../../helpers/until';

let t: TestCore | undefined;
let backend: ReferenceHelpdesk | undefined;

afterEach(async () => {
  cleanup(t);
  await backend?.stop();
  t = backend = undefined;
});

async function delivered(count: number) {
  const core = (t = await startWithAdmin());
  const helpdesk = (backend = new ReferenceHelpdesk());
  await helpdesk.start();
  await core.must('helpdesk.saveSettings', {
    kind: 'json',
    url: helpdesk.baseUrl,
    secret: helpdesk.token,
  });
  await until(
    async () => helpdesk.requests.some((r) => r.path === '/v1/health'),
    (checked) => checked,
  );
  const cases = [];
  for (let i = 0; i < count; i++) {
    const c = await escalateCase(core, {
      fullName: `Pengunjung ${i}`,
      phone: `08123456${String(i).padStart(4, '0')}`,
    });
    core.clock.advance(60_000);
    cases.push(c);
  }
  await until(
    () => core.must('followup.list', {}),
    (l) => l.length === count && l.every((i) => i.ticketId !== null),
  );
  const ticketOf = (code: string) => helpdesk.ticketOfCase(code)!;
  return { core, helpdesk, cases, ticketOf };
}

describe('polling the helpdesk for the status of escalated cases', () => {
  it('goes on with the other cases when one ticket cannot be read, and keeps the error on that case', async () => {
    const { core, helpdesk, cases, ticketOf } = await delivered(3);
    const [gone, second, third] = cases.map((c) => ticketOf(c.caseCode));
    // The first case's ticket was removed at the helpdesk: reading it answers 404.
    helpdesk.tickets.delete(gone!.id);
    helpdesk.setStatus(second!.id, 'resolved');
    helpdesk.setStatus(third!.id, 'resolved');

    expect(await core.must('followup.refresh', {})).toEqual({ changed: 2, read: 2, failed: 1 });
    const list = await core.must('followup.list', {});
    expect(list.map((i) => [i.caseCode, i.status, i.pollError?.kind ?? null])).toEqual([
      [cases[0]!.caseCode, 'escalated', 'rejected'],
      [cases[1]!.caseCode, 'backend_resolved', null],
      [cases[2]!.caseCode, 'backend_resolved', null],
    ]);
    expect(list[0]?.pollError?.at).toBe(core.clock.now().toISOString());

    // Once the ticket can be read again, its error is gone.
    helpdesk.tickets.set(gone!.id, gone!);
    expect(await core.must('followup.refresh', {})).toEqual({ changed: 0, read: 1, failed: 0 });
    expect((await core.must('followup.list', {}))[0]?.pollError).toBeNull();
  });

  it('reports a helpdesk that answers nothing as failed reads, not as an internal error', async () => {
    const { core, helpdesk } = await delivered(2);
    await helpdesk.stop();
    const r = await core.call('followup.refresh', {});
    expect(r).toEqual({ ok: true, value: { changed: 0, read: 0, failed: 2 } });
    const list = await core.must('followup.list', {});
    expect(list.map((i) => i.pollError?.kind)).toEqual(['unreachable', 'unreachable']);
  });

  it('refuses to refresh when no helpdesk is set up instead of saying it was checked', async () => {
    const core = (t = await startWithAdmin());
    const r = await core.call('followup.refresh', {});
    expect(r.ok ? null : r.error.code).toBe('HELPDESK_NOT_CONFIGURED');
  });

  it('does not undo "not solved" while the reopen note has not reached the helpdesk', async () => {
    const { core, helpdesk, cases, ticketOf } = await delivered(1);
    const { caseId, caseCode } = cases[0]!;
    const ticket = ticketOf(caseCode);
    helpdesk.setStatus(ticket.id, 'resolved');
    await core.must('followup.refresh', {});
    const resolvedAt = (await core.must('followup.list', {}))[0]!.sla.elapsedMs;

    // The helpdesk is down while the officer records "not solved": the reopen note waits.
    await helpdesk.stop();
    core.clock.advance(2 * 3600_000);
    await core.must('case.confirm', {
      caseId,
      channel: 'phone',
      confirmedAt: core.clock.now().toISOString(),
      outcome: 'not_solved',
      note: 'Masih gagal.',
    });
    await until(
      () => core.must('outbox.list', {}),
      (l) => l.some((e) => e.operation === 'add_note' && e.lastErrorKind === 'unreachable'),
    );
    // It comes back, but the note is not due yet: the ticket still reads "resolved".
    await helpdesk.start(Number(new URL(helpdesk.baseUrl).port));
    core.clock.advance(1000);
    expect(await core.must('followup.refresh', {})).toMatchObject({ changed: 0, failed: 0 });
    const [item] = await core.must('followup.list', {});
    expect(item).toMatchObject({ status: 'escalated', nextAction: 'waiting_backend' });
    expect(item!.sla.elapsedMs).toBeGreaterThan(resolvedAt);
    expect(
      core.core.db
        .prepare("SELECT count(*) FROM audit WHERE action = 'case.backendResolved'")
        .pluck()
        .get(),
    ).toBe(1);
  });

  it('does not take a "resolved" read from before the reopen as new once the note is delivered', async () => {
    const { core, helpdesk, cases, ticketOf } = await delivered(1);
    const { caseId, caseCode } = cases[0]!;
    const ticket = ticketOf(caseCode);
    helpdesk.setStatus(ticket.id, 'resolved');
    await core.must('followup.refresh', {});

    // "Not solved": the first try of the reopen note meets a busy helpdesk.
    helpdesk.faults.push({ kind: 'status', status: 503 });
    await core.must('case.confirm', {
      caseId,
      channel: 'phone',
      confirmedAt: core.clock.now().toISOString(),
      outcome: 'not_solved',
    });
    await until(
      () => core.must('outbox.list', {}),
      (l) => l.some((e) => e.operation === 'add_note' && e.lastErrorKind === 'server'),
    );
    // A poll reads "resolved"; its answer is on the way while the note gets through.
    let release = () => {};
    helpdesk.delayNext = new Promise<void>((r) => (release = r));
    const poll = core.must('followup.refresh', {});
    await until(
      async () => helpdesk.delayed,
      (d) => d,
    );
    core.clock.advance(60_000);
    const [note] = (await core.must('outbox.list', {})).filter((e) => e.operation === 'add_note');
    await core.must('outbox.retryNow', { outboxId: note!.id });
    await until(
      async () => ticket.notes.length,
      (n) => n === 1,
    );
    await until(
      () => core.must('outbox.list', {}),
      (l) => l.every((e) => e.state === 'delivered'),
    );
    release();
    expect(await poll).toMatchObject({ changed: 0 });
    expect((await core.must('followup.list', {}))[0]).toMatchObject({ status: 'escalated' });
  });
});
