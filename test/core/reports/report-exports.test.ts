import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import type { MethodInput } from '../../../shared/api/contract';
import {
  cleanup,
  startWithAdmin,
  TestClock,
  tempDir,
  type TestCore,
} from '../../helpers/temp-core';
import { until } from '../../helpers/until';
import { ReportSeed, wib } from './report-seed';

let t: TestCore | undefined;
afterEach(() => cleanup(t));

const NAMES = ['Nguyễn Thị Hoa', 'Ṣalāḥ ad-Dīn', 'محمد عبد الله', '王小明'];

/** Runs an export the way the Reports screen does: start, follow, fetch in chunks. */
async function exported(
  core: TestCore,
  input: MethodInput<'report.exportStart'>,
): Promise<{ bytes: Buffer; fileName: string; progress: number[] }> {
  const { jobId } = await core.must('report.exportStart', input);
  const progress: number[] = [];
  const status = await until(
    async () => {
      const st = await core.must('report.exportStatus', { jobId });
      progress.push(st.done);
      return st;
    },
    (st) => st.state !== 'running',
    { tries: 600, everyMs: 100 },
  );
  expect(status.state).toBe('done');
  const parts: Buffer[] = [];
  for (let offset: number | null = 0; offset !== null;) {
    const chunk: { base64: string; nextOffset: number | null } = await core.must(
      'report.exportChunk',
      { jobId, offset },
    );
    parts.push(Buffer.from(chunk.base64, 'base64'));
    offset = chunk.nextOffset;
  }
  const bytes = Buffer.concat(parts);
  expect(bytes.length).toBe(status.size);
  return { bytes, fileName: status.fileName!, progress };
}

function seedDesk(core: TestCore): void {
  const seed = new ReportSeed(core.core.db);
  NAMES.forEach((name, i) => {
    const officer = seed.officer(name);
    const day = `2026-11-0${2 + i}`;
    const v = seed.visit({
      day,
      checkedIn: `${day} 09:00`,
      officerId: officer,
      events: [
        ['called', `${day} 09:10`],
        ['started', `${day} 09:10`],
        ['ended', `${day} 09:40`],
      ],
    });
    seed.problem({
      visitId: v,
      officerId: officer,
      status: 'backend_resolved',
      escalatedAt: `${day} 09:40`,
      resolvedAt: `${day} 12:00`,
      phase: 'resolved',
      ticket: String(500 + i),
    });
  });
}

const pdfText = (bytes: Buffer) => {
  const dir = tempDir();
  const file = join(dir, 'report.pdf');
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-layout', file, '-']).toString();
};

