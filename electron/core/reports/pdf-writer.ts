import PDFDocument from 'pdfkit';
import type { Writable } from 'node:stream';
import { translate, type Locale } from '../../../shared/i18n/messages';
import { fontRuns, reportFonts, FONT_FILES, type FontName } from './pdf-fonts';
import { cellText, type Block, type ReportDocument } from './report-document';

const MARGIN = 48;
const ACCENT = '#8a1c1c';
const INK = '#1a1f24';
const MUTED = '#5b6570';
const RULE = '#c0c7d0';

type Doc = InstanceType<typeof PDFDocument>;

/**
 * The one PDF writer every report shares (pdfkit): A4, Noto Sans embedded and subset, Arabic and
 * CJK runs in their own fonts, tables that carry their header onto the next page, bars and a
 * heat map drawn as the screen draws them, and the method statement on every report.
 */
export class PdfWriter {
  private readonly doc: Doc;

  constructor(
    private readonly locale: Locale,
    title: string,
  ) {
    this.doc = new PDFDocument({
      size: 'A4',
      margin: MARGIN,
      bufferPages: true,
      info: { Title: title, Creator: 'Loket', Producer: 'Loket' },
    });
    const fonts = reportFonts();
    for (const name of Object.keys(FONT_FILES) as FontName[])
      this.doc.registerFont(name, fonts[name]);
    this.doc.font('regular').fillColor(INK);
  }

  private get width(): number {
    return this.doc.page.width - 2 * MARGIN;
  }

  private get bottom(): number {
    return this.doc.page.height - MARGIN - 14;
  }

  private ensure(space: number): void {
    if (this.doc.y + space > this.bottom) this.doc.addPage();
  }

  /**
   * Text in the fonts its scripts need, wrapped to the width (or on one line, cut with "…").
   * On one line every run sits on the same baseline: Noto Sans Arabic's taller ascender would
   * otherwise drop Arabic names below their row.
   */
  private write(
    text: string,
    o: {
      size?: number;
      bold?: boolean;
      color?: string;
      x?: number;
      y?: number;
      width?: number;
      oneLine?: boolean;
      align?: 'left' | 'center' | 'right';
    } = {},
  ): void {
    const size = o.size ?? 10;
    const runs = fontRuns(text === '' ? ' ' : text, o.bold ?? false);
    this.doc.fontSize(size).fillColor(o.color ?? INK);
    runs.forEach((run, i) => {
      this.doc.font(run.font);
      // pdfkit lays words out left to right: an Arabic run is given in visual order (its words
      // reversed; each word is shaped right to left by fontkit under 'rtla').
      const arabic = run.font === 'arabic';
      const value = arabic ? run.text.split(/(\s+)/).reverse().join('') : run.text;
      const options: PDFKit.Mixins.TextOptions = {
        width: o.width ?? this.width,
        continued: i < runs.length - 1,
        lineBreak: !o.oneLine,
        align: o.align ?? 'left',
        ...(arabic && { features: ['rtla'] }),
        ...(o.oneLine && { baseline: 'alphabetic' }),
        ...(o.oneLine && runs.length === 1 && { ellipsis: true }),
      };
      if (i === 0) {
        const y = o.y ?? this.doc.y;
        this.doc.text(value, o.x ?? MARGIN, o.oneLine ? y + size * 1.07 : y, options);
      } else this.doc.text(value, options);
    });
    if (o.oneLine && o.y !== undefined) this.doc.y = o.y + size * 1.4;
    this.doc.fillColor(INK).font('regular');
  }

  header(d: ReportDocument): void {
    this.write(d.title, { size: 16, bold: true });
    this.write(d.subtitle, { size: 10.5, color: MUTED });
    this.write(d.period, { size: 10.5 });
    this.doc.moveDown(0.5);
    if (d.emptyNotice) {
      this.write(d.emptyNotice, { size: 12, bold: true, color: ACCENT });
      this.doc.moveDown(0.5);
    }
  }

