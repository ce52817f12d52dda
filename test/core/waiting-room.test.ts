import { afterEach, describe, expect, it } from 'vitest';
import { currentNotice } from '../../shared/domain/privacy-notice';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/api/contract';
import type { ApiResult } from '../../shared/api/errors';
import { cleanup, startWithAdmin, type TestCore } from '../helpers/temp-core';

let t: TestCore;
afterEach(() => cleanup(t));

const code = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'OK' : r.error?.code);

async function checkIn(n: number): Promise<number> {
  const { visitId } = await t.must('visit.checkIn', {
    fullName: `Pengunjung Rahasia ${n}`,
    phone: `08123456${String(n).padStart(4, '0')}`,
    purpose: 'Konsultasi SPSE',
    noticeDelivery: 'read_out' as const,
    noticeVersion: currentNotice().version,
  });
  return visitId;
}

/** A second officer with their own session: calls made as them, beside the admin's. */
async function officer(username: string, fullName: string) {
  const pin = '112233';
  const staff = await t.must('staff.create', { fullName, username, pin, roles: ['officer'] });
  const { sessionToken } = await t.must('auth.login', { username, pin });
  const call = <M extends MethodName>(method: M, input: MethodInput<M>) =>
    t.core.dispatch(method, input, { window: 'staff', sessionToken }) as Promise<
      ApiResult<MethodOutput<M>>
    >;
  return { id: staff.id, call };
}

async function board() {
  const { displayToken } = await t.must('board.openDisplay', {});
  const r = await t.core.dispatch(
    'board.calls',
    {},
    { window: 'display', sessionToken: displayToken },
  );
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value as {
    current: { queueLabel: string; room: string | null; desk: number | null }[];
    announcements: { id: number; queueLabel: string; room: string | null; desk: number | null }[];
  };
}

const events = (visitId: number) =>
  t.core.db
    .prepare<
      [number],
      {
        kind: string;
        room: string | null;
        desk: number | null;
        to_officer_id: number | null;
        reason: string | null;
      }
    >(
      'SELECT kind, room, desk, to_officer_id, reason FROM visit_event WHERE visit_id = ? ORDER BY id',
    )
    .all(visitId);

describe("officers' desks", () => {
  it('remembers the desk an officer chose and sends each call there', async () => {
    t = await startWithAdmin();
    expect(await t.must('desk.mine', {})).toBeNull();
    await t.must('desk.choose', { room: 'konsultasi', desk: 2 });
    expect(await t.must('desk.mine', {})).toEqual({ room: 'konsultasi', desk: 2 });
    const a = await checkIn(1);
    await t.must('queue.callNext', {});
    expect(events(a).at(-1)).toMatchObject({ kind: 'called', room: 'konsultasi', desk: 2 });
    const b = await board();
    expect(b.current).toEqual([
      { queueLabel: 'K-001', calledAt: expect.any(String), room: 'konsultasi', desk: 2 },
    ]);
    expect(b.announcements.map((x) => [x.queueLabel, x.room, x.desk])).toEqual([
      ['K-001', 'konsultasi', 2],
    ]);
    expect(JSON.stringify(b)).not.toContain('Rahasia');
  });

  it('gives a desk to one officer only: the newer choice takes it and says from whom', async () => {
    t = await startWithAdmin();
    const agus = await officer('agus', 'Agus Salim');
    await agus.call('desk.choose', { room: 'layanan', desk: 3 });
    const took = await t.must('desk.choose', { room: 'layanan', desk: 3 });
    expect(took.tookFrom).toBe('Agus Salim');
    const agusDesk = await agus.call('desk.mine', {});
    expect(agusDesk.ok && agusDesk.value).toBeNull();
    expect(code(await t.call('desk.choose', { room: 'layanan', desk: 0 }))).toBe('VALIDATION');
    expect(code(await t.callRaw('desk.choose', { room: 'dapur', desk: 1 }))).toBe('VALIDATION');
  });

  it('calls a visitor without a room or desk when the officer has not chosen one', async () => {
    t = await startWithAdmin();
    await checkIn(1);
    await t.must('queue.callNext', {});
    expect((await board()).current[0]).toMatchObject({ room: null, desk: null });
  });
});

