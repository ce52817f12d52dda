import { afterEach, describe, expect, it } from 'vitest';
import { currentNotice } from '../../../shared/domain/privacy-notice';
import { AUDIT_PAGE } from '../../../electron/core/records/audit-viewer';
import { cleanup, startWithAdmin, type TestCore } from '../../helpers/temp-core';

let t: TestCore | undefined;
afterEach(() => cleanup(t));

const DAY = 24 * 3600_000;
const person = (fullName: string) => ({
  fullName,
  phone: '081234567890',
  purpose: 'Konsultasi',
  noticeDelivery: 'read_out' as const,
  noticeVersion: currentNotice().version,
});

describe('the audit viewer', () => {
  it('filters by person, action and period, pages newest first, and exports CSV', async () => {
    const core = (t = await startWithAdmin());
    await core.must('staff.create', {
      fullName: 'Ani Resepsionis',
      username: 'ani',
      pin: '975310',
      roles: ['receptionist'],
    });
    const ani = (await core.must('auth.login', { username: 'ani', pin: '975310' })).sessionToken;
    const asAni = (method: string, input: unknown) => core.callRaw(method, input, ani);
    // Day 1: Ani checks in 60 visitors. Day 2: Ani corrects one; the administrator checks in one.
    for (let i = 0; i < 60; i++) await asAni('visit.checkIn', person(`Pengunjung ${i}`));
    core.clock.advance(DAY);
    await asAni('visit.correct', { visitId: 1, fullName: 'Pengunjung Nol', phone: '081234567891' });
    await core.must('visit.checkIn', person('Dewi'));

    const filters = await core.must('audit.filters', {});
    expect(filters.actions).toEqual(expect.arrayContaining(['visit.checkIn', 'visit.correct']));
    expect(filters.staff.map((s) => s.fullName)).toEqual(['Ani Resepsionis', 'Siti Rahayu']);

    const correct = await core.must('audit.list', { action: 'visit.correct' });
    expect(correct.entries).toHaveLength(1);
    expect(correct.entries[0]).toMatchObject({
      actorName: 'Ani Resepsionis',
      entity: 'visit',
      entityId: '1',
    });
    expect(JSON.parse(correct.entries[0]!.detail!)).toEqual({
      changes: {
        fullName: { from: 'Pengunjung 0', to: 'Pengunjung Nol' },
        phone: { from: '+6281234567890', to: '+6281234567891' },
      },
    });

    // Ani's 60 check-ins of day 1, in two pages, newest first, none twice.
    const filter = { actorId: 2, action: 'visit.checkIn', from: '2026-11-24', to: '2026-11-24' };
    const first = await core.must('audit.list', filter);
    expect(first.entries).toHaveLength(AUDIT_PAGE);
    const second = await core.must('audit.list', { ...filter, before: first.next! });
    expect(second.next).toBeNull();
    const ids = [...first.entries, ...second.entries].map((e) => e.id);
    expect(ids).toHaveLength(60);
    expect(new Set(ids).size).toBe(60);
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);

    // The period alone: day 2 holds the correction, the administrator's check-in and its visitor.
    const day2 = await core.must('audit.list', { from: '2026-11-25', to: '2026-11-25' });
    expect(day2.entries.map((e) => e.action)).toEqual([
      'visit.checkIn',
      'visitor.create',
      'visitor.correct',
      'visit.correct',
    ]);
    const mine = await core.must('audit.list', { actorId: 1, from: '2026-11-25' });
    expect(mine.entries.every((e) => e.actorId === 1)).toBe(true);

    const file = await core.must('audit.export', { action: 'visit.correct' });
    const csv = Buffer.from(file.base64, 'base64').toString('utf8');
    expect(file.mimeType).toBe('text/csv');
    const lines = csv.trim().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('Ani Resepsionis');
    expect(lines[1]).toContain('visit.correct');
    expect(lines[1]).toContain('+6281234567891');
    // Reading the trail out is audited too.
    expect((await core.must('audit.list', { action: 'audit.export' })).entries).toHaveLength(1);
  }, 60_000);

  it('is for supervisors and administrators only', async () => {
    const core = (t = await startWithAdmin());
    await core.must('staff.create', {
      fullName: 'Rina',
      username: 'rina',
      pin: '975310',
      roles: ['officer', 'receptionist'],
    });
    const rina = (await core.must('auth.login', { username: 'rina', pin: '975310' })).sessionToken;
    for (const method of ['audit.list', 'audit.export', 'audit.filters']) {
      const r = await core.callRaw(method, {}, rina);
      expect(r.ok || r.error.code).toBe('FORBIDDEN');
    }
  });
});
