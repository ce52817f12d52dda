import { afterEach, describe, expect, it } from 'vitest';
import { currentNotice } from '../../shared/domain/privacy-notice';
import type { CheckInInput } from '../../shared/domain/visit';
import { cleanup, startWithAdmin, type TestCore } from '../helpers/temp-core';

let t: TestCore;
afterEach(() => cleanup(t));

const visitor = (fullName: string, phone: string, lpse: string): CheckInInput => ({
  fullName,
  phone,
  visitorType: 'penyedia_perorangan',
  lpse,
  purpose: 'Lupa User ID SPSE',
  noticeVersion: currentNotice().version,
  noticeDelivery: 'read_out' as const,
});

const names = (entries: { name: string }[]) => entries.map((e) => e.name);

describe('the LPSE directory', () => {
  it('finds LPSEs as the receptionist types, by the start of any word, however it is written', async () => {
    t = await startWithAdmin();
    expect(names(await t.must('lpse.search', { query: 'dom' }))).toEqual(['Kabupaten Dompu']);
    expect(names(await t.must('lpse.search', { query: 'LPSE Kab. Dom' }))).toEqual([
      'Kabupaten Dompu',
    ]);
    expect(names(await t.must('lpse.search', { query: 'prov kali' }))).toEqual([
      'Provinsi Kalimantan Timur',
      'Provinsi Kalimantan Utara',
    ]);
    // By the path on spse.inaproc.id as well.
    expect(names(await t.must('lpse.search', { query: 'dikdas' }))).toEqual([
      'Kementerian Pendidikan Dasar dan Menengah',
    ]);
    expect(await t.must('lpse.search', { query: 'antah berantah' })).toEqual([]);
  });

  it('keeps a name typed by hand, flags it for the administrator, and maps it once she adds the LPSE', async () => {
    t = await startWithAdmin();
    const a = await t.must('visit.checkIn', visitor('Budi', '081234567890', 'LPSE Kab. Bogor'));
    await t.must('visit.checkIn', visitor('Sari', '081298765432', 'kab bogor'));
    const listed = await t.must('visit.checkIn', visitor('Agus', '081311112222', 'kab dompu'));
    const lpseOf = (visitorId: number) =>
      t.core.db
        .prepare<[number], { lpse: string; lpse_id: number | null }>(
          'SELECT lpse, lpse_id FROM visitor WHERE id = ?',
        )
        .get(visitorId);
    // Typed in any spelling, a listed LPSE is stored as the directory writes it.
    expect(lpseOf(listed.visitorId)).toMatchObject({ lpse: 'Kabupaten Dompu' });
    expect((await t.must('lpse.list', {})).unlisted).toEqual([
      { text: 'LPSE Kab. Bogor', uses: 1 },
      { text: 'kab bogor', uses: 1 },
    ]);

    const bogor = await t.must('lpse.save', {
      name: 'Kabupaten Bogor',
      spsePath: 'kabbogor',
      active: true,
    });
    expect((await t.must('lpse.list', {})).unlisted).toEqual([]);
    expect(lpseOf(a.visitorId)).toEqual({ lpse: 'Kabupaten Bogor', lpse_id: bogor.id });
    expect(names(await t.must('lpse.search', { query: 'bog' }))).toEqual(['Kabupaten Bogor']);
    const audit = t.core.db
      .prepare("SELECT actor_id, entity_id FROM audit WHERE action = 'lpse.create'")
      .all();
    expect(audit).toEqual([{ actor_id: 1, entity_id: String(bogor.id) }]);
  });

  it('renames and deactivates an LPSE: a deactivated one is no longer offered', async () => {
    t = await startWithAdmin();
    const [dompu] = await t.must('lpse.search', { query: 'dompu' });
    await t.must('lpse.save', {
      id: dompu!.id,
      name: 'Kabupaten Dompu (NTB)',
      spsePath: 'dompukab',
      active: false,
    });
    expect(await t.must('lpse.search', { query: 'dompu' })).toEqual([]);
    const all = (await t.must('lpse.list', {})).lpses;
    expect(all.find((l) => l.id === dompu!.id)).toEqual({
      id: dompu!.id,
      name: 'Kabupaten Dompu (NTB)',
      spsePath: 'dompukab',
      active: false,
    });
  });

  it('refuses a second LPSE of the same name in another spelling, or a path already used', async () => {
    t = await startWithAdmin();
    const twin = await t.call('lpse.save', { name: 'LPSE Kab. Dompu', spsePath: '', active: true });
    expect(twin).toMatchObject({ ok: false, error: { fields: { name: 'validation.lpseTaken' } } });
    const path = await t.call('lpse.save', { name: 'Kota Bogor', spsePath: 'lkpp', active: true });
    expect(path).toMatchObject({
      ok: false,
      error: { fields: { spsePath: 'validation.spsePathTaken' } },
    });
    const bad = await t.call('lpse.save', { name: 'LPSE', spsePath: 'a b', active: true });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});