  block(b: Block): void {
    switch (b.kind) {
      case 'heading':
        this.ensure(40);
        this.doc.moveDown(0.6);
        this.write(b.text, { size: 12, bold: true });
        this.doc.moveDown(0.2);
        return;
      case 'paragraph':
        this.ensure(16);
        this.write(b.text, {
          size: b.emphasis ? 12 : 10,
          bold: b.emphasis ?? false,
          color: b.emphasis ? ACCENT : INK,
        });
        return;
      case 'facts':
        return this.table(
          [
            { header: '', width: 0.45 },
            { header: '', width: 0.55 },
          ],
          b.rows,
          false,
        );
      case 'table':
        this.ensure(40);
        this.doc.moveDown(0.4);
        this.write(b.title, { size: 11, bold: true });
        this.doc.moveDown(0.3);
        if (b.rows.length === 0 && b.empty) return this.write(b.empty, { color: MUTED });
        return this.table(
          b.columns.map((c) => ({ header: c.header, width: c.width })),
          b.rows.map((r) => r.map((v, i) => cellText(v, b.columns[i]!, this.locale))),
          true,
        );
      case 'bars':
        return this.bars(b);
      case 'heatmap':
        return this.heatmap(b);
    }
  }

  private table(
    columns: { header: string; width: number }[],
    rows: string[][],
    head: boolean,
  ): void {
    const total = columns.reduce((a, c) => a + c.width, 0);
    const widths = columns.map((c) => (c.width / total) * this.width);
    const size = 8.5;
    // A cell wraps rather than being cut: a header such as "Median tunggu (menit)" in a narrow
    // column takes two lines, and the row grows to its tallest cell.
    const plain = (cell: string, bold: boolean) =>
      fontRuns(cell, bold).every((r) => r.font === 'regular' || r.font === 'bold');
    const heightOf = (cells: string[], bold: boolean) =>
      Math.max(
        size * 1.4,
        ...cells.map((cell, i) => {
          if (!plain(cell, bold)) return size * 1.4;
          this.doc.font(bold ? 'bold' : 'regular').fontSize(size);
          return this.doc.heightOfString(cell === '' ? ' ' : cell, { width: widths[i]! - 4 });
        }),
      ) + 5;
    const drawRow = (cells: string[], bold: boolean) => {
      const rowHeight = heightOf(cells, bold);
      if (this.doc.y + rowHeight > this.bottom) {
        this.doc.addPage();
        if (head && !bold)
          drawRow(
            columns.map((c) => c.header),
            true,
          );
      }
      const y = this.doc.y;
      if (bold) this.doc.rect(MARGIN, y - 2, this.width, rowHeight).fill('#eef1f4');
      let x = MARGIN;
      cells.forEach((cell, i) => {
        if (plain(cell, bold)) {
          this.doc
            .font(bold ? 'bold' : 'regular')
            .fontSize(size)
            .fillColor(INK);
          this.doc.text(cell, x + 2, y + 1, { width: widths[i]! - 4 });
        } else
          this.write(cell, {
            x: x + 2,
            y: y + 1,
            width: widths[i]! - 4,
            size,
            bold,
            oneLine: true,
          });
        x += widths[i]!;
      });
      this.doc
        .moveTo(MARGIN, y + rowHeight - 2)
        .lineTo(MARGIN + this.width, y + rowHeight - 2)
        .lineWidth(0.4)
        .strokeColor(RULE)
        .stroke();
      this.doc.x = MARGIN;
      this.doc.y = y + rowHeight;
    };
    if (head)
      drawRow(
        columns.map((c) => c.header),
        true,
      );
    for (const r of rows) drawRow(r, false);
    this.doc.moveDown(0.3);
  }

