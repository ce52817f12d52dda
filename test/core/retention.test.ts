import { afterEach, describe, expect, it } from 'vitest';
import { retentionCutoff } from '../../electron/core/privacy/retention';
import { createCore } from '../../electron/core/core';
import { currentConsent } from '../../shared/domain/consent';
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
  visitorType: 'penyedia' as const,
  purpose: 'Konsultasi',
  consentGiven: true as const,
  consentVersion: currentConsent().version,
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
      visitor_type: 'penyedia',
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
