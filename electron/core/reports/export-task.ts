import { createWriteStream } from 'node:fs';
import { z } from 'zod';
import { EXPORT_FORMATS, REPORT_CUTS, REPORT_KINDS } from '../../../shared/domain/reports';
import { LOCALES } from '../../../shared/i18n/messages';
import type { Db } from '../db/open-database';
import { ikmDocument } from './ikm-document';
import { IkmReporter } from './ikm-report';
import { writeReportPdf } from './pdf-writer';
import type { ReportDocument } from './report-document';
import { ReportSettingsStore } from './report-settings';
import { serviceDocument } from './service-document';
import { ServiceReporter } from './service-report';
import { slaDocument } from './sla-document';
import { SlaReporter } from './sla-report';
import { writeReportCsv, writeReportXlsx, type Progress } from './table-writers';
import { wibDateTime } from './report-labels';

export const exportTaskSchema = z.object({
  report: z.enum(REPORT_KINDS),
  format: z.enum(EXPORT_FORMATS),
  from: z.string(),
  to: z.string(),
  cut: z.enum(REPORT_CUTS).nullable(),
  locale: z.enum(LOCALES),
  /** The requesting call's clock, so that open cases are measured to the same "now". */
  now: z.string(),
});
export type ExportTask = z.infer<typeof exportTaskSchema>;

export const MIME_TYPES = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
} as const;

/** Builds the report's document from a (read-only) connection. */
export function reportDocument(db: Db, task: ExportTask): ReportDocument {
  const now = () => new Date(task.now);
  const span = { from: task.from, to: task.to, cut: task.cut };
  const settings = new ReportSettingsStore(db, null, now);
  switch (task.report) {
    case 'service': {
      const reporter = new ServiceReporter(db);
      const report = reporter.report(span, settings.get().waitTargetMinutes);
      return serviceDocument(report, reporter, report.totals.visits, task.locale);
    }
    case 'sla': {
      const reporter = new SlaReporter(db, now);
      const rules = settings.rules();
      const report = reporter.report(span, rules, settings.get().holidays);
      return slaDocument(report, reporter, rules, task.locale);
    }
    case 'ikm':
      return ikmDocument(db, new IkmReporter(db).report(task.from, task.to), task.locale);
  }
}

/** Writes the export to `file`; the name the user saves it under comes back. */
export async function runExport(
  db: Db,
  task: ExportTask,
  file: string,
  progress: Progress,
): Promise<string> {
  const doc = reportDocument(db, task);
  const out = createWriteStream(file, { mode: 0o600 });
  if (task.format === 'pdf') {
    progress(0, 1);
    await writeReportPdf(doc, task.locale, out, wibDateTime(task.now, task.locale));
    progress(1, 1);
  } else if (task.format === 'xlsx') await writeReportXlsx(doc, task.locale, out, progress);
  else await writeReportCsv(doc, task.locale, out, progress);
  return `${doc.fileStem}.${task.format}`;
}