  private bars(b: Extract<Block, { kind: 'bars' }>): void {
    this.ensure(40);
    this.doc.moveDown(0.4);
    this.write(b.title, { size: 11, bold: true });
    const labelWidth = this.width * 0.38;
    const barMax = this.width - labelWidth - 60;
    for (const item of b.items) {
      this.ensure(16);
      const y = this.doc.y;
      this.write(item.label, { x: MARGIN, y, width: labelWidth - 6, size: 8.5, oneLine: true });
      const length = item.value === null || b.max <= 0 ? 0 : (item.value / b.max) * barMax;
      this.doc.rect(MARGIN + labelWidth, y, barMax, 10).fill('#eef1f4');
      this.doc.rect(MARGIN + labelWidth, y, Math.max(length, 0.5), 10).fill(ACCENT);
      this.write(item.text, {
        x: MARGIN + labelWidth + length + 4,
        y,
        width: 56,
        size: 8.5,
        oneLine: true,
      });
      this.doc.x = MARGIN;
      this.doc.y = y + 15;
    }
  }

  private heatmap(b: Extract<Block, { kind: 'heatmap' }>): void {
    const cell = 15;
    this.ensure(40 + cell * (b.rows.length + 2));
    this.doc.moveDown(0.4);
    this.write(b.title, { size: 11, bold: true });
    const labelWidth = 70;
    const cellWidth = Math.min(28, (this.width - labelWidth) / b.columns.length);
    const max = Math.max(1, ...b.values.flat());
    let y = this.doc.y + 2;
    b.columns.forEach((c, j) =>
      this.write(c, {
        x: MARGIN + labelWidth + j * cellWidth,
        y,
        width: cellWidth,
        size: 7,
        color: MUTED,
        oneLine: true,
      }),
    );
    y += cell;
    b.rows.forEach((label, i) => {
      this.write(label, { x: MARGIN, y: y + 3, width: labelWidth - 4, size: 8, oneLine: true });
      b.columns.forEach((_, j) => {
        const v = b.values[i]?.[j] ?? 0;
        const x = MARGIN + labelWidth + j * cellWidth;
        // The same ramp as the screen: white for none, the accent for the busiest hour.
        this.doc
          .rect(x, y, cellWidth - 1, cell - 1)
          .fillOpacity(v === 0 ? 1 : 0.12 + 0.88 * (v / max))
          .fill(v === 0 ? '#f6f7f9' : ACCENT);
        this.doc.fillOpacity(1);
        if (v > 0)
          this.write(String(v), {
            x,
            y: y + 3.5,
            align: 'center',
            width: cellWidth - 1,
            size: 6.5,
            color: v / max > 0.5 ? '#ffffff' : INK,
            oneLine: true,
          });
      });
      y += cell;
    });
    this.doc.x = MARGIN;
    this.doc.y = y + 6;
  }

  method(lines: string[]): void {
    this.ensure(60);
    this.doc.moveDown(0.8);
    this.write(translate(this.locale, 'reporting.method'), { size: 11, bold: true });
    for (const line of lines) {
      this.ensure(14);
      this.write(`• ${line}`, { size: 8.5, color: MUTED });
    }
  }

  /** Page numbers on every page, then the file is written to `out`. */
  finish(out: Writable, generatedAt: string): Promise<void> {
    const range = this.doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      this.doc.switchToPage(i);
      const text = translate(this.locale, 'reporting.pageOf', {
        page: i + 1,
        pages: range.count,
        at: generatedAt,
      });
      // Below the bottom margin: pdfkit would otherwise start a new page for it.
      const saved = this.doc.page.margins.bottom;
      this.doc.page.margins.bottom = 0;
      this.write(text, {
        x: MARGIN,
        y: this.doc.page.height - MARGIN + 10,
        size: 7.5,
        color: MUTED,
        oneLine: true,
      });
      this.doc.page.margins.bottom = saved;
    }
    return new Promise((resolve, reject) => {
      out.on('finish', resolve);
      out.on('error', reject);
      this.doc.on('error', reject);
      this.doc.pipe(out);
      this.doc.end();
    });
  }
}

/** Draws a whole report document. */
export function writeReportPdf(
  d: ReportDocument,
  locale: Locale,
  out: Writable,
  generatedAt: string,
): Promise<void> {
  const w = new PdfWriter(locale, d.title);
  w.header(d);
  for (const b of d.blocks) w.block(b);
  w.method(d.method);
  return w.finish(out, generatedAt);
}
