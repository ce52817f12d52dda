import { afterEach, describe, expect, it } from 'vitest';
import { currentNotice } from '../../shared/domain/privacy-notice';
import { cleanup, startWithAdmin, type TestCore } from '../helpers/temp-core';

let t: TestCore;
afterEach(() => cleanup(t));

const DAY = 24 * 3_600_000;
const decode = (b64: string) => Buffer.from(b64, 'base64').toString('utf8');

async function checkIn(fullName: string, phone: string, email?: string) {
  return t.must('visit.checkIn', {
    fullName,
    phone,
    ...(email && { email }),
    purpose: 'Konsultasi',
    noticeVersion: currentNotice().version,
    noticeDelivery: 'read_out',
  });
}

describe('the breach export (Pasal 46)', () => {
  it('lists everyone with a visit in the period, once each, with the channel to notify them', async () => {
    t = await startWithAdmin();
    await checkIn('Ani Before', '081200000001'); // 2026-11-24
    t.clock.advance(DAY);
    const budi = await checkIn('Budi Santoso', '081234567890', 'budi@contoh.id'); // 2026-11-25
    t.clock.advance(DAY);
    await checkIn('Citra Dewi', '081200000003'); // 2026-11-26
    await t.must('visit.checkIn', {
      returningVisitorId: budi.visitorId,
      fullName: 'Budi Santoso',
      purpose: 'Lagi',
      noticeVersion: currentNotice().version,
      noticeDelivery: 'printed',
    });
    t.clock.advance(DAY);
    await checkIn('Dodi After', '081200000004'); // 2026-11-27

    const file = await t.must('privacy.breachExport', {
      from: '2026-11-25',
      to: '2026-11-26',
      format: 'json',
    });
    const body = JSON.parse(decode(file.base64)) as {
      count: number;
      basis: string;
      people: {
        fullName: string;
        notifyBy: string;
        visitsInPeriod: number;
        email: string | null;
      }[];
    };
    expect(body.basis).toMatch(/Pasal 46/);
    expect(body.people.map((p) => [p.fullName, p.notifyBy, p.visitsInPeriod])).toEqual([
      ['Budi Santoso', 'email', 2],
      ['Citra Dewi', 'phone', 1],
    ]);

    const csv = decode(
      (
        await t.must('privacy.breachExport', {
          from: '2026-11-25',
          to: '2026-11-26',
          format: 'csv',
        })
      ).base64,
    );
    const lines = csv.slice(1).trim().split('\r\n');
    expect(lines[0]).toMatch(/^Nama,Telepon,Email,/);
    expect(lines.slice(1)).toEqual([
      'Budi Santoso,0812-3456-7890,budi@contoh.id,,email,2,2026-11-25,2026-11-26,0,0',
      'Citra Dewi,0812-0000-0003,,,telepon,1,2026-11-26,2026-11-26,0,0',
    ]);
    const audit = t.core.db
      .prepare("SELECT entity_id FROM audit WHERE action = 'privacy.breachExport'")
      .all();
    expect(audit).toEqual([
      { entity_id: '2026-11-25..2026-11-26' },
      { entity_id: '2026-11-25..2026-11-26' },
    ]);
  });

  it('lists for one station only the people whose details were viewed through it', async () => {
    t = await startWithAdmin();
    const a = await checkIn('Budi Santoso', '081234567890');
    await checkIn('Citra Dewi', '081200000003');
    t.core.db
      .prepare(
        "INSERT INTO station (name, kind, credential_hash, paired_at) VALUES ('Meja 2', 'consultation', 'h', ?)",
      )
      .run('2026-11-20T00:00:00.000Z');
    // Budi's details were opened through station 1 on 24 November (WIB); Citra's on this PC.
    t.core.db
      .prepare(
        `INSERT INTO read_log (at, staff_id, station_id, method, entity, entity_id) VALUES
           ('2026-11-24T03:00:00.000Z', 1, 1, 'privacy.person', 'visitor', ?),
           ('2026-11-24T03:00:00.000Z', 1, NULL, 'privacy.person', 'visitor', '2'),
           ('2026-11-25T18:00:00.000Z', 1, 1, 'case.forVisit', 'visit', '2')`,
      )
      .run(String(a.visitorId));
    const scopes = await t.must('privacy.breachScopes', {});
    expect(scopes).toEqual([{ id: 1, name: 'Meja 2', kind: 'consultation' }]);
    const people = async (to: string) =>
      (
        JSON.parse(
          decode(
            (
              await t.must('privacy.breachExport', {
                from: '2026-11-24',
                to,
                stationId: 1,
                format: 'json',
              })
            ).base64,
          ),
        ) as { people: { fullName: string }[] }
      ).people.map((p) => p.fullName);
    expect(await people('2026-11-24')).toEqual(['Budi Santoso']);
    // 18:00 UTC on the 25th is already the 26th in WIB.
    expect(await people('2026-11-25')).toEqual(['Budi Santoso']);
    expect(await people('2026-11-26')).toEqual(['Budi Santoso', 'Citra Dewi']);
  });

  it('refuses a period that ends before it starts', async () => {
    t = await startWithAdmin();
    const r = await t.call('privacy.breachExport', {
      from: '2026-11-26',
      to: '2026-11-25',
      format: 'csv',
    });
    expect(r.ok ? null : r.error.fields?.to).toBe('validation.periodOrder');
  });
});
