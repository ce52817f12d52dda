import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { Locale } from '../../../shared/i18n/messages';
import { translate } from '../../../shared/i18n/messages';
import { csvCell } from '../reception/register-export';
import { cellText, type Cell, type Column, type ReportDocument } from './report-document';
import { MAX_SHEET_ROWS, XlsxWriter, type RowLook } from './xlsx-writer';

/** Called as rows are written: done of total. */
export type Progress = (done: number, total: number) => void;
const PROGRESS_EVERY = 2_000;

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
 * The report as a workbook: a summary sheet laid out like the PDF (with the method statement),
 * then the detail rows, streamed through the zip as they are read, onto a further sheet whenever
 * one is full (Excel's 1,048,576 rows).
 */
export async function writeReportXlsx(
  d: ReportDocument,
  locale: Locale,
  out: Writable,
  progress: Progress,
  maxSheetRows = MAX_SHEET_ROWS,
): Promise<void> {
  const book = new XlsxWriter(out, 'Loket');
  const summary = await book.sheet(translate(locale, 'reporting.summarySheet'), [
    { width: 42 },
    ...Array.from({ length: 25 }, () => ({ width: 14 })),
  ]);
  const add = (cells: Cell[], look: RowLook = 'plain', formats?: Column['format'][]) =>
    summary.row(cells, look, formats);
  await add([d.title], 'title');
  await add([d.subtitle]);
  await add([d.period]);
  if (d.emptyNotice) await add([d.emptyNotice], 'bold');
  for (const b of d.blocks) {
    switch (b.kind) {
      case 'heading':
        await add([]);
        await add([b.text], 'heading');
        break;
      case 'paragraph':
        await add([b.text], b.emphasis ? 'bold' : 'plain');
        break;
      case 'facts':
        for (const [k, v] of b.rows) await add([k, v]);
        break;
      case 'table':
        await add([]);
        await add([b.title], 'bold');
        await add(
          b.columns.map((c) => c.header),
          'bold',
        );
        if (b.rows.length === 0 && b.empty) await add([b.empty]);
        // The summary's columns are shared by its tables: each row says its numbers' formats.
        for (const r of b.rows)
          await add(
            r,
            'plain',
            b.columns.map((c) => c.format),
          );
        break;
      case 'bars':
        await add([]);
        await add([b.title], 'bold');
        for (const item of b.items) await add([item.label, item.value]);
        break;
      case 'heatmap':
        await add([]);
        await add([b.title], 'bold');
        await add(['', ...b.columns], 'bold');
        for (const [i, label] of b.rows.entries()) await add([label, ...(b.values[i] ?? [])]);
        break;
    }
  }
  await add([]);
  await add([translate(locale, 'reporting.method')], 'bold');
  for (const m of d.method) await add([m]);
  await summary.end();

  if (d.detail) {
    const { columns, count } = d.detail;
    const header = columns.map((c) => c.header);
    const start = async () => {
      const s = await book.sheet(d.detail!.sheetName, columns);
      await s.row(header, 'bold');
      return s;
    };
    let sheet = await start();
    let n = 0;
    for (const r of d.detail.rows()) {
      if (sheet.rows >= maxSheetRows) {
        await sheet.end();
        sheet = await start();
      }
      await sheet.row(r);
      if (++n % PROGRESS_EVERY === 0) progress(n, count);
    }
    progress(n, count);
    await sheet.end();
  }
  await book.finish();
}
