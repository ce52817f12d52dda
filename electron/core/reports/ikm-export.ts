import type * as PdfLib from 'pdf-lib';
import type { PDFDocument, PDFFont, PDFPage } from 'pdf-lib';
import { GRADE_LABELS, type IkmResult } from '../../../shared/domain/ikm';
import type { IkmReport } from '../../../shared/domain/ikm-report';
import { SKM_ELEMENTS, SKM_QUESTIONS, type SkmElement } from '../../../shared/domain/skm';
import { translate, type Locale } from '../../../shared/i18n/messages';
import { formatDayLong } from '../../../shared/time';
import type { Db } from '../db/open-database';
import type { ExportedFile } from '../../../shared/domain/exported-file';

const elementName = (e: SkmElement, locale: Locale) =>
  SKM_QUESTIONS.find((q) => q.element === e)?.name[locale] ?? e;

/** Indonesian reports write decimals with a comma. */
export function formatDecimal(value: number | null, locale: Locale): string {
  if (value === null) return '—';
  return new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'id-ID', {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(value);
}

/** The standard PDF fonts speak WinAnsi only; anything else (e.g. non-Latin names) becomes '?'. */
function winAnsi(text: string): string {
  return text
    .normalize('NFC')
    .replace(
      /[^\u0020-\u007E\u00A0-\u00FF\u2013\u2014\u2018\u2019\u201C\u201D\u2022\u2026\u00D7]/g,
      '?',
    );
}

function categoryLabel(category: string, locale: Locale): string {
  return category === ''
    ? translate(locale, 'ikm.uncategorised')
    : translate(locale, `categories.${category}`);
}

/** A stored profile code as the visitor saw it on the survey screen ("s1" → "D4/S1"). */
function profileLabel(group: string, code: string | null, locale: Locale): string {
  if (code === null) return '';
  const key = `survey.${group}.${code}`;
  const label = translate(locale, key);
  // A code no catalog knows (written by another version) is shown as it was stored.
  return label === key ? code : label;
}

class PdfWriter {
  private page: PDFPage;
  private y: number;
  private static readonly MARGIN = 50;

  constructor(
    private readonly rgb: typeof PdfLib.rgb,
    private readonly doc: PDFDocument,
    private readonly font: PDFFont,
    private readonly bold: PDFFont,
  ) {
    this.page = doc.addPage([595.28, 841.89]);
    this.y = this.page.getHeight() - PdfWriter.MARGIN;
  }

  get width(): number {
    return this.page.getWidth() - 2 * PdfWriter.MARGIN;
  }

  ensure(space: number): void {
    if (this.y - space < PdfWriter.MARGIN) {
      this.page = this.doc.addPage([595.28, 841.89]);
      this.y = this.page.getHeight() - PdfWriter.MARGIN;
    }
  }

  text(
    value: string,
    options: { size?: number; bold?: boolean; x?: number; color?: [number, number, number] } = {},
  ): void {
    const size = options.size ?? 10;
    this.ensure(size + 4);
    this.page.drawText(winAnsi(value), {
      x: PdfWriter.MARGIN + (options.x ?? 0),
      y: this.y - size,
      size,
      font: options.bold ? this.bold : this.font,
      color: this.rgb(...(options.color ?? [0.1, 0.12, 0.14])),
    });
    this.y -= size + 5;
  }

  /** Wraps a paragraph to the page width. */
  paragraph(value: string, size = 10): void {
    const words = winAnsi(value).split(/\s+/);
    let line = '';
    for (const word of words) {
      const next = line ? `${line} ${word}` : word;
      if (this.font.widthOfTextAtSize(next, size) > this.width && line) {
        this.text(line, { size });
        line = word;
      } else line = next;
    }
    if (line) this.text(line, { size });
  }

  gap(points: number): void {
    this.y -= points;
  }

  table(header: string[], rows: string[][], widths: number[]): void {
    const size = 9;
    const row = (cells: string[], bold: boolean) => {
      this.ensure(size + 6);
      let x = 0;
      cells.forEach((cell, i) => {
        const w = widths[i] ?? 60;
        let text = winAnsi(cell);
        while (
          text.length > 1 &&
          (bold ? this.bold : this.font).widthOfTextAtSize(text, size) > w - 4
        ) {
          text = `${text.slice(0, -2)}…`;
        }
        this.page.drawText(text, {
          x: PdfWriter.MARGIN + x,
          y: this.y - size,
          size,
          font: bold ? this.bold : this.font,
        });
        x += w;
      });
      this.y -= size + 3;
      this.page.drawLine({
        start: { x: PdfWriter.MARGIN, y: this.y },
        end: { x: PdfWriter.MARGIN + widths.reduce((a, b) => a + b, 0), y: this.y },
        thickness: 0.4,
        color: this.rgb(0.75, 0.78, 0.82),
      });
      this.y -= 3;
    };
    row(header, true);
    for (const r of rows) row(r, false);
  }

  /** Horizontal bars on the 1–4 scale, one per element. */
  bars(items: { label: string; value: number | null }[], locale: Locale): void {
    const labelWidth = 200;
    const barMax = this.width - labelWidth - 40;
    for (const item of items) {
      this.ensure(16);
      this.page.drawText(winAnsi(item.label), {
        x: PdfWriter.MARGIN,
        y: this.y - 10,
        size: 8.5,
        font: this.font,
      });
      const length = item.value === null ? 0 : (item.value / 4) * barMax;
      this.page.drawRectangle({
        x: PdfWriter.MARGIN + labelWidth,
        y: this.y - 11,
        width: Math.max(length, 0.5),
        height: 10,
        color: this.rgb(0.54, 0.11, 0.11),
      });
      this.page.drawText(formatDecimal(item.value, locale), {
        x: PdfWriter.MARGIN + labelWidth + length + 4,
        y: this.y - 10,
        size: 8.5,
        font: this.font,
      });
      this.y -= 15;
    }
  }
}

function elementRows(result: IkmResult, locale: Locale): string[][] {
  return result.elements.map((e, i) => [
    String(i + 1),
    elementName(e.element, locale),
    String(e.answered),
    formatDecimal(e.nrr, locale),
    formatDecimal(e.converted, locale),
    e.grade ?? '—',
  ]);
}

function summaryLine(result: IkmResult, locale: Locale): string {
  const t = (k: string, p: Record<string, string | number> = {}) => translate(locale, k, p);
  if (result.ikm === null || result.grade === null) return t('ikm.noAnswers');
  return t('ikm.headline', {
    ikm: formatDecimal(result.ikm, locale),
    grade: result.grade,
    label: GRADE_LABELS[result.grade][locale],
  });
}

export async function ikmPdf(report: IkmReport, locale: Locale): Promise<ExportedFile> {
  const t = (k: string, p: Record<string, string | number> = {}) => translate(locale, k, p);
  // Loaded when a file is made: the library is large and most sessions never export.
  const { PDFDocument, StandardFonts, rgb } = await import('pdf-lib');
  const doc = await PDFDocument.create();
  doc.setTitle(t('ikm.title'));
  doc.setCreator('Loket');
  const w = new PdfWriter(
    rgb,
    doc,
    await doc.embedFont(StandardFonts.Helvetica),
    await doc.embedFont(StandardFonts.HelveticaBold),
  );
  w.text(t('ikm.title'), { size: 16, bold: true });
  w.text(t('ikm.subtitle'), { size: 11 });
  w.text(
    t('ikm.period', {
      from: formatDayLong(report.from, locale),
      to: formatDayLong(report.to, locale),
    }),
    { size: 11 },
  );
  w.gap(8);
  w.text(summaryLine(report.overall, locale), { size: 14, bold: true, color: [0.54, 0.11, 0.11] });
  w.paragraph(
    t('ikm.sample', {
      respondents: report.overall.respondents,
      population: report.population,
      minimum: report.minimumSample,
    }),
  );
  if (report.overall.respondents < report.minimumSample)
    w.text(t('ikm.sampleShort'), { bold: true });
  w.gap(6);
  w.table(
    ['No', t('ikm.element'), t('ikm.answered'), t('ikm.nrr'), t('ikm.converted'), t('ikm.grade')],
    elementRows(report.overall, locale),
    [25, 235, 60, 55, 65, 55],
  );
  w.gap(10);
  w.text(t('ikm.chart'), { bold: true });
  w.bars(
    report.overall.elements.map((e) => ({ label: elementName(e.element, locale), value: e.nrr })),
    locale,
  );
  if (report.weakestFirst.length > 0) {
    w.gap(6);
    w.text(t('ikm.weakest'), { bold: true });
    for (const e of report.weakestFirst.slice(0, 3)) {
      const r = report.overall.elements.find((x) => x.element === e);
      w.text(
        `• ${elementName(e, locale)}: ${formatDecimal(r?.converted ?? null, locale)} (${r?.grade ?? '—'})`,
      );
    }
  }
  const groupTable = (
    title: string,
    head: string,
    rows: { label: string; result: IkmResult }[],
  ) => {
    if (rows.length === 0) return;
    w.gap(10);
    w.text(title, { bold: true, size: 11 });
    w.table(
      [head, t('ikm.respondents'), 'IKM', t('ikm.grade')],
      rows.map((r) => [
        r.label,
        String(r.result.respondents),
        formatDecimal(r.result.ikm, locale),
        r.result.grade ?? '—',
      ]),
      [250, 80, 80, 80],
    );
  };
  groupTable(
    t('ikm.byMonth'),
    t('ikm.month'),
    report.byMonth.map((m) => ({ label: m.month, result: m.result })),
  );
  groupTable(
    t('ikm.byOfficer'),
    t('ikm.officer'),
    report.byOfficer.map((o) => ({ label: o.name, result: o.result })),
  );
  groupTable(
    t('ikm.byCategory'),
    t('ikm.category'),
    report.byCategory.map((c) => ({ label: categoryLabel(c.category, locale), result: c.result })),
  );
  w.gap(10);
  w.text(t('ikm.comments'), { bold: true, size: 11 });
  if (report.comments.length === 0) w.text(t('ikm.noComments'));
  for (const c of report.comments.slice(0, 40)) w.paragraph(`• ${c}`, 9);
  const bytes = await doc.save();
  return {
    fileName: `ikm-${report.from}-${report.to}.pdf`,
    mimeType: 'application/pdf',
    base64: Buffer.from(bytes).toString('base64'),
  };
}

interface RawAnswer {
  service_day: string;
  officer: string | null;
  category: string | null;
  gender: string | null;
  age_group: string | null;
  education: string | null;
  occupation: string | null;
  comment: string | null;
  [element: string]: string | number | null;
}

export async function ikmXlsx(db: Db, report: IkmReport, locale: Locale): Promise<ExportedFile> {
  const t = (k: string, p: Record<string, string | number> = {}) => translate(locale, k, p);
  // Loaded when a file is made: the library is large and most sessions never export.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Loket';
  const summary = workbook.addWorksheet(t('ikm.summarySheet'));
  summary.addRow([t('ikm.title')]).font = { bold: true, size: 14 };
  summary.addRow([t('ikm.period', { from: report.from, to: report.to })]);
  summary.addRow([summaryLine(report.overall, locale)]).font = { bold: true };
  summary.addRow([
    t('ikm.sample', {
      respondents: report.overall.respondents,
      population: report.population,
      minimum: report.minimumSample,
    }),
  ]);
  summary.addRow([]);
  summary.addRow([
    'No',
    t('ikm.element'),
    t('ikm.answered'),
    t('ikm.nrr'),
    t('ikm.converted'),
    t('ikm.grade'),
  ]).font = { bold: true };
  report.overall.elements.forEach((e, i) =>
    summary.addRow([
      i + 1,
      elementName(e.element, locale),
      e.answered,
      e.nrr,
      e.converted,
      e.grade ?? '',
    ]),
  );
  summary.addRow([]);
  summary.addRow(['IKM', report.overall.ikm, report.overall.grade ?? '']).font = { bold: true };
  summary.getColumn(2).width = 45;
  summary.getColumn(4).numFmt = '0.0000';

  const grouped = (name: string, head: string, rows: { label: string; result: IkmResult }[]) => {
    const sheet = workbook.addWorksheet(name);
    sheet.addRow([
      head,
      t('ikm.respondents'),
      'IKM',
      t('ikm.grade'),
      ...SKM_ELEMENTS.map((e) => elementName(e, locale)),
    ]).font = { bold: true };
    for (const r of rows) {
      sheet.addRow([
        r.label,
        r.result.respondents,
        r.result.ikm,
        r.result.grade ?? '',
        ...r.result.elements.map((e) => e.nrr),
      ]);
    }
    sheet.getColumn(1).width = 30;
  };
  grouped(
    t('ikm.byMonth'),
    t('ikm.month'),
    report.byMonth.map((m) => ({ label: m.month, result: m.result })),
  );
  grouped(
    t('ikm.byOfficer'),
    t('ikm.officer'),
    report.byOfficer.map((o) => ({ label: o.name, result: o.result })),
  );
  grouped(
    t('ikm.byCategory'),
    t('ikm.category'),
    report.byCategory.map((c) => ({ label: categoryLabel(c.category, locale), result: c.result })),
  );

  const raw = workbook.addWorksheet(t('ikm.rawSheet'));
  raw.addRow([
    t('ikm.day'),
    t('ikm.officer'),
    t('ikm.category'),
    ...SKM_ELEMENTS.map((e) => elementName(e, locale)),
    t('ikm.gender'),
    t('ikm.ageGroup'),
    t('ikm.education'),
    t('ikm.occupation'),
    t('ikm.comment'),
  ]).font = { bold: true };
  const answers = db
    .prepare<[string, string], RawAnswer>(
      `SELECT r.service_month AS service_day, NULL AS officer, r.category, ${SKM_ELEMENTS.map((e) => `r.${e}`).join(', ')},
              r.gender, r.age_group, r.education, r.occupation, r.comment
         FROM survey_response r
        WHERE r.service_month BETWEEN substr(?, 1, 7) AND substr(?, 1, 7) ORDER BY r.service_month, r.id`,
    )
    .iterate(report.from, report.to);
  for (const a of answers) {
    raw.addRow([
      a.service_day,
      a.officer ?? '',
      a.category ? categoryLabel(a.category, locale) : '',
      ...SKM_ELEMENTS.map((e) => a[e] ?? null),
      profileLabel('genders', a.gender, locale),
      profileLabel('ageGroups', a.age_group, locale),
      profileLabel('educations', a.education, locale),
      profileLabel('occupations', a.occupation, locale),
      a.comment ?? '',
    ]);
  }
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  return {
    fileName: `ikm-${report.from}-${report.to}.xlsx`,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    base64: buffer.toString('base64'),
  };
}
