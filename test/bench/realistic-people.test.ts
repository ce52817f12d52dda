import { describe, expect, it } from 'vitest';
import { RealisticPeople } from '../../bench/realistic-people';
import { z } from 'zod';
import { normalizeIndonesianPhone } from '../../shared/domain/phone';

describe('the realistic synthetic-people generator (bench)', () => {
  const people = new RealisticPeople(17);
  const sample = Array.from({ length: 20_000 }, () => people.person());
  const share = (first: string) =>
    sample.filter((p) => p.fullName.split(' ')[0] === first).length / sample.length;

  it('is seeded: the same seed gives the same people', () => {
    const again = new RealisticPeople(17);
    expect(Array.from({ length: 50 }, () => again.person())).toEqual(sample.slice(0, 50));
    expect(new RealisticPeople(18).person()).not.toEqual(sample[0]);
  });

  it('follows the distribution of first words: Siti and Muhammad about 10% each, then the next eight', () => {
    for (const first of ['Siti', 'Muhammad']) {
      expect(share(first)).toBeGreaterThan(0.08);
      expect(share(first)).toBeLessThan(0.12);
    }
    for (const first of ['Nur', 'Ahmad', 'Sri', 'Dewi', 'Agus', 'Budi', 'Putri', 'Nurul']) {
      expect(share(first)).toBeGreaterThan(0.02);
      expect(share(first)).toBeLessThan(share('Siti'));
    }
  });

  it('gives names of 2 to 4 words, phones Loket accepts, valid e-mails, real-looking institutions', () => {
    const counts = new Set(sample.map((p) => p.fullName.split(' ').length));
    expect([...counts].sort()).toEqual([2, 3, 4]);
    for (const p of sample.slice(0, 2000)) {
      expect(normalizeIndonesianPhone(p.phone), p.phone).toMatch(/^\+628\d{8,11}$/);
      if (p.email !== '') expect(z.email().safeParse(p.email).success, p.email).toBe(true);
    }
    const institutions = sample.map((p) => p.institution);
    expect(institutions.some((i) => i.startsWith('PT '))).toBe(true);
    expect(institutions.some((i) => i.startsWith('CV '))).toBe(true);
    expect(institutions.some((i) => i.startsWith('Dinas PUPR '))).toBe(true);
    const emails = sample.map((p) => p.email);
    expect(emails.some((e) => /^muhammad\.[a-z]+@gmail\.com$/.test(e))).toBe(true);
    expect(emails.some((e) => /^[a-z]+(19|20)\d\d@yahoo\.co\.id$/.test(e))).toBe(true);
  });
});
