import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { Locale } from '../../../shared/i18n/messages';
import { translate } from '../../../shared/i18n/messages';
import { csvCell } from '../reception/register-export';
import { cellText, type Cell, type Column, type ReportDocument } from './report-document';

/**
 * Bytes the zip has been handed for a sheet but not compressed yet. exceljs's sheet stream writes
 * to the zip without waiting (stream-buf.js ignores write()'s answer), so without this the rows
 * pile up in memory whenever compression is slower than the rows come (2.4 GB at 99k answers).
 */
function zipBacklog(sheet: unknown): number {
  // archiver's streams are readable-stream 2: no writableLength, only the internal states.
  type State = { length?: number } | undefined;
  const pipes =
    (sheet as { stream?: { pipes?: { _writableState?: State; _readableState?: State }[] } }).stream
      ?.pipes ?? [];
  return pipes.reduce(
    (sum, p) => sum + (p._writableState?.length ?? 0) + (p._readableState?.length ?? 0),
    0,
  );
}
const MAX_BACKLOG = 16 * 1024 * 1024;

/** Called as rows are written: done of total. */
export type Progress = (done: number, total: number) => void;
const PROGRESS_EVERY = 2_000;

const NUM_FMT: Record<NonNullable<Column['format']>, string> = {
  integer: '#,##0',
  decimal1: '0.0',
  decimal2: '0.00',
  decimal4: '0.0000',
  percent1: '0.0"%"',
};

async function write(out: Writable, text: string): Promise<void> {
  if (!out.write(text)) await once(out, 'drain');
}

/**
 * The report's detail rows (every visit, case or answer) as CSV: UTF-8 with a BOM so that Excel
 * reads "Nguyễn" right, RFC 4180 quoting, formulas neutralised. Streamed with back-pressure.
 */
export async function writeReportCsv(
  d: ReportDocument,
  locale: Locale,
  out: Writable,
  progress: Progress,
): Promise<void> {
  const closed = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
  });
  const line = (cells: string[]) => `${cells.map(csvCell).join(',')}\r\n`;
  await write(out, '\uFEFF');
  if (d.detail) {
    const cols = d.detail.columns;
    await write(out, line(cols.map((c) => c.header)));
    let n = 0;
    let chunk = '';
    for (const row of d.detail.rows()) {
      // Numbers stay plain (a dot, no grouping) so that any spreadsheet reads them as numbers.
      chunk += line(row.map((v) => (v === null ? '' : typeof v === 'number' ? String(v) : v)));
      if (++n % PROGRESS_EVERY === 0) {
        await write(out, chunk);
        chunk = '';
        progress(n, d.detail.count);
      }
    }
    await write(out, chunk);
    progress(n, d.detail.count);
  } else {
    for (const b of d.blocks)
      if (b.kind === 'table') {
        await write(out, line([b.title]));
        await write(out, line(b.columns.map((c) => c.header)));
        for (const r of b.rows)
          await write(out, line(r.map((v, i) => cellText(v, b.columns[i]!, locale))));
        await write(out, '\r\n');
      }
  }
  out.end();
  await closed;
}

/**
 * The report as a workbook through exceljs's streaming writer: a summary sheet laid out like the
 * PDF (with the method statement), then the detail rows, each row committed as it is written
 * so that memory stays flat whatever the number of rows.
 */
export async function writeReportXlsx(
  d: ReportDocument,
  locale: Locale,
  out: Writable,
  progress: Progress,
): Promise<void> {
  const { default: ExcelJS } = await import('exceljs');
  const closed = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
  });
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
    // Fast compression: the file is a few percent larger and written in a fraction of the time.
    zip: { zlib: { level: 1 } },
  });
  book.creator = 'Loket';
  const summary = book.addWorksheet(translate(locale, 'reporting.summarySheet'));
  summary.getColumn(1).width = 42;
  for (let c = 2; c <= 26; c++) summary.getColumn(c).width = 14;
  const add = (cells: Cell[], bold = false, size?: number) => {
    const row = summary.addRow(cells);
    if (bold || size) row.font = { bold, ...(size && { size }) };
    row.commit();
  };
  add([d.title], true, 14);
  add([d.subtitle]);
  add([d.period]);
  if (d.emptyNotice) add([d.emptyNotice], true);
  for (const b of d.blocks) {
    switch (b.kind) {
      case 'heading':
        add([]);
        add([b.text], true, 12);
        break;
      case 'paragraph':
        add([b.text], b.emphasis ?? false);
        break;
      case 'facts':
        for (const [k, v] of b.rows) add([k, v]);
        break;
      case 'table': {
        add([]);
        add([b.title], true);
        add(
          b.columns.map((c) => c.header),
          true,
        );
        if (b.rows.length === 0 && b.empty) add([b.empty]);
        for (const r of b.rows) {
          const row = summary.addRow(r);
          b.columns.forEach((c, i) => {
            if (c.format) row.getCell(i + 1).numFmt = NUM_FMT[c.format];
          });
          row.commit();
        }
        break;
      }
      case 'bars':
        add([]);
        add([b.title], true);
        for (const item of b.items) add([item.label, item.value]);
        break;
      case 'heatmap':
        add([]);
        add([b.title], true);
        add(['', ...b.columns], true);
        b.rows.forEach((label, i) => add([label, ...(b.values[i] ?? [])]));
        break;
    }
  }
  add([]);
  add([translate(locale, 'reporting.method')], true);
  for (const m of d.method) add([m]);
  summary.commit();

  if (d.detail) {
    const sheet = book.addWorksheet(d.detail.sheetName);
    d.detail.columns.forEach((c, i) => {
      const col = sheet.getColumn(i + 1);
      col.width = c.width;
      if (c.format) col.numFmt = NUM_FMT[c.format];
    });
    const head = sheet.addRow(d.detail.columns.map((c) => c.header));
    head.font = { bold: true };
    head.commit();
    let n = 0;
    for (const r of d.detail.rows()) {
      sheet.addRow(r).commit();
      if (++n % 500 === 0) {
        if (n % PROGRESS_EVERY === 0) progress(n, d.detail.count);
        while (zipBacklog(sheet) > MAX_BACKLOG) await new Promise((r) => setTimeout(r, 1));
      }
    }
    progress(n, d.detail.count);
    sheet.commit();
  }
  await book.commit();
  await closed;
}
