import { afterEach, describe, expect, it } from 'vitest';
import { contract, METHOD_NAMES, type MethodName } from '../../shared/api/contract';
import { boardCallSchema } from '../../shared/api/methods/board';
import { currentNotice } from '../../shared/domain/privacy-notice';
import { WINDOW_KINDS, type WindowKind } from '../../shared/domain/station-kinds';
import { CURRENT_CALLS_SQL, RECENT_CALLS_SQL } from '../../electron/core/board/queue-board';
import { cleanup, startWithAdmin, type TestCore } from '../helpers/temp-core';

let t: TestCore;
afterEach(() => cleanup(t));

const code = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'OK' : r.error?.code);
const as =
  (window: WindowKind, token: string) =>
  (method: string, input: unknown = {}) =>
    t.core.dispatch(method, input, { window, sessionToken: token });

async function checkIn(fullName: string): Promise<number> {
  const { visitId } = await t.must('visit.checkIn', {
    fullName,
    phone: '081234567890',
    purpose: 'Konsultasi',
    noticeVersion: currentNotice().version,
    noticeDelivery: 'read_out' as const,
  });
  return visitId;
}

describe('window kinds decide every call', () => {
  it('refuses a staff method from the survey route even with a survey display session', async () => {
    t = await startWithAdmin();
    const { displayToken } = await t.must('survey.openDisplay', {});
    const survey = as('survey', displayToken);
    expect(code(await survey('visit.checkIn'))).toBe('WINDOW_NOT_ALLOWED');
    expect(code(await survey('survey.current'))).toBe('OK');
    // The display token on the staff route is a display session, not the officer's.
    expect(code(await as('staff', displayToken)('queue.overview'))).toBe('FORBIDDEN');
  });

  it('refuses a staff method from the display, and the survey’s methods too', async () => {
    t = await startWithAdmin();
    const { displayToken } = await t.must('board.openDisplay', {});
    const board = as('display', displayToken);
    expect(code(await board('board.calls'))).toBe('OK');
    expect(code(await board('queue.overview'))).toBe('WINDOW_NOT_ALLOWED');
    expect(code(await board('survey.current'))).toBe('WINDOW_NOT_ALLOWED');
    expect(code(await as('staff', displayToken)('auth.me'))).toBe('FORBIDDEN');
    // A survey display session may not read the board, nor a board session the survey.
    const { displayToken: surveyToken } = await t.must('survey.openDisplay', {});
    expect(code(await as('display', surveyToken)('board.calls'))).toBe('FORBIDDEN');
    expect(code(await as('survey', displayToken)('survey.current'))).toBe('FORBIDDEN');
    // Nor does a staff session, on the display route.
    expect(code(await as('display', t.token ?? '')('board.calls'))).toBe('FORBIDDEN');
  });

  it('ends the board with the session that opened it, and keeps one board per staff member', async () => {
    t = await startWithAdmin();
    const first = (await t.must('board.openDisplay', {})).displayToken;
    const second = (await t.must('board.openDisplay', {})).displayToken;
    expect(code(await as('display', first)('board.calls'))).toBe('UNAUTHENTICATED');
    const survey = (await t.must('survey.openDisplay', {})).displayToken;
    // Opening the board does not end the survey display, nor the other way round.
    expect(code(await as('display', second)('board.calls'))).toBe('OK');
    await t.must('auth.logout', {});
    expect(code(await as('display', second)('board.calls'))).toBe('UNAUTHENTICATED');
    expect(code(await as('survey', survey)('survey.current'))).toBe('UNAUTHENTICATED');
  });

  it('gives every method a window kind that exists, and every display access its own window', () => {
    for (const name of METHOD_NAMES as MethodName[]) {
      const spec = contract[name];
      for (const w of spec.windows) expect(WINDOW_KINDS).toContain(w);
      const access = spec.access;
      if (typeof access === 'object' && 'display' in access) {
        expect(spec.windows, name).toEqual([access.display]);
      }
    }
  });
});

describe('the waiting-room board', () => {
  it('shows the current calls and the last five of today by queue label only', async () => {
    t = await startWithAdmin();
    for (let i = 1; i <= 8; i++) await checkIn(`Pengunjung Rahasia ${i}`);
    for (let i = 1; i <= 7; i++) {
      const called = await t.must('queue.callNext', {});
      t.clock.advance(60_000);
      if (called && i < 7) await t.must('queue.start', { visitId: called.visitId });
    }
    const { displayToken } = await t.must('board.openDisplay', {});
    const r = await as('display', displayToken)('board.calls');
    expect(r.ok).toBe(true);
    const value = (r as { value: { current: unknown[]; recent: unknown[] } }).value;
    expect(value.current).toEqual([
      { queueLabel: 'K-007', calledAt: expect.any(String), room: null, desk: null },
    ]);
    expect(value.recent.map((c) => (c as { queueLabel: string }).queueLabel)).toEqual([
      'K-006',
      'K-005',
      'K-004',
      'K-003',
      'K-002',
    ]);
    // Nothing but the label, the time and the place: no name, phone, institution or id.
    for (const call of [...value.current, ...value.recent]) {
      expect(Object.keys(call as object).sort()).toEqual([
        'calledAt',
        'desk',
        'queueLabel',
        'room',
      ]);
      expect(boardCallSchema.safeParse(call).success).toBe(true);
    }
    expect(JSON.stringify(r)).not.toContain('Rahasia');
    expect(JSON.stringify(r)).not.toContain('0812');
  });

  it('reads one service day through an index, however long the history grows', async () => {
    t = await startWithAdmin();
    for (const sql of [CURRENT_CALLS_SQL, RECENT_CALLS_SQL]) {
      const plan = t.core.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all('2026-12-02') as {
        detail: string;
      }[];
      const details = plan.map((p) => p.detail).join(' | ');
      expect(details).toMatch(/SEARCH visit USING INDEX \w+ \((service_day|status)=\?/);
      expect(details).not.toMatch(/SCAN visit\b/);
    }
  });
});
