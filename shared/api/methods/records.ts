import { z } from 'zod';
import { checkInCancelSchema, checkInCorrectionSchema } from '../../domain/correction';
import { exportedFileSchema } from '../../domain/exported-file';
import {
  auditEntrySchema,
  auditFilterSchema,
  caseRecordSchema,
  closedFollowUpSchema,
  pageCursorSchema,
  recordsSearchInputSchema,
  recordsSearchResultSchema,
  visitDetailsSchema,
} from '../../domain/records';
import { method, STAFF_WINDOW, empty, id, type MethodSpec } from './method';

/** Past visits and cases found again, check-ins corrected, and the audit trail read back. */
export const recordsMethods = {
  'records.search': method({
    input: recordsSearchInputSchema,
    output: recordsSearchResultSchema,
    access: ['receptionist', 'officer', 'supervisor'],
    windows: STAFF_WINDOW,
  }),
  'records.case': method({
    input: z.object({ caseId: id }),
    output: caseRecordSchema,
    access: ['officer', 'supervisor'],
    windows: STAFF_WINDOW,
  }),
  'records.visit': method({
    input: z.object({ visitId: id }),
    output: visitDetailsSchema,
    access: ['receptionist', 'supervisor'],
    windows: STAFF_WINDOW,
  }),
  'visit.correct': method({
    input: checkInCorrectionSchema,
    output: visitDetailsSchema,
    access: ['receptionist', 'supervisor'],
    windows: STAFF_WINDOW,
    changes: ['queue', 'cases', 'followup'],
  }),
  'visit.cancel': method({
    input: checkInCancelSchema,
    output: visitDetailsSchema,
    access: ['receptionist', 'supervisor'],
    windows: STAFF_WINDOW,
    changes: ['queue'],
  }),
  'followup.closed': method({
    input: z.object({ all: z.boolean().optional(), before: pageCursorSchema.optional() }),
    output: z.object({
      items: z.array(closedFollowUpSchema),
      next: pageCursorSchema.nullable(),
    }),
    access: ['officer', 'supervisor'],
    windows: STAFF_WINDOW,
  }),
  'audit.filters': method({
    input: empty,
    output: z.object({
      actions: z.array(z.string()),
      staff: z.array(z.object({ id: z.number().int(), fullName: z.string() })),
    }),
    access: ['supervisor', 'admin'],
    windows: STAFF_WINDOW,
  }),
  'audit.list': method({
    input: auditFilterSchema.extend({ before: pageCursorSchema.optional() }),
    output: z.object({ entries: z.array(auditEntrySchema), next: pageCursorSchema.nullable() }),
    access: ['supervisor', 'admin'],
    windows: STAFF_WINDOW,
  }),
  'audit.export': method({
    input: auditFilterSchema,
    output: exportedFileSchema,
    access: ['supervisor', 'admin'],
    windows: STAFF_WINDOW,
  }),
} as const satisfies Record<string, MethodSpec>;