describe('Panggil ulang (recall)', () => {
  it('announces a called visitor again, counted, at the desk the officer sits at now', async () => {
    t = await startWithAdmin();
    await t.must('desk.choose', { room: 'konsultasi', desk: 1 });
    const a = await checkIn(1);
    await t.must('queue.callNext', {});
    const first = (await board()).announcements[0]!.id;
    await t.must('desk.choose', { room: 'konsultasi', desk: 4 });
    expect((await t.must('queue.recall', { visitId: a })).recalls).toBe(1);
    const again = await t.must('queue.recall', { visitId: a });
    expect(again.recalls).toBe(2);
    expect(again.visit.status).toBe('called');
    const b = await board();
    // Each announcement has its own id: the board speaks the recall, and only once.
    expect(b.announcements.map((x) => x.queueLabel)).toEqual(['K-001', 'K-001', 'K-001']);
    expect(new Set(b.announcements.map((x) => x.id)).size).toBe(3);
    expect(b.announcements.at(-1)!.id).toBe(first);
    expect(b.current).toEqual([expect.objectContaining({ room: 'konsultasi', desk: 4 })]);
    expect(events(a).map((e) => e.kind)).toEqual(['checked_in', 'called', 'recalled', 'recalled']);
  });

  it('brings a recalled visitor back to the top of the board, where it is largest', async () => {
    t = await startWithAdmin();
    const agus = await officer('agus', 'Agus Salim');
    const a = await checkIn(1);
    await checkIn(2);
    await t.must('queue.callNext', {});
    t.clock.advance(60_000);
    await agus.call('queue.callNext', {});
    expect((await board()).current.map((c) => c.queueLabel)).toEqual(['K-002', 'K-001']);
    t.clock.advance(60_000);
    await t.must('queue.recall', { visitId: a });
    expect((await board()).current.map((c) => c.queueLabel)).toEqual(['K-001', 'K-002']);
  });

  it('refuses to recall a visitor who is not called, or is called by someone else', async () => {
    t = await startWithAdmin();
    const a = await checkIn(1);
    expect(code(await t.call('queue.recall', { visitId: a }))).toBe('VISIT_NOT_CALLED');
    await t.must('queue.callNext', {});
    await t.must('queue.start', { visitId: a });
    expect(code(await t.call('queue.recall', { visitId: a }))).toBe('VISIT_NOT_CALLED');
    const b = await checkIn(2);
    const agus = await officer('agus', 'Agus Salim');
    await agus.call('queue.callNext', {});
    expect(code(await t.call('queue.recall', { visitId: b }))).toBe('VISIT_NOT_YOURS');
    expect(code(await t.call('queue.recall', { visitId: 9999 }))).toBe('NOT_FOUND');
    expect(events(b).map((e) => e.kind)).toEqual(['checked_in', 'called']);
  });
});

