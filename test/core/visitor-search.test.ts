import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/core';
import { currentNotice } from '../../shared/domain/privacy-notice';
import type { CheckInInput } from '../../shared/domain/visit';
import { ADMIN, cleanup, startWithAdmin, type TestCore } from '../helpers/temp-core';

let t: TestCore | undefined;
afterEach(() => {
  if (t) cleanup(t);
  t = undefined;
});

let phoneSerial = 0;
const person = (fullName: string, more: Partial<CheckInInput> = {}): CheckInInput => ({
  fullName,
  phone: `0813${String(10_000_000 + phoneSerial++).slice(-8)}`,
  email: '',
  institution: '',
  visitorType: 'penyedia_badan_usaha',
  purpose: 'Konsultasi',
  noticeVersion: currentNotice().version,
  noticeDelivery: 'read_out' as const,
  ...more,
});

async function names(query: string): Promise<string[]> {
  if (!t) throw new Error('no core');
  return (await t.must('visitor.search', { query })).map((s) => s.fullName);
}

describe('returning-visitor search at scale', () => {
  it('finds a visitor by the institution: "pt abadi", "dinas pupr"', async () => {
    t = await startWithAdmin();
    await t.must('visit.checkIn', person('Siti Aminah', { institution: 'PT Abadi Konstruksi' }));
    await t.must('visit.checkIn', person('Agus Salim', { institution: 'Dinas PUPR Kota Bogor' }));
    await t.must('visit.checkIn', person('Budi Hartono', { institution: 'CV Berkah Jaya' }));
    expect(await names('pt abadi')).toEqual(['Siti Aminah']);
    expect(await names('dinas pupr')).toEqual(['Agus Salim']);
    expect(await names('cv berkah')).toEqual(['Budi Hartono']);
    expect(await names('pupr bogor')).toEqual(['Agus Salim']);
  });

  it('finds a visitor by the prefix of an e-mail local part, also past six letters', async () => {
    t = await startWithAdmin();
    await t.must('visit.checkIn', person('Rahman', { email: 'muhammadrahman1961@gmail.com' }));
    await t.must('visit.checkIn', person('Rizki', { email: 'muhammad.rizki@gmail.com' }));
    await t.must('visit.checkIn', person('Muhammed Ali', { email: 'mali@yahoo.co.id' }));
    expect(await names('muhammadrahman19')).toEqual(['Rahman']);
    expect(await names('muhammadri')).toEqual(['Rizki']);
    expect(await names('muhammad.rizki@gm')).toEqual(['Rizki']);
    // The first six letters are shared; the seventh tells them apart.
    expect(await names('muhammed')).toEqual(['Muhammed Ali']);
  });

  it('finds a visitor by a long phone prefix and keeps other numbers out', async () => {
    t = await startWithAdmin();
    await t.must('visit.checkIn', person('Dewi', { phone: '0812-3456-7890' }));
    await t.must('visit.checkIn', person('Sri', { phone: '0812-3499-0000' }));
    expect(await names('0812345')).toEqual(['Dewi']);
    expect(await names('0812-34')).toEqual(['Sri', 'Dewi']);
    expect(await names('+62 812 3456 78')).toEqual(['Dewi']);
  });

  it('ranks a visitor whose word is exactly the typed word above a newer prefix match', async () => {
    t = await startWithAdmin();
    await t.must('visit.checkIn', person('Sri Wahyuni'));
    for (let i = 0; i < 10; i++) await t.must('visit.checkIn', person(`Sriyanti ${i}`));
    const found = await names('sri');
    expect(found[0]).toBe('Sri Wahyuni');
    expect(found).toHaveLength(8);
  });

  it('ranks the visitor seen most recently first, not the one registered last', async () => {
    t = await startWithAdmin();
    const first = await t.must('visit.checkIn', person('Nur Hidayah'));
    await t.must('visit.checkIn', person('Nur Aini'));
    await t.must('visit.checkIn', person('Nur Fitri'));
    expect(await names('nur')).toEqual(['Nur Fitri', 'Nur Aini', 'Nur Hidayah']);
    // Nur Hidayah, registered first, comes back today.
    await t.must('visit.checkIn', {
      ...person('Nur Hidayah'),
      phone: '',
      returningVisitorId: first.visitorId,
    });
    expect(await names('nur')).toEqual(['Nur Hidayah', 'Nur Fitri', 'Nur Aini']);
  });

  it('never returns an anonymised visitor, whatever is typed', async () => {
    t = await startWithAdmin();
    await t.must(
      'visit.checkIn',
      person('Dian Lama', { institution: 'PT Lama', email: 'dian.lama@x.id' }),
    );
    t.close();
    t.clock.current = new Date('2029-01-10T02:00:00Z');
    t.core = createCore({ dataDir: t.dataDir, now: t.clock.now, logError: () => {} });
    t.token = (
      await t.must('auth.login', { username: ADMIN.username, pin: ADMIN.pin })
    ).sessionToken;
    await t.must('visit.checkIn', person('Dian Baru'));
    for (const query of ['di', 'dian', 'dianonimkan', '(dianonimkan)', 'pt lama', 'dian.lama'])
      expect(await names(query), query).not.toContain('(dianonimkan)');
    expect(await names('dian')).toEqual(['Dian Baru']);
  });
  it('checks the whole typed word on the candidates of its first six letters', async () => {
    t = await startWithAdmin();
    for (let i = 0; i < 10; i++) await t.must('visit.checkIn', person(`Muhammad Putra${i}`));
    for (let i = 0; i < 3; i++) await t.must('visit.checkIn', person(`Muhammed Yilmaz${i}`));
    const found = await names('muhamma');
    expect(found).toHaveLength(8);
    expect(found.every((n) => n.startsWith('Muhammad '))).toBe(true);
    expect(found[0]).toBe('Muhammad Putra9');
    expect(await names('muhamme')).toEqual([
      'Muhammed Yilmaz2',
      'Muhammed Yilmaz1',
      'Muhammed Yilmaz0',
    ]);
  });

  it('finds a rare combination of common words, the exact words first (the pair index)', async () => {
    t = await startWithAdmin();
    for (let i = 0; i < 6; i++) {
      await t.must('visit.checkIn', person(`Siti Lestari ${i}`));
      await t.must('visit.checkIn', person(`Muhammad Situmorang ${i}`));
    }
    await t.must('visit.checkIn', person('Siti Aminah Rahmawati'));
    await t.must('visit.checkIn', person('Siti Wibowo', { email: 'muhammad.ali@gmail.com' }));
    await t.must('visit.checkIn', person('Siti Aminah Rahmawatiningsih'));
    await t.must('visit.checkIn', person('Siti Muhammadiyah'));
    await t.must('visit.checkIn', person('Rahmawati Siti Aminah'));
    // The e-mail she gave makes her a Muhammad too; the newer "Muhammadiyah" only starts so.
    expect(await names('siti muhammad')).toEqual(['Siti Wibowo', 'Siti Muhammadiyah']);
    expect(await names('siti aminah rahmawati')).toEqual([
      'Rahmawati Siti Aminah',
      'Siti Aminah Rahmawati',
      'Siti Aminah Rahmawatiningsih',
    ]);
    expect(await names('muhammad situ')).toHaveLength(6);
  });
});
