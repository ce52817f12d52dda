import { afterEach, describe, expect, it } from 'vitest';
import { retentionCutoff } from '../../electron/core/privacy/retention';
import { createCore } from '../../electron/core/core';
import { currentNotice } from '../../shared/domain/privacy-notice';
import { ADMIN, cleanup, startWithAdmin, type TestCore } from '../helpers/temp-core';

let t: TestCore | undefined;
afterEach(() => {
  if (t) cleanup(t);
  t = undefined;
});

const visitor = (name: string, phone: string) => ({
  fullName: name,
  phone,
  email: `${name.toLowerCase()}@example.id`,
  institution: 'CV Maju Jaya',
  visitorType: 'penyedia_badan_usaha' as const,
  purpose: 'Konsultasi',
  noticeVersion: currentNotice().version,
  noticeDelivery: 'read_out' as const,
});

describe('retention (2 years, as the consent statement promises)', () => {
  it('computes the cutoff by calendar years', () => {
    expect(retentionCutoff('2026-11-24', 2)).toBe('2024-11-24');
    expect(retentionCutoff('2028-02-29', 2)).toBe('2026-03-01');
  });

  it('anonymises visitors whose last visit is past the period, and keeps statistics', async () => {
    t = await startWithAdmin();
    const old = await t.must('visit.checkIn', visitor('Budi', '081234567890'));
    await t.must('visit.checkIn', {
      ...visitor('Budi', '081299998888'),
      returningVisitorId: old.visitorId,
      phone: '081299998888',
    });
    t.clock.current = new Date('2027-06-01T02:00:00Z');
    t.token = (
      await t.must('auth.login', { username: ADMIN.username, pin: ADMIN.pin })
    ).sessionToken;
    const recent = await t.must('visit.checkIn', visitor('Dewi', '085711112222'));

    t.close();
    t.clock.current = new Date('2028-11-25T02:00:00Z'); // Budi's last visit is now more than 2 years ago
    t.core = createCore({ dataDir: t.dataDir, now: t.clock.now, logError: () => {} });

    const budi = t.core.db
      .prepare(
        'SELECT full_name, phone, email, institution, visitor_type, anonymised_at FROM visitor WHERE id = ?',
      )
      .get(old.visitorId);
    expect(budi).toEqual({
      full_name: '(dianonimkan)',
      phone: '',
      email: null,
      institution: null,
      visitor_type: 'penyedia_badan_usaha',
      anonymised_at: '2028-11-25T02:00:00.000Z',
    });
    const visits = t.core.db
      .prepare('SELECT full_name, phone, service_day FROM visit WHERE visitor_id = ?')
      .all(old.visitorId);
    expect(visits).toEqual([
      { full_name: '(dianonimkan)', phone: '', service_day: '2026-11-24' },
      { full_name: '(dianonimkan)', phone: '', service_day: '2026-11-24' },
    ]);
    // The change history that held the old numbers is redacted; the entry itself stays.
    const history = t.core.db
      .prepare("SELECT detail FROM audit WHERE action = 'visitor.update'")
      .all();
    expect(history).toEqual([{ detail: '{"redacted":true}' }]);
    expect(JSON.stringify(t.core.db.prepare('SELECT * FROM audit').all())).not.toContain(
      '6281234567890',
    );
    // Search no longer finds them; the recent visitor is untouched.
    const token = (await t.core.dispatch(
      'auth.login',
      { username: ADMIN.username, pin: ADMIN.pin },
      { window: 'staff' },
    )) as { ok: true; value: { sessionToken: string } };
    const search = await t.core.dispatch(
      'visitor.search',
      { query: 'budi' },
      { window: 'staff', sessionToken: token.value.sessionToken },
    );
    expect(search).toEqual({ ok: true, value: [] });
    expect(
      t.core.db.prepare('SELECT full_name FROM visitor WHERE id = ?').get(recent.visitorId),
    ).toEqual({ full_name: 'Dewi' });
  });

  it('keeps anonymised visitors out of search, so a live "Dian" is still found for "di" and "dian"', async () => {
    t = await startWithAdmin();
    for (let i = 0; i < 12; i++) {
      await t.must('visit.checkIn', visitor(`Lama${i}`, `0812000011${String(i).padStart(2, '0')}`));
    }
    t.close();
    t.clock.current = new Date('2028-12-01T02:00:00Z');
    t.core = createCore({ dataDir: t.dataDir, now: t.clock.now, logError: () => {} });
    expect(
      t.core.db.prepare('SELECT count(*) AS n FROM visitor WHERE anonymised_at IS NOT NULL').get(),
    ).toEqual({ n: 12 });
    t.token = (
      await t.must('auth.login', { username: ADMIN.username, pin: ADMIN.pin })
    ).sessionToken;
    await t.must('visit.checkIn', {
      ...visitor('Dian Sastro', '085711112222'),
      email: 'dian@example.id',
    });
    for (const query of ['di', 'dia', 'dian']) {
      const found = await t.must('visitor.search', { query });
      expect(
        found.map((s) => s.fullName),
        query,
      ).toEqual(['Dian Sastro']);
    }
    const indexed = t.core.db
      .prepare(
        'SELECT count(*) AS n FROM visitor_search WHERE visitor_search MATCH \'"dianonimkan"*\'',
      )
      .get();
    expect(indexed).toEqual({ n: 0 });
  });

  it('finds a live visitor older than a page of anonymised ones (the filter comes before the limit)', async () => {
    t = await startWithAdmin();
    const dian = { ...visitor('Dian Older', '085799990000'), email: 'dian@example.id' };
    const live = await t.must('visit.checkIn', dian);
    for (let i = 0; i < 12; i++) {
      await t.must('visit.checkIn', visitor(`Lama${i}`, `0812000011${String(i).padStart(2, '0')}`));
    }
    t.clock.current = new Date('2027-06-01T02:00:00Z');
    t.token = (
      await t.must('auth.login', { username: ADMIN.username, pin: ADMIN.pin })
    ).sessionToken;
    await t.must('visit.checkIn', { ...dian, phone: '', returningVisitorId: live.visitorId });
    t.close();
    t.clock.current = new Date('2028-12-01T02:00:00Z');
    t.core = createCore({ dataDir: t.dataDir, now: t.clock.now, logError: () => {} });
    t.token = (
      await t.must('auth.login', { username: ADMIN.username, pin: ADMIN.pin })
    ).sessionToken;
    const found = await t.must('visitor.search', { query: 'di' });
    expect(found.map((s) => s.fullName)).toEqual(['Dian Older']);
  });

  it('takes the cut-off from the WIB service day, not the UTC date', async () => {
    t = await startWithAdmin();
    await t.must('visit.checkIn', visitor('Budi', '081234567890')); // service day 2026-11-24
    t.close();
    // 17:30 UTC on 24 November is 00:30 WIB on 25 November 2028: two years and a day later.
    t.clock.current = new Date('2028-11-24T17:30:00Z');
    t.core = createCore({ dataDir: t.dataDir, now: t.clock.now, logError: () => {} });
    expect(t.core.db.prepare('SELECT full_name FROM visitor').get()).toEqual({
      full_name: '(dianonimkan)',
    });
  });

  it('keeps a visitor until the WIB day of the cut-off has really begun', async () => {
    t = await startWithAdmin();
    await t.must('visit.checkIn', visitor('Budi', '081234567890')); // service day 2026-11-24
    t.close();
    // 16:59:59.9 UTC is 23:59:59.9 WIB on 24 November 2028: exactly two years, not yet past.
    t.clock.current = new Date('2028-11-24T16:59:59.900Z');
    t.core = createCore({ dataDir: t.dataDir, now: t.clock.now, logError: () => {} });
    expect(t.core.db.prepare('SELECT full_name FROM visitor').get()).toEqual({ full_name: 'Budi' });
  });

  it('lets the audit trail be redacted, but not otherwise changed', async () => {
    const core = (t = await startWithAdmin()).core;
    expect(() =>
      core.db.prepare(`UPDATE audit SET detail = '{"redacted":true}', action = 'x'`).run(),
    ).toThrow(/append-only/);
    expect(() => core.db.prepare(`UPDATE audit SET detail = '{}'`).run()).toThrow(/append-only/);
    expect(
      core.db.prepare(`UPDATE audit SET detail = '{"redacted":true}'`).run().changes,
    ).toBeGreaterThan(0);
  });
});