describe('transfer', () => {
  it('hands a visitor in consultation to another officer, called to their desk, with drafts', async () => {
    t = await startWithAdmin();
    const agus = await officer('agus', 'Agus Salim');
    await agus.call('desk.choose', { room: 'layanan', desk: 3 });
    const a = await checkIn(1);
    await t.must('queue.callNext', {});
    await t.must('queue.start', { visitId: a });
    await t.must('case.create', { visitId: a });
    const moved = await t.must('queue.transfer', {
      visitId: a,
      target: { to: 'officer', officerId: agus.id },
      reason: 'Masalah pembayaran, ditangani meja layanan',
    });
    expect(moved).toMatchObject({ status: 'called', officerId: agus.id });
    expect(events(a).at(-1)).toEqual({
      kind: 'transferred',
      room: 'layanan',
      desk: 3,
      to_officer_id: agus.id,
      reason: 'Masalah pembayaran, ditangani meja layanan',
    });
    expect((await board()).announcements[0]).toMatchObject({ room: 'layanan', desk: 3 });
    // Agus finds the visitor called at his desk; his next call does not take another one.
    const next = await agus.call('queue.callNext', {});
    expect(next.ok && next.value?.visitId).toBe(a);
    const drafts = t.core.db
      .prepare<[number], { officer_id: number }>(
        'SELECT officer_id FROM problem_case WHERE visit_id = ?',
      )
      .all(a);
    expect(drafts).toEqual([{ officer_id: agus.id }]);
    // The visitor is no longer the admin's.
    expect(code(await t.call('queue.end', { visitId: a }))).toBe('VISIT_STATE_CHANGED');
    expect(code(await t.call('queue.recall', { visitId: a }))).toBe('VISIT_NOT_YOURS');
  });

  it('hands a visitor to the officer at a desk, and refuses a desk nobody sits at', async () => {
    t = await startWithAdmin();
    const agus = await officer('agus', 'Agus Salim');
    await agus.call('desk.choose', { room: 'konsultasi', desk: 5 });
    const a = await checkIn(1);
    await t.must('queue.callNext', {});
    const reason = 'Salah meja';
    expect(
      code(
        await t.call('queue.transfer', {
          visitId: a,
          target: { to: 'desk', room: 'konsultasi', desk: 6 },
          reason,
        }),
      ),
    ).toBe('DESK_UNSTAFFED');
    const moved = await t.must('queue.transfer', {
      visitId: a,
      target: { to: 'desk', room: 'konsultasi', desk: 5 },
      reason,
    });
    expect(moved.officerId).toBe(agus.id);
  });

  it('refuses an inactive officer, a non-officer, oneself, and a missing reason, with codes', async () => {
    t = await startWithAdmin();
    const agus = await officer('agus', 'Agus Salim');
    const rina = await t.must('staff.create', {
      fullName: 'Rina',
      username: 'rina',
      pin: '445566',
      roles: ['receptionist'],
    });
    const me = (await t.must('auth.me', {})).id;
    const a = await checkIn(1);
    await t.must('queue.callNext', {});
    const transfer = (target: MethodInput<'queue.transfer'>['target'], reason = 'Alasan') =>
      t.call('queue.transfer', { visitId: a, target, reason });
    await t.must('staff.setActive', { staffId: agus.id, active: false });
    expect(code(await transfer({ to: 'officer', officerId: agus.id }))).toBe(
      'TRANSFER_TARGET_INACTIVE',
    );
    expect(code(await transfer({ to: 'officer', officerId: rina.id }))).toBe(
      'TRANSFER_TARGET_NOT_OFFICER',
    );
    expect(code(await transfer({ to: 'officer', officerId: me }))).toBe('TRANSFER_TO_SELF');
    expect(code(await transfer({ to: 'officer', officerId: 4242 }))).toBe('NOT_FOUND');
    const noReason = await transfer({ to: 'reception' }, '   ');
    expect(code(noReason)).toBe('VALIDATION');
    expect(!noReason.ok && noReason.error.fields).toEqual({ reason: 'validation.required' });
    // Nothing of the refused attempts stuck: the visitor is still the admin's, still called.
    expect(events(a).map((e) => e.kind)).toEqual(['checked_in', 'called']);
    expect((await t.must('queue.overview', {})).mine.map((v) => v.status)).toEqual(['called']);
    // The inactive officer is not offered either.
    expect((await t.must('queue.transferTargets', {})).map((o) => o.fullName)).toEqual([]);
  });

  it('sends a visitor back to reception, out of the queue until reception releases them', async () => {
    t = await startWithAdmin();
    const a = await checkIn(1);
    const b = await checkIn(2);
    await t.must('queue.callNext', {});
    const back = await t.must('queue.transfer', {
      visitId: a,
      target: { to: 'reception' },
      reason: 'Data pendaftaran perlu diperbaiki',
    });
    expect(back).toMatchObject({ status: 'waiting', officerId: null });
    expect((await board()).announcements[0]).toMatchObject({
      queueLabel: 'K-001',
      room: 'resepsionis',
    });
    // Reception sees them with the reason; officers no longer list them as waiting.
    expect(await t.must('queue.atReception', {})).toEqual([
      {
        visitId: a,
        queueLabel: 'K-001',
        fullName: 'Pengunjung Rahasia 1',
        since: expect.any(String),
        reason: 'Data pendaftaran perlu diperbaiki',
      },
    ]);
    expect((await t.must('queue.overview', {})).waiting.map((v) => v.queueLabel)).toEqual([
      'K-002',
    ]);
    // The next call passes over K-001 while reception has them.
    expect((await t.must('queue.callNext', {}))?.visitId).toBe(b);
    await t.must('queue.noShow', { visitId: b });
    expect(await t.must('queue.callNext', {})).toBeNull();
    await t.must('queue.releaseFromReception', { visitId: a });
    expect(code(await t.call('queue.releaseFromReception', { visitId: a }))).toBe(
      'VISIT_NOT_AT_RECEPTION',
    );
    expect(await t.must('queue.atReception', {})).toEqual([]);
    expect((await t.must('queue.callNext', {}))?.visitId).toBe(a);
    expect(events(a).map((e) => e.kind)).toEqual([
      'checked_in',
      'called',
      'sent_to_reception',
      'released',
      'called',
    ]);
  });

  it('keeps two officers racing on one visitor safe: the second acts on the first one’s result', async () => {
    t = await startWithAdmin();
    const agus = await officer('agus', 'Agus Salim');
    const budi = await officer('budi', 'Budi Santoso');
    const a = await checkIn(1);
    await agus.call('queue.callNext', {});
    const reason = 'Ditangani petugas lain';
    // Agus hands the visitor to the admin while Budi, on a stale screen, tries to take them
    // and the admin recalls: all sent at once.
    const [toAdmin, budiTakes, adminRecall] = await Promise.all([
      agus.call('queue.transfer', {
        visitId: a,
        target: { to: 'officer', officerId: (await t.must('auth.me', {})).id },
        reason,
      }),
      budi.call('queue.transfer', {
        visitId: a,
        target: { to: 'officer', officerId: budi.id },
        reason,
      }),
      t.call('queue.recall', { visitId: a }),
    ]);
    expect([code(toAdmin), code(budiTakes), code(adminRecall)]).toEqual([
      'OK',
      'VISIT_NOT_YOURS',
      'OK',
    ]);
    // A second transfer of the same visitor by Agus finds it is no longer his.
    expect(
      code(await agus.call('queue.transfer', { visitId: a, target: { to: 'reception' }, reason })),
    ).toBe('VISIT_NOT_YOURS');
    expect(events(a).map((e) => e.kind)).toEqual([
      'checked_in',
      'called',
      'transferred',
      'recalled',
    ]);
  });
});

describe('board audio settings', () => {
  it('are saved by staff and read by the board, with defaults before anyone set them', async () => {
    t = await startWithAdmin();
    const { displayToken } = await t.must('board.openDisplay', {});
    const read = () =>
      t.core.dispatch('board.audio', {}, { window: 'display', sessionToken: displayToken });
    expect(await read()).toEqual({ ok: true, value: { muted: false, volume: 80, voice: 'clips' } });
    await t.must('board.saveAudio', { muted: true, volume: 35, voice: 'speech' });
    expect(await read()).toEqual({ ok: true, value: { muted: true, volume: 35, voice: 'speech' } });
    expect(
      code(await t.call('board.saveAudio', { muted: false, volume: 101, voice: 'clips' })),
    ).toBe('VALIDATION');
    // The board may read how to speak, never change it.
    expect(
      code(
        await t.core.dispatch(
          'board.saveAudio',
          { muted: false, volume: 1, voice: 'clips' },
          {
            window: 'display',
            sessionToken: displayToken,
          },
        ),
      ),
    ).toBe('WINDOW_NOT_ALLOWED');
  });
});
