import { afterEach, describe, expect, it } from 'vitest';
import { currentNotice, noticeByVersion } from '../../../shared/domain/privacy-notice';
import { cleanup, startWithAdmin, type TestCore } from '../../helpers/temp-core';
import { checkIn } from './support';

let t: TestCore | undefined;
afterEach(async () => {
  await cleanup(t);
  t = undefined;
});

describe('the notice given at check-in follows the retention settings', () => {
  it('changes its text and version with the periods, and each visit keeps the one it was given', async () => {
    t = await startWithAdmin();
    const before = await t.must('privacy.notice', {});
    expect(before).toEqual(currentNotice());
    const first = await t.must(
      'visit.checkIn',
      checkIn('Ani Lestari', '081211112222', 'ani@contoh.id'),
    );

    await t.must('privacy.saveRetentionSettings', {
      guestBookYears: 1,
      casesYears: 5,
      documentsYears: 3,
    });
    const after = await t.must('privacy.notice', {});
    expect(after.version).not.toBe(before.version);
    expect(after.sections.retention.body.id).toContain('selama 1 (satu) tahun sejak kunjungan');
    expect(after.sections.retention.body.id).toContain('data kasus selama 5 (lima) tahun');
    expect(after.sections.retention.body.id).toContain('dokumen pendukung selama 3 (tiga) tahun');

    // A form still showing the old text is given the notice again, not recorded as the new one.
    const stale = await t.call(
      'visit.checkIn',
      checkIn('Bima Putra', '081233334444', 'bima@contoh.id'),
    );
    expect(stale.ok ? null : stale.error.code).toBe('NOTICE_OUTDATED');
    const second = await t.must('visit.checkIn', {
      ...checkIn('Bima Putra', '081233334444', 'bima@contoh.id'),
      noticeVersion: after.version,
    });

    const stored = (visitId: number) =>
      (
        t!.core.db.prepare('SELECT notice_version FROM visit WHERE id = ?').get(visitId) as {
          notice_version: string;
        }
      ).notice_version;
    expect(stored(first.visitId)).toBe(before.version);
    expect(stored(second.visitId)).toBe(after.version);
    // Each stored version stands for the exact text that visitor saw.
    expect(noticeByVersion(stored(first.visitId))).toEqual(before);
    expect(noticeByVersion(stored(second.visitId))).toEqual(after);

    // The printed notice is the same text.
    const pdf = await t.must('privacy.noticePdf', {});
    expect(pdf.fileName).toBe(`pemberitahuan-data-pribadi-${after.version}.pdf`);
  });
});
