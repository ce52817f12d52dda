import { z } from 'zod';
import { exportedFileSchema } from '../../domain/exported-file';
import { ikmReportSchema, reportPeriodSchema } from '../../domain/ikm-report';
import { method, STAFF_WINDOW, type MethodSpec } from './method';

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
} as const satisfies Record<string, MethodSpec>;
