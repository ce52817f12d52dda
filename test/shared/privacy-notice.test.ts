import { describe, expect, it } from 'vitest';
import {
  currentNotice,
  noticeByVersion,
  noticeFor,
  noticeVersionFor,
} from '../../shared/domain/privacy-notice';

const periods = { guestBookYears: 1, casesYears: 3, documentsYears: 5 };

describe('the processing notice follows the retention periods', () => {
  it('states each purpose’s period, not a fixed two years', () => {
    const n = noticeFor(periods).sections.retention.body;
    expect(n.id).toContain('buku tamu (kunjungan) disimpan selama 1 (satu) tahun');
    expect(n.id).toContain('data kasus selama 3 (tiga) tahun');
    expect(n.id).toContain('dokumen pendukung selama 5 (lima) tahun');
    expect(n.en).toContain('kept for 1 year from that visit');
    expect(n.en).toContain('case data for 3 years and supporting documents for 5 years');
    expect(n.id).not.toContain('2 (dua)');
  });

  it('gives a text with other periods another version, and the same periods the same one', () => {
    const base = noticeVersionFor(periods);
    expect(noticeFor(periods).version).toBe(base);
    expect(noticeFor({ ...periods }).version).toBe(base);
    for (const changed of [
      { ...periods, guestBookYears: 2 },
      { ...periods, casesYears: 4 },
      { ...periods, documentsYears: 6 },
    ]) {
      expect(noticeFor(changed).version).not.toBe(base);
    }
    expect(currentNotice().version).toBe('2026-12-n2-r2.2.2');
  });

  it('rebuilds word for word the text a stored version stands for', () => {
    for (const p of [periods, { guestBookYears: 30, casesYears: 10, documentsYears: 12 }]) {
      const given = noticeFor(p);
      expect(noticeByVersion(given.version)).toEqual(given);
    }
    // The text given before the periods were settings is kept as it was.
    expect(noticeByVersion('2026-12-n1')?.sections.retention.body.id).toContain('2 (dua) tahun');
    for (const never of ['2026-12-n2-r02.2.2', '2026-12-n2-r0.2.2', '2020-01-v0-r2.2.2', 'x']) {
      expect(noticeByVersion(never), never).toBeUndefined();
    }
  });
});
