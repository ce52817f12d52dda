/**
 * A workbook written as it is made: each sheet's rows go through the zip as they come, so a
 * million rows take no more memory than ten. The package is the least Excel and LibreOffice
 * need: inline strings (no shared-string table to hold), one fixed style sheet, column widths.
 * A library's per-cell style lookup cost eight times the CSV's time here (bench/README.md).
 */
import type { Writable } from 'node:stream';
import type { Cell, Column } from './report-document';
import {
  columnLetters,
  inlineText,
  MAIN_NS,
  REL_NS,
  sheetName,
  XML_HEAD,
  xmlAttr,
  xmlText,
} from './xlsx-xml';
import { ZipWriter, type ZipEntry } from './zip-writer';

export type NumberFormat = NonNullable<Column['format']>;
/** How a whole row looks: the summary's title and headings, and table heads in bold. */
export type RowLook = 'plain' | 'bold' | 'title' | 'heading';

export interface SheetColumn {
  width: number;
  format?: NumberFormat;
}

/** Rows a sheet holds in Excel, its header included. */
export const MAX_SHEET_ROWS = 1_048_576;

const FORMATS: Record<NumberFormat, string> = {
  integer: '#,##0',
  decimal1: '0.0',
  decimal2: '0.00',
  decimal4: '0.0000',
  percent1: '0.0"%"',
};
const FORMAT_KEYS = Object.keys(FORMATS) as NumberFormat[];
/** Index in cellXfs: 0 plain, 1 bold, 2 title, 3 heading, then one per number format. */
const LOOK_STYLE: Record<RowLook, number> = { plain: 0, bold: 1, title: 2, heading: 3 };
const FORMAT_STYLE = Object.fromEntries(FORMAT_KEYS.map((k, i) => [k, 4 + i])) as Record<
  NumberFormat,
  number
>;

const font = (extra: string, size: number) =>
  `<font>${extra}<sz val="${size}"/><name val="Calibri"/><family val="2"/></font>`;
const xf = (numFmt: number, fontId: number) =>
  `<xf numFmtId="${numFmt}" fontId="${fontId}" fillId="0" borderId="0" xfId="0"${numFmt ? ' applyNumberFormat="1"' : ''}${fontId ? ' applyFont="1"' : ''}/>`;

const STYLES =
  `${XML_HEAD}<styleSheet xmlns="${MAIN_NS}">` +
  `<numFmts count="${FORMAT_KEYS.length}">${FORMAT_KEYS.map((k, i) => `<numFmt numFmtId="${164 + i}" formatCode="${xmlAttr(FORMATS[k])}"/>`).join('')}</numFmts>` +
  `<fonts count="4">${font('', 11)}${font('<b/>', 11)}${font('<b/>', 14)}${font('<b/>', 12)}</fonts>` +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  `<cellXfs count="${4 + FORMAT_KEYS.length}">${xf(0, 0)}${xf(0, 1)}${xf(0, 2)}${xf(0, 3)}${FORMAT_KEYS.map((_, i) => xf(164 + i, 0)).join('')}</cellXfs>` +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

const styleOf = (format: NumberFormat | undefined) =>
  format ? ` s="${FORMAT_STYLE[format]}"` : '';

const SHEET_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const CHUNK_CHARS = 64 * 1024;

/** One sheet being written; rows go out in order, each at most once. */
export class SheetWriter {
  private chunk = '';
  private rowNo = 0;
  private readonly letters: string[];
  /** Per column: the style a number takes there (its format), or '' for none. */
  private readonly numberStyle: string[];

  constructor(
    private readonly entry: ZipEntry,
    columns: readonly SheetColumn[],
  ) {
    this.letters = columns.map((_, i) => columnLetters(i));
    this.numberStyle = columns.map((c) => styleOf(c.format));
  }

  /** Rows written so far. */
  get rows(): number {
    return this.rowNo;
  }

  /**
   * Null, empty text and a number that is not finite leave the cell empty. `formats`, when given,
   * are the row's own number formats instead of the columns'.
   */
  async row(
    cells: readonly Cell[],
    look: RowLook = 'plain',
    formats?: readonly (NumberFormat | undefined)[],
  ): Promise<void> {
    if (this.rowNo >= MAX_SHEET_ROWS) throw new Error('xlsx: a sheet holds 1,048,576 rows');
    const r = ++this.rowNo;
    const rowStyle = look === 'plain' ? '' : ` s="${LOOK_STYLE[look]}"`;
    const numberStyle = formats ? formats.map(styleOf) : this.numberStyle;
    let xml = `<row r="${r}">`;
    // Every cell says where it is: optional in the standard, needed by some readers (exceljs).
    for (let i = 0; i < cells.length; i++) {
      const v = cells[i];
      if (typeof v === 'number' && Number.isFinite(v))
        xml += `<c r="${this.letter(i)}${r}"${rowStyle || (numberStyle[i] ?? '')}><v>${v}</v></c>`;
      else if (typeof v === 'string' && v !== '')
        xml += `<c r="${this.letter(i)}${r}"${rowStyle} t="inlineStr"><is>${inlineText(v)}</is></c>`;
    }
    this.chunk += `${xml}</row>`;
    if (this.chunk.length >= CHUNK_CHARS) await this.flush();
  }

