import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRt, type RtInstance } from '../../helpers/rt/rt-instance';
import { rtAdmin } from '../../helpers/rt/rt-setup';
import { escalateCase } from '../../helpers/escalate';
import { cleanup, startWithAdmin, type TestCore } from '../../helpers/temp-core';

let rt: RtInstance;
let t: TestCore | undefined;
const H = 3_600_000;

beforeAll(async () => {
  rt = await startRt();
  await rtAdmin(rt).setup();
}, 90_000);

afterAll(async () => {
  cleanup(t);
  await rt?.stop();
}, 30_000);

async function escalatedAndDelivered(
  core: TestCore,
): Promise<{ caseId: number; ticketId: string }> {
  const c = await escalateCase(core, { fullName: 'Budi' });
  await core.must('outbox.retryNow', { outboxId: 1 }).catch(() => undefined);
  for (let i = 0; i < 100; i++) {
    const [item] = await core.must('followup.list', {});
    if (item?.ticketId) return { caseId: c.caseId, ticketId: item.ticketId };
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('not delivered');
}

describe('follow-up with a real RT', () => {
  it('runs the 1x24 clock with pauses, sees the backend resolve, and closes after the visitor confirms', async () => {
    const core = (t = await startWithAdmin());
    await core.must('helpdesk.saveSettings', {
      kind: 'rt',
      url: rt.baseUrl,
      queue: 'Loket Escalations',
      username: rt.username,
      secret: rt.password,
    });
    const { caseId, ticketId } = await escalatedAndDelivered(core);
    const admin = rtAdmin(rt);

    let [item] = await core.must('followup.list', {});
    expect(item).toMatchObject({
      nextAction: 'waiting_backend',
      sla: { elapsedMs: 0, remainingMs: 24 * H },
    });

    // Two hours on, the officer pauses: the case waits on the visitor's documents.
    core.clock.advance(2 * H);
    await core.must('case.pause', { caseId, reason: 'user' });
    core.clock.advance(5 * H);
    [item] = await core.must('followup.list', {});
    expect(item).toMatchObject({
      nextAction: 'paused',
      pausedBy: 'officer',
      sla: { elapsedMs: 2 * H, pausedFor: 'user' },
    });
    expect((await core.call('case.pause', { caseId, reason: 'network' })).ok).toBe(false);
    await core.must('case.resume', { caseId });

    // The backend stalls the ticket on app development, then resolves it.
    core.clock.advance(1 * H);
    await admin.setField(ticketId, 'Loket SLA Reason', 'development');
    await admin.setStatus(ticketId, 'stalled');
    await core.must('followup.refresh', {});
    core.clock.advance(10 * H);
    [item] = await core.must('followup.list', {});
    expect(item).toMatchObject({
      remotePhase: 'paused',
      remoteStatus: 'stalled',
      pausedBy: 'backend',
    });
    // Only the helpdesk ends its own pause: the next poll would start it again anyway.
    const resumed = await core.call('case.resume', { caseId });
    expect(resumed.ok ? null : resumed.error.code).toBe('CASE_PAUSED_BY_BACKEND');
    expect(item?.sla).toMatchObject({ elapsedMs: 3 * H, pausedFor: 'development' });
    expect(item?.sla.pausedMsByReason).toMatchObject({ user: 5 * H, development: 10 * H });

    await admin.setStatus(ticketId, 'resolved');
    expect(await core.must('followup.refresh', {})).toEqual({ changed: 1, read: 1, failed: 0 });
    [item] = await core.must('followup.list', {});
    expect(item).toMatchObject({
      status: 'backend_resolved',
      nextAction: 'confirm_with_visitor',
      remotePhase: 'resolved',
      remoteStatus: 'resolved',
      sla: { elapsedMs: 3 * H, overdue: false },
    });

    // The visitor says it is not solved: a note reopens the ticket in RT.
    await core.must('case.confirm', {
      caseId,
      channel: 'phone',
      confirmedAt: core.clock.now().toISOString(),
      outcome: 'not_solved',
      note: 'Masih tidak bisa masuk.',
    });
    for (
      let i = 0;
      i < 100 && (await admin.call('GET', `/ticket/${ticketId}`)).json.Status !== 'open';
      i++
    ) {
      await new Promise((r) => setTimeout(r, 100));
    }
    expect((await admin.call('GET', `/ticket/${ticketId}`)).json.Status).toBe('open');
    [item] = await core.must('followup.list', {});
    expect(item).toMatchObject({ status: 'escalated', nextAction: 'waiting_backend' });

    // Resolved again; this time the visitor accepts and the case closes.
    await admin.setStatus(ticketId, 'resolved');
    await core.must('followup.refresh', {});
    await core.must('case.confirm', {
      caseId,
      channel: 'email',
      confirmedAt: core.clock.now().toISOString(),
      outcome: 'accepted',
    });
    expect(await core.must('followup.list', {})).toEqual([]);
    expect((await core.must('case.get', { caseId })).status).toBe('closed');
    expect(
      core.core.db.prepare('SELECT channel, outcome FROM confirmation ORDER BY id').all(),
    ).toEqual([
      { channel: 'phone', outcome: 'not_solved' },
      { channel: 'email', outcome: 'accepted' },
    ]);
  }, 90_000);
});
