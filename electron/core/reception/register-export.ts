import { formatQueueNumber } from '../../../shared/domain/queue';
import { formatPhoneNational } from '../../../shared/domain/phone';
import { translate, type Locale } from '../../../shared/i18n/messages';
import { formatTimeWib } from '../../../shared/time';
import type { Db } from '../db/open-database';
import type { ExportedFile } from '../../../shared/domain/exported-file';

interface RegisterRow {
  queue_no: number;
  checked_in_at: string;
  full_name: string;
  institution: string | null;
  visitor_type: string | null;
  lpse: string | null;
  purpose: string;
  phone: string;
  email: string | null;
  status: string;
  left_unserved: number;
  checked_out_at: string | null;
  auto_closed: number;
  consent_version: string;
  consent_at: string;
  case_codes: string | null;
  cancelled_at: string | null;
  cancel_reason: string | null;
}

const COLUMNS = [
  'queue',
  'checkedInAt',
  'fullName',
  'institution',
  'visitorType',
  'lpse',
  'purpose',
  'phone',
  'email',
  'status',
  'outcome',
  'checkedOutAt',
  'autoClosed',
  'consentVersion',
  'consentAt',
  'caseCodes',
] as const;

/** The daily guest-book register (buku tamu harian), as CSV or XLSX. */
export class RegisterExporter {
  private readonly rows;

  constructor(db: Db) {
    this.rows = db.prepare<[string], RegisterRow>(
      `SELECT queue_no, checked_in_at, full_name, institution, visitor_type, lpse, purpose, phone,
              email, status, left_unserved, checked_out_at, auto_closed, consent_version, consent_at,
              (SELECT group_concat(case_code, ' ') FROM problem_case c WHERE c.visit_id = visit.id)
                AS case_codes, cancelled_at, cancel_reason
         FROM visit WHERE service_day = ? ORDER BY queue_no`,
    );
  }

  table(day: string, locale: Locale): { header: string[]; rows: string[][] } {
    const t = (key: string) => translate(locale, key);
    const header = COLUMNS.map((c) => t(`register.columns.${c}`));
    const rows = this.rows
      .all(day)
      .map((r) => [
        formatQueueNumber(r.queue_no),
        formatTimeWib(r.checked_in_at, locale),
        r.full_name,
        r.institution ?? '',
        r.visitor_type ? t(`visitorTypes.${r.visitor_type}`) : '',
        r.lpse ?? '',
        r.purpose,
        formatPhoneNational(r.phone),
        r.email ?? '',
        t(`statuses.${registerStatus(r)}`),
        r.cancelled_at !== null
          ? `${t('register.cancelled')}: ${r.cancel_reason ?? ''}`
          : r.status !== 'done'
            ? ''
            : t(r.left_unserved === 1 ? 'register.leftUnserved' : 'register.served'),
        r.checked_out_at ? formatTimeWib(r.checked_out_at, locale) : '',
        r.auto_closed === 1 ? t('register.yes') : t('register.no'),
        r.consent_version,
        formatTimeWib(r.consent_at, locale),
        r.case_codes ?? '',
      ]);
    return { header, rows };
  }

  csv(day: string, locale: Locale): ExportedFile {
    const { header, rows } = this.table(day, locale);
    const lines = [header, ...rows].map((cells) => cells.map(csvCell).join(','));
    // The BOM makes Excel read the file as UTF-8 (names with é, ñ, Arabic script...).
    const text = `\uFEFF${lines.join('\r\n')}\r\n`;
    return {
      fileName: `buku-tamu-${day}.csv`,
      mimeType: 'text/csv',
      base64: Buffer.from(text, 'utf8').toString('base64'),
    };
  }

  async xlsx(day: string, locale: Locale): Promise<ExportedFile> {
    const { header, rows } = this.table(day, locale);
    // Loaded when a file is made: the library is large and most sessions never export.
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.Workbook();
    workbook.creator = 'Loket';
    const sheet = workbook.addWorksheet(translate(locale, 'register.sheet'), {
      views: [{ state: 'frozen', ySplit: 1 }],
    });
    sheet.addRow(header).font = { bold: true };
    for (const row of rows) sheet.addRow(row);
    sheet.columns.forEach((col, i) => {
      const widest = Math.max(...[header, ...rows].map((r) => (r[i] ?? '').length));
      col.width = Math.min(Math.max(widest + 2, 8), 60);
    });
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    return {
      fileName: `buku-tamu-${day}.xlsx`,
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      base64: buffer.toString('base64'),
    };
  }
}

/** A cancelled check-in stays in the guest book, marked as such. */
function registerStatus(r: RegisterRow): string {
  if (r.cancelled_at !== null) return 'cancelled';
  return r.left_unserved === 1 ? 'left_unserved' : r.status;
}

/** RFC 4180 quoting, and a leading quote on cells a spreadsheet would run as a formula. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
