import { Writable } from 'node:stream';
import { crc32, inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Cell, Column, ReportDocument } from '../../../electron/core/reports/report-document';
import { writeReportXlsx } from '../../../electron/core/reports/table-writers';

/** Collects what is written, answering slowly as a busy disk does (the writer must wait). */
class SlowSink extends Writable {
  readonly parts: Buffer[] = [];
  bytes = 0;
  maxBuffered = 0;
  constructor() {
    super({ highWaterMark: 16 * 1024 });
  }
  override _write(chunk: Buffer, _enc: BufferEncoding, done: (err?: Error | null) => void) {
    this.parts.push(chunk);
    this.bytes += chunk.length;
    setImmediate(done);
  }
  note() {
    this.maxBuffered = Math.max(this.maxBuffered, this.writableLength);
  }
}

function doc(columns: Column[], rows: () => Iterable<Cell[]>, count: number): ReportDocument {
  return {
    title: 'Laporan Uji',
    subtitle: 'Sub',
    period: 'Periode: November 2026',
    emptyNotice: null,
    blocks: [
      { kind: 'heading', text: 'Ringkasan angka' },
      {
        kind: 'table',
        title: 'Tabel',
        columns: [
          { header: 'Unsur', width: 30 },
          { header: 'Nilai', width: 10, format: 'decimal2' },
        ],
        rows: [['Persyaratan', 3.456]],
      },
    ],
    method: ['Cara: rata-rata.'],
    fileStem: 'uji',
    detail: { sheetName: 'Jawaban', columns, count, rows },
  };
}

async function workbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Uint8Array.from(bytes).buffer);
  return book;
}

/** Reads the zip's directory as any unzip does and checks every entry's CRC and size. */
function zipEntries(zip: Buffer): Map<string, Buffer> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  expect(end).toBe(zip.length - 22);
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    expect(zip.readUInt32LE(at)).toBe(0x02014b50);
    const crc = zip.readUInt32LE(at + 16);
    const compressed = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    expect(zip.readUInt32LE(local)).toBe(0x04034b50);
    const dataAt = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = inflateRawSync(zip.subarray(dataAt, dataAt + compressed));
    expect(data.length, name).toBe(size);
    expect(crc32(data) >>> 0, name).toBe(crc);
    // The data descriptor after the data says the same.
    expect(zip.readUInt32LE(dataAt + compressed + 4)).toBe(crc);
    entries.set(name, data);
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}

const COLUMNS: Column[] = [
  { header: 'Nama', width: 30 },
  { header: 'Nilai', width: 12, format: 'decimal1' },
  { header: 'Jumlah', width: 10, format: 'integer' },
  { header: 'Tanggal', width: 12 },
  { header: 'Komentar', width: 50 },
];

