import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { currentNotice } from '../../shared/domain/privacy-notice';
import type { CheckInInput } from '../../shared/domain/visit';
import { cleanup, startWithAdmin, type TestCore } from '../helpers/temp-core';

let t: TestCore;
afterEach(() => cleanup(t));

const visitor = (n: number, extra: Partial<CheckInInput> = {}): CheckInInput => ({
  fullName: `Pengunjung ${n}`,
  phone: `08123456${String(n).padStart(4, '0')}`,
  purpose: 'Konsultasi SPSE',
  noticeDelivery: 'read_out' as const,
  noticeVersion: currentNotice().version,
  ...extra,
});

const elderly: Partial<CheckInInput> = { priority: true, priorityReason: 'lanjut_usia' };
const withChild: Partial<CheckInInput> = { priority: true, priorityReason: 'membawa_anak' };

async function checkIn(n: number, extra: Partial<CheckInInput> = {}): Promise<number> {
  return (await t.must('visit.checkIn', visitor(n, extra))).visitId;
}

async function callAll(): Promise<number[]> {
  const called: number[] = [];
  for (;;) {
    const next = await t.must('queue.callNext', {});
    if (!next) return called;
    called.push(next.visitId);
    await t.must('queue.start', { visitId: next.visitId });
  }
}

describe('the priority lane', () => {
  it('calls priority visitors first, each lane first in, first out', async () => {
    t = await startWithAdmin();
    const r1 = await checkIn(1);
    const p1 = await checkIn(2, elderly);
    const r2 = await checkIn(3);
    const p2 = await checkIn(4, withChild);
    const r3 = await checkIn(5);
    // The officer's list shows them in the order they will be called.
    const waiting = (await t.must('queue.overview', {})).waiting;
    expect(waiting.map((v) => [v.queueLabel, v.priority?.reason ?? null])).toEqual([
      ['K-002', 'lanjut_usia'],
      ['K-004', 'membawa_anak'],
      ['K-001', null],
      ['K-003', null],
      ['K-005', null],
    ]);
    expect(await callAll()).toEqual([p1, p2, r1, r2, r3]);
  });

  it('puts a priority visitor who arrives later ahead of the regular ones still waiting', async () => {
    t = await startWithAdmin();
    const r1 = await checkIn(1);
    const r2 = await checkIn(2);
    expect((await t.must('queue.callNext', {}))?.visitId).toBe(r1);
    await t.must('queue.start', { visitId: r1 });
    const p1 = await checkIn(3, { priority: true, priorityReason: 'ibu_hamil' });
    expect(await callAll()).toEqual([p1, r2]);
  });

  it('refuses a priority without a reason, and "lainnya" without a note, saving nothing', async () => {
    t = await startWithAdmin();
    const noReason = await t.call('visit.checkIn', visitor(1, { priority: true }));
    expect(noReason.ok).toBe(false);
    if (noReason.ok) return;
    expect(noReason.error.code).toBe('VALIDATION');
    expect(noReason.error.fields).toEqual({ priorityReason: 'validation.priorityReasonRequired' });
    const blankReason = await t.call(
      'visit.checkIn',
      visitor(1, { priority: true, priorityReason: '' }),
    );
    expect(!blankReason.ok && blankReason.error.fields).toEqual({
      priorityReason: 'validation.priorityReasonRequired',
    });
    const other = await t.call(
      'visit.checkIn',
      visitor(1, { priority: true, priorityReason: 'lainnya', priorityNote: '  ' }),
    );
    expect(!other.ok && other.error.fields).toEqual({
      priorityNote: 'validation.priorityNoteRequired',
    });
    expect((await t.must('visit.listForDay', {})).visits).toEqual([]);
  });

  it('shows the mark to reception, keeps the note of "lainnya" and stores reasons for reports', async () => {
    t = await startWithAdmin();
    await checkIn(1, { priority: true, priorityReason: 'lainnya', priorityNote: 'Kaki cedera' });
    await checkIn(2, { priority: true, priorityReason: 'disabilitas', priorityNote: 'ignored' });
    // A reason without the mark is not a priority: the form hides the reason then.
    await checkIn(3, { priority: false, priorityReason: 'ibu_hamil' });
    const rows = (await t.must('visit.listForDay', {})).visits;
    expect(rows.map((v) => v.priority)).toEqual([
      { reason: 'lainnya', note: 'Kaki cedera' },
      { reason: 'disabilitas', note: null },
      null,
    ]);
    const counted = t.core.db
      .prepare<[], { reason: string; n: number }>(
        `SELECT priority_reason AS reason, count(*) AS n FROM visit
          WHERE priority_reason IS NOT NULL GROUP BY priority_reason ORDER BY priority_reason`,
      )
      .all();
    expect(counted).toEqual([
      { reason: 'disabilitas', n: 1 },
      { reason: 'lainnya', n: 1 },
    ]);
  });

  it('never gives the same visitor to two officers at once, and each takes priority first', async () => {
    t = await startWithAdmin();
    const priority = new Set<number>();
    for (let i = 1; i <= 40; i++) {
      const id = await checkIn(i, i % 3 === 0 ? elderly : {});
      if (i % 3 === 0) priority.add(id);
    }
    await t.must('staff.create', {
      fullName: 'Agus',
      username: 'agus',
      pin: '112233',
      roles: ['officer'],
    });
    t.close();
    const worker = join(import.meta.dirname, 'fixtures', 'call-worker.ts');
    const run = (username: string, pin: string) =>
      new Promise<number[]>((resolve, reject) => {
        const child = spawn(
          process.execPath,
          ['--import', 'tsx', worker, t.dataDir, username, pin, t.clock.now().toISOString()],
          { stdio: ['ignore', 'pipe', 'inherit'] },
        );
        let out = '';
        child.stdout.on('data', (c: Buffer) => (out += c.toString()));
        child.on('exit', (exitCode) =>
          exitCode === 0
            ? resolve([...out.matchAll(/CALLED (\d+)/g)].map((m) => Number(m[1])))
            : reject(new Error(`worker exited ${exitCode}`)),
        );
      });
    const lists = await Promise.all([run('siti', '135790'), run('agus', '112233')]);
    const all = lists.flat();
    expect(all).toHaveLength(40);
    expect(new Set(all).size).toBe(40);
    // Once an officer got a regular visitor, no priority visitor was left for either of them.
    for (const list of lists) {
      const firstRegular = list.findIndex((id) => !priority.has(id));
      const late = list.slice(firstRegular < 0 ? list.length : firstRegular);
      expect(late.filter((id) => priority.has(id))).toEqual([]);
    }
  }, 60_000);
});
