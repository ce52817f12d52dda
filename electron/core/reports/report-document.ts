/**
 * A report as data: what the PDF writer draws and the spreadsheet writers lay out. Each report
 * module (service-document.ts, sla-document.ts, ikm-document.ts) builds one; none of them draws.
 */
export type Cell = string | number | null;

export interface Column {
  header: string;
  /** Share of the page width in the PDF, characters in a spreadsheet. */
  width: number;
  /** How a number is shown: a spreadsheet keeps numbers as numbers with this format. */
  format?: 'integer' | 'decimal1' | 'decimal2' | 'decimal4' | 'percent1';
}

export type Block =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string; emphasis?: boolean }
  | { kind: 'facts'; rows: [string, string][] }
  | { kind: 'table'; title: string; columns: Column[]; rows: Cell[][]; empty?: string }
  | {
      kind: 'bars';
      title: string;
      /** The scale's end: bars are drawn as value / max of the width. */
      max: number;
      items: { label: string; value: number | null; text: string }[];
    }
  | {
      kind: 'heatmap';
      title: string;
      rows: string[];
      columns: string[];
      values: number[][];
    };

/** Rows that can be many (every visit, every answer): streamed, never held as one array. */
export interface DetailTable {
  sheetName: string;
  columns: Column[];
  /** How many rows `rows()` yields, for the progress shown while it is written. */
  count: number;
  rows(): Iterable<Cell[]>;
}

export interface ReportDocument {
  title: string;
  subtitle: string;
  period: string;
  /** Shown at the top when the period has no data: the report is empty and says so. */
  emptyNotice: string | null;
  blocks: Block[];
  /** How the numbers were computed: printed on every PDF and in every workbook. */
  method: string[];
  fileStem: string;
  detail: DetailTable | null;
}

/** How a cell is written as text (PDF, CSV) in the report's language. */
export function cellText(value: Cell, column: Column, locale: 'id' | 'en'): string {
  if (value === null) return '—';
  if (typeof value === 'string') return value;
  const digits =
    column.format === 'decimal1' || column.format === 'percent1'
      ? 1
      : column.format === 'decimal2'
        ? 2
        : column.format === 'decimal4'
          ? 4
          : 0;
  const text = new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'id-ID', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    useGrouping: true,
  }).format(value);
  return column.format === 'percent1' ? `${text}%` : text;
}