describe('report exports', () => {
  it('prints Vietnamese, transliterated Arabic, Arabic and Chinese names in the PDF exactly', async () => {
    t = await startWithAdmin({ clock: new TestClock(new Date(wib('2026-11-24 10:00'))) });
    seedDesk(t);
    const { bytes, fileName } = await exported(t, {
      report: 'service',
      format: 'pdf',
      from: '2026-11-01',
      to: '2026-11-30',
      cut: 'officer',
    });
    expect(fileName).toBe('laporan-layanan-2026-11-01-2026-11-30.pdf');
    const text = pdfText(bytes);
    for (const name of ['Nguyễn Thị Hoa', 'Ṣalāḥ ad-Dīn', '王小明']) expect(text).toContain(name);
    // pdftotext gives Arabic in logical order once it has reordered the line; compare words.
    for (const word of ['محمد', 'عبد', 'الله']) expect(text).toContain(word);
    expect(text).not.toContain('?');
    expect(text).toContain('Laporan Layanan Konsultasi Tatap Muka');
    expect(text).toContain('Cara penghitungan');
    const fonts = pdfFonts(bytes);
    expect(fonts).toContain('NotoSans');
    if (process.env.LOKET_SHOTS) {
      mkdirSync(process.env.LOKET_SHOTS, { recursive: true });
      writeFileSync(join(process.env.LOKET_SHOTS, 'service-report.pdf'), bytes);
    }
  });

  it('states the counting mode and the IKM method on their PDFs', async () => {
    t = await startWithAdmin({ clock: new TestClock(new Date(wib('2026-11-24 10:00'))) });
    seedDesk(t);
    const sla = pdfText(
      (
        await exported(t, {
          report: 'sla',
          format: 'pdf',
          from: '2026-11-01',
          to: '2026-11-30',
          cut: null,
        })
      ).bytes,
    );
    expect(sla).toContain('Mode penghitungan: jam kalender');
    expect(sla).toContain('Laporan Kepatuhan Target 1 × 24 Jam');
    const ikm = pdfText(
      (
        await exported(t, {
          report: 'ikm',
          format: 'pdf',
          from: '2026-11-01',
          to: '2026-11-30',
          cut: null,
        })
      ).bytes,
    );
    expect(ikm).toContain('tepat 1/9');
    expect(ikm).toContain('Belum ada jawaban survei pada periode ini.');
  });

  it('writes the same rows to XLSX and CSV, with the summary and the method in the workbook', async () => {
    t = await startWithAdmin({ clock: new TestClock(new Date(wib('2026-11-24 10:00'))) });
    seedDesk(t);
    const input = { report: 'sla', from: '2026-11-01', to: '2026-11-30', cut: null } as const;
    const xlsx = await exported(t, { ...input, format: 'xlsx' });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Uint8Array.from(xlsx.bytes).buffer);
    const cases = book.getWorksheet('Permasalahan')!;
    expect(cases.rowCount).toBe(1 + NAMES.length);
    const header = (cases.getRow(1).values as unknown[]).slice(1);
    const first = (cases.getRow(2).values as unknown[]).slice(1);
    expect(first[header.indexOf('Nomor tiket')]).toBe('500');
    // 09:40 → 12:00: 2 h 20 min, kept as a number.
    expect(first[header.indexOf('Bersih (jam)')]).toBe(2.33);
    expect(first[header.indexOf('Petugas')]).toBe('Nguyễn Thị Hoa');
    const summary = book.getWorksheet('Ringkasan')!;
    const texts = summary
      .getSheetValues()
      .flat()
      .filter((v) => typeof v === 'string');
    expect(texts).toContain('Cara penghitungan');
    expect(texts.some((v) => v.startsWith('Mode penghitungan: jam kalender'))).toBe(true);

    const csv = (await exported(t, { ...input, format: 'csv' })).bytes.toString('utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(1 + NAMES.length);
    expect(lines[1]).toContain('2.33');
    expect(csv).toContain('王小明');
  });

  it('keeps the IKM raw sheet free of day, officer and category', async () => {
    t = await startWithAdmin({ clock: new TestClock(new Date(wib('2026-11-24 10:00'))) });
    const db = t.core.db;
    for (let i = 0; i < 3; i++)
      db.prepare(
        `INSERT INTO survey_response (id, service_month, category, persyaratan, prosedur,
           waktu, biaya, produk, kompetensi, perilaku, sarana, pengaduan, gender, comment)
         VALUES (?, '2026-11', 'akun_login', 4, 4, 3, 4, 3, 4, 4, 3, 4, 'P', 'Bagus')`,
      ).run(1000 + i);
    const csv = (
      await exported(t, {
        report: 'ikm',
        format: 'csv',
        from: '2026-11-01',
        to: '2026-11-30',
        cut: null,
      })
    ).bytes.toString('utf8');
    const [head, ...rows] = csv.slice(1).trimEnd().split('\r\n');
    expect(rows).toHaveLength(3);
    expect(head).not.toMatch(/Tanggal|Petugas|Kategori/);
    expect(rows[0]).toBe('4,4,3,4,3,4,4,3,4,Perempuan,,,,Bagus');
    expect(csv).not.toMatch(/2026-11|Akun/);
  });

  it("keeps one staff member from fetching another one's export", async () => {
    t = await startWithAdmin({ clock: new TestClock(new Date(wib('2026-11-24 10:00'))) });
    const { jobId } = await t.must('report.exportStart', {
      report: 'service',
      format: 'csv',
      from: '2026-11-01',
      to: '2026-11-30',
      cut: null,
    });
    await t.must('staff.create', {
      fullName: 'Rina Supervisor',
      username: 'rina',
      pin: '246810',
      roles: ['supervisor'],
    });
    const other = await t.must('auth.login', { username: 'rina', pin: '246810' });
    const r = await t.callRaw('report.exportStatus', { jobId }, other.sessionToken);
    expect(r.ok ? null : r.error.code).toBe('NOT_FOUND');
  });
});

function pdfFonts(bytes: Buffer): string {
  const file = join(tempDir(), 'report.pdf');
  writeFileSync(file, bytes);
  return execFileSync('pdffonts', [file]).toString();
}