describe('XLSX export', () => {
  it('reads back with text, numbers, empty cells, widths and the bold header as written', async () => {
    const rows: Cell[][] = [
      ['Nguyễn Thị Hoa', 3.25, 1200, '2026-11-03', 'A & B <ok> "kutip"'],
      ['محمد عبد الله', null, 0, '2026-11-04', '  spasi di tepi  '],
      ['王小明 🙂', -1.5, 7, '', 'baris\nkedua'],
      // A control character and a lone surrogate would make the file unreadable: dropped.
      ['Rusak\u0001nama\uD800', 2, 3, '2026-11-05', 'Tab\tdi tengah'],
      ['=1+1', Number.NaN, 4, '2026-11-06', '@SUM(A1)'],
    ];
    const sink = new SlowSink();
    await writeReportXlsx(
      doc(COLUMNS, () => rows, rows.length),
      'id',
      sink,
      () => {},
    );
    const bytes = Buffer.concat(sink.parts);
    const parts = zipEntries(bytes);
    expect([...parts.keys()].sort()).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'docProps/app.xml',
      'docProps/core.xml',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/workbook.xml',
      'xl/worksheets/sheet1.xml',
      'xl/worksheets/sheet2.xml',
    ]);

    const book = await workbook(bytes);
    expect(book.worksheets.map((s) => s.name)).toEqual(['Ringkasan', 'Jawaban']);
    const sheet = book.getWorksheet('Jawaban')!;
    expect(sheet.rowCount).toBe(1 + rows.length);
    const head = sheet.getRow(1);
    expect((head.values as unknown[]).slice(1)).toEqual(COLUMNS.map((c) => c.header));
    expect(head.getCell(1).font?.bold).toBe(true);
    expect(sheet.getColumn(1).width).toBe(30);
    expect(sheet.getColumn(5).width).toBe(50);

    const cell = (r: number, c: number) => sheet.getRow(r).getCell(c);
    expect(cell(2, 1).value).toBe('Nguyễn Thị Hoa');
    expect(cell(2, 2).value).toBe(3.25);
    expect(cell(2, 2).type).toBe(ExcelJS.ValueType.Number);
    expect(cell(2, 2).numFmt).toBe('0.0');
    expect(cell(2, 3).value).toBe(1200);
    expect(cell(2, 3).numFmt).toBe('#,##0');
    expect(cell(2, 4).value).toBe('2026-11-03');
    expect(cell(2, 5).value).toBe('A & B <ok> "kutip"');
    expect(cell(2, 1).font?.bold).toBeFalsy();
    expect(cell(3, 1).value).toBe('محمد عبد الله');
    expect(cell(3, 2).type).toBe(ExcelJS.ValueType.Null);
    expect(cell(3, 3).value).toBe(0);
    expect(cell(3, 5).value).toBe('  spasi di tepi  ');
    expect(cell(4, 1).value).toBe('王小明 🙂');
    expect(cell(4, 2).value).toBe(-1.5);
    expect(cell(4, 4).type).toBe(ExcelJS.ValueType.Null);
    expect(cell(4, 5).value).toBe('baris\nkedua');
    expect(cell(5, 1).value).toBe('Rusaknama');
    expect(cell(5, 5).value).toBe('Tab\tdi tengah');
    // Text that looks like a formula is text in a workbook, never evaluated.
    expect(cell(6, 1).value).toBe('=1+1');
    expect(cell(6, 1).type).toBe(ExcelJS.ValueType.String);
    expect(cell(6, 2).type).toBe(ExcelJS.ValueType.Null);

    const summary = book.getWorksheet('Ringkasan')!;
    expect(summary.getRow(1).getCell(1).value).toBe('Laporan Uji');
    expect(summary.getRow(1).getCell(1).font).toMatchObject({ bold: true, size: 14 });
    expect(summary.getColumn(1).width).toBe(42);
    const values = summary.getSheetValues().flatMap((r) => (Array.isArray(r) ? r : []));
    expect(values).toContain('Cara penghitungan');
    expect(values).toContain('Cara: rata-rata.');
    const numberRow = summary
      .getRows(1, summary.rowCount)!
      .find((r) => r.getCell(1).value === 'Persyaratan')!;
    expect(numberRow.getCell(2).value).toBe(3.456);
    expect(numberRow.getCell(2).numFmt).toBe('0.00');
  });

  it('continues the rows on a further sheet, header again, when one is full', async () => {
    const rows = Array.from({ length: 7 }, (_, i): Cell[] => [`Orang ${i + 1}`, i, i, '', '']);
    const sink = new SlowSink();
    await writeReportXlsx(
      doc(COLUMNS, () => rows, rows.length),
      'id',
      sink,
      () => {},
      4,
    );
    const book = await workbook(Buffer.concat(sink.parts));
    expect(book.worksheets.map((s) => s.name)).toEqual([
      'Ringkasan',
      'Jawaban',
      'Jawaban (2)',
      'Jawaban (3)',
    ]);
    const names = book.worksheets
      .slice(1)
      .map((s) => (s.getSheetValues().slice(1) as unknown[][]).map((r) => r[1]));
    expect(names).toEqual([
      ['Nama', 'Orang 1', 'Orang 2', 'Orang 3'],
      ['Nama', 'Orang 4', 'Orang 5', 'Orang 6'],
      ['Nama', 'Orang 7'],
    ]);
  });

  it('streams a large export: the file is written while rows are read, never held whole', async () => {
    const count = 100_000;
    const sink = new SlowSink();
    let writtenAtLastRow = 0;
    const progress: number[] = [];
    function* rows(): Iterable<Cell[]> {
      for (let i = 0; i < count; i++) {
        if (i % 1000 === 0) sink.note();
        if (i === count - 1) writtenAtLastRow = sink.bytes;
        yield [`Pengunjung nomor ${i} ${(i * 7919) % 104729}`, i / 10, i, '2026-11-03', null];
      }
    }
    await writeReportXlsx(doc(COLUMNS, rows, count), 'id', sink, (done) => progress.push(done));
    const total = sink.bytes;
    expect(total).toBeGreaterThan(2_000_000);
    // All but the last few chunks of the file were on the disk before the last row was read...
    expect(total - writtenAtLastRow).toBeLessThan(512 * 1024);
    // ...and what waited in front of the disk stayed small: the writer waited for it.
    expect(sink.maxBuffered).toBeLessThan(256 * 1024);
    expect(progress.at(-1)).toBe(count);
    expect(progress.length).toBeGreaterThan(10);

    const book = await workbook(Buffer.concat(sink.parts));
    const sheet = book.getWorksheet('Jawaban')!;
    expect(sheet.rowCount).toBe(1 + count);
    const last = sheet.getRow(1 + count);
    expect(last.getCell(1).value).toBe(
      `Pengunjung nomor ${count - 1} ${((count - 1) * 7919) % 104729}`,
    );
    expect(last.getCell(2).value).toBe((count - 1) / 10);
    expect(last.getCell(3).value).toBe(count - 1);
  }, 60_000); // 14 s in the full suite at load 15 on 2 cores
});
