import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, startWithAdmin, type TestCore } from '../helpers/temp-core';
import { currentConsent } from '../../shared/domain/consent';

let t: TestCore;
afterEach(() => cleanup(t));

describe('smoke', () => {
  it('checks a visitor in', async () => {
    t = await startWithAdmin();
    const r = await t.must('visit.checkIn', {
      fullName: 'Budi Santoso',
      phone: '0812-3456-7890',
      purpose: 'Lupa password SPSE',
      consentGiven: true,
      consentVersion: currentConsent().version,
    });
    expect(r.queueLabel).toBe('K-001');
    const s = await t.must('visitor.search', { query: 'bud' });
    expect(s[0]?.phoneMasked).toBe('0812•••••890');
  });
});
