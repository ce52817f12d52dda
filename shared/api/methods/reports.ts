import { z } from 'zod';
import { exportedFileSchema } from '../../domain/exported-file';
import { ikmReportSchema, reportPeriodSchema } from '../../domain/ikm-report';
import {
  EXPORT_FORMATS,
  REPORT_KINDS,
  reportRequestSchema,
  reportSettingsSchema,
  serviceReportSchema,
  slaExclusionInputSchema,
  slaReportSchema,
} from '../../domain/reports';
import { method, ok, STAFF_WINDOW, type MethodSpec } from './method';

const REPORTERS = ['supervisor', 'admin'] as const;
const jobId = z.string().regex(/^[0-9a-f]{24}$/);
const caseCode = z.string().trim().min(1, { error: 'validation.required' }).max(40);

export const reportMethods = {
  'report.ikm': method({
    input: reportPeriodSchema,
    output: ikmReportSchema,
    access: ['supervisor'],
    windows: STAFF_WINDOW,
  }),
  'report.ikmExport': method({
    reads: 'report',
    input: reportPeriodSchema.and(z.object({ format: z.enum(['pdf', 'xlsx']) })),
    output: exportedFileSchema,
    access: ['supervisor'],
    windows: STAFF_WINDOW,
  }),
  'report.service': method({
    input: reportRequestSchema,
    output: serviceReportSchema,
    access: REPORTERS,
    windows: STAFF_WINDOW,
  }),
  'report.sla': method({
    input: reportRequestSchema,
    output: slaReportSchema,
    access: REPORTERS,
    windows: STAFF_WINDOW,
  }),
  'report.settings': method({
    input: z.object({}).strict(),
    output: reportSettingsSchema,
    access: REPORTERS,
    windows: STAFF_WINDOW,
  }),
  'report.saveSettings': method({
    input: reportSettingsSchema,
    output: ok,
    access: REPORTERS,
    windows: STAFF_WINDOW,
    changes: ['settings'],
  }),
  /** Starts an export in a worker; the screen follows it with exportStatus, then fetches it. */
  'report.exportStart': method({
    input: reportRequestSchema.and(
      z.object({ report: z.enum(REPORT_KINDS), format: z.enum(EXPORT_FORMATS) }),
    ),
    output: z.object({ jobId }),
    access: REPORTERS,
    windows: STAFF_WINDOW,
  }),
  'report.exportStatus': method({
    input: z.object({ jobId }),
    output: z.object({
      state: z.enum(['running', 'done', 'failed']),
      done: z.number().int(),
      total: z.number().int(),
      fileName: z.string().nullable(),
      mimeType: z.string(),
      size: z.number().int().nullable(),
    }),
    access: REPORTERS,
    windows: STAFF_WINDOW,
    poll: true,
  }),
  'report.exportChunk': method({
    input: z.object({ jobId, offset: z.number().int().min(0) }),
    output: z.object({ base64: z.string(), nextOffset: z.number().int().nullable() }),
    access: REPORTERS,
    windows: STAFF_WINDOW,
  }),
  /** "Di luar target 1x24 jam", with one of the standard's exclusion reasons and a note. */
  'report.excludeCase': method({
    input: slaExclusionInputSchema.extend({ caseCode }),
    output: ok,
    access: ['officer', 'supervisor'],
    windows: STAFF_WINDOW,
    changes: ['followup'],
  }),
  'report.includeCase': method({
    input: z.object({ caseCode }),
    output: ok,
    access: ['officer', 'supervisor'],
    windows: STAFF_WINDOW,
    changes: ['followup'],
  }),
} as const satisfies Record<string, MethodSpec>;