  private letter(i: number): string {
    return this.letters[i] ?? columnLetters(i);
  }

  private async flush(): Promise<void> {
    const text = this.chunk;
    this.chunk = '';
    await this.entry.write(text);
  }

  /** Closes the sheet's XML; the workbook can then start the next sheet. */
  async end(): Promise<void> {
    this.chunk += '</sheetData></worksheet>';
    await this.flush();
    await this.entry.end();
  }
}

export class XlsxWriter {
  private readonly zip: ZipWriter;
  private readonly sheets: string[] = [];
  private readonly taken = new Set<string>();

  constructor(
    out: Writable,
    private readonly creator: string,
  ) {
    this.zip = new ZipWriter(out);
  }

  /** Starts a sheet (the one before must have ended); its name is made one Excel accepts. */
  async sheet(wantedName: string, columns: readonly SheetColumn[]): Promise<SheetWriter> {
    const name = sheetName(wantedName, this.taken);
    this.taken.add(name.toLowerCase());
    this.sheets.push(name);
    const entry = await this.zip.entry(`xl/worksheets/sheet${this.sheets.length}.xml`);
    const cols = columns
      .map((c, i) => {
        const style = c.format ? ` style="${FORMAT_STYLE[c.format]}"` : '';
        return `<col min="${i + 1}" max="${i + 1}" width="${c.width}"${style} customWidth="1"/>`;
      })
      .join('');
    await entry.write(
      `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
        `${cols && `<cols>${cols}</cols>`}<sheetData>`,
    );
    return new SheetWriter(entry, columns);
  }

  /** Writes the parts that list the sheets, then the zip's directory, and ends the stream. */
  async finish(): Promise<void> {
    const n = this.sheets.length;
    const sheetIds = this.sheets.map((_, i) => i + 1);
    await this.zip.file('xl/styles.xml', STYLES);
    await this.zip.file(
      'xl/workbook.xml',
      `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets>` +
        this.sheets
          .map(
            (name, i) => `<sheet name="${xmlAttr(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`,
          )
          .join('') +
        '</sheets></workbook>',
    );
    const rel = (id: string, type: string, target: string) =>
      `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`;
    const officeRel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
    await this.zip.file(
      'xl/_rels/workbook.xml.rels',
      `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        sheetIds
          .map((i) => rel(`rId${i}`, `${officeRel}/worksheet`, `worksheets/sheet${i}.xml`))
          .join('') +
        rel(`rId${n + 1}`, `${officeRel}/styles`, 'styles.xml') +
        '</Relationships>',
    );
    await this.zip.file(
      '_rels/.rels',
      `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        rel('rId1', `${officeRel}/officeDocument`, 'xl/workbook.xml') +
        rel(
          'rId2',
          'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties',
          'docProps/core.xml',
        ) +
        rel('rId3', `${officeRel}/extended-properties`, 'docProps/app.xml') +
        '</Relationships>',
    );
    await this.zip.file(
      'docProps/core.xml',
      `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
        `<dc:creator>${xmlText(this.creator)}</dc:creator>` +
        `<dcterms:created xsi:type="dcterms:W3CDTF">${new Date().toISOString().slice(0, 19)}Z</dcterms:created>` +
        '</cp:coreProperties>',
    );
    await this.zip.file(
      'docProps/app.xml',
      `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>${xmlText(this.creator)}</Application></Properties>`,
    );
    // Last, because only now is the number of sheets known; a reader finds it by name.
    const override = (part: string, type: string) =>
      `<Override PartName="${part}" ContentType="${type}"/>`;
    const ooxml = 'application/vnd.openxmlformats-officedocument';
    await this.zip.file(
      '[Content_Types].xml',
      `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
        `<Default Extension="xml" ContentType="application/xml"/>` +
        override('/xl/workbook.xml', `${ooxml}.spreadsheetml.sheet.main+xml`) +
        sheetIds.map((i) => override(`/xl/worksheets/sheet${i}.xml`, SHEET_TYPE)).join('') +
        override('/xl/styles.xml', `${ooxml}.spreadsheetml.styles+xml`) +
        override(
          '/docProps/core.xml',
          'application/vnd.openxmlformats-package.core-properties+xml',
        ) +
        override('/docProps/app.xml', `${ooxml}.extended-properties+xml`) +
        '</Types>',
    );
    await this.zip.finish();
  }
}
