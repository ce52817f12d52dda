import { z } from 'zod';
import { exportedFileSchema } from '../../domain/exported-file';
import {
  answerRequestSchema,
  breachExportSchema,
  personCorrectionSchema,
  personRecordSchema,
  privacyRequestSchema,
  registerRequestSchema,
} from '../../domain/privacy-request';
import { privacyNoticeSchema } from '../../domain/privacy-notice';
import { visitorSuggestionSchema } from '../../domain/visit';
import { id, method, ok, STAFF_WINDOW, type MethodSpec } from './method';

/** A visitor's requests under UU 27/2022, served by a supervisor; every change is audited. */
const SUPERVISOR = ['supervisor'] as const;
const requestRef = { requestId: id.optional() };

export const privacyRequestMethods = {
  'privacy.requests': method({
    input: z.object({ open: z.boolean().optional() }),
    output: z.array(privacyRequestSchema),
    access: SUPERVISOR,
    windows: STAFF_WINDOW,
  }),
  'privacy.registerRequest': method({
    input: registerRequestSchema,
    output: privacyRequestSchema,
    access: SUPERVISOR,
    windows: STAFF_WINDOW,
  }),
  'privacy.findPerson': method({
    reads: 'visitor',
    input: z.object({ query: z.string().max(100) }),
    output: z.array(visitorSuggestionSchema),
    access: SUPERVISOR,
    windows: STAFF_WINDOW,
  }),
  'privacy.linkPerson': method({
    input: z.object({ requestId: id, visitorId: id }),
    output: privacyRequestSchema,
    access: SUPERVISOR,
    windows: STAFF_WINDOW,
  }),
  'privacy.person': method({
    reads: 'visitor',
    input: z.object({ visitorId: id }),
    output: personRecordSchema,
    access: SUPERVISOR,
    windows: STAFF_WINDOW,
  }),
  'privacy.exportPerson': method({
    reads: 'visitor',
    input: z.object({ visitorId: id, format: z.enum(['json', 'pdf']), ...requestRef }),
    output: exportedFileSchema,
    access: SUPERVISOR,
    windows: STAFF_WINDOW,
  }),
  'privacy.correctPerson': method({
    input: z.object({ visitorId: id, fields: personCorrectionSchema, ...requestRef }),
    output: personRecordSchema,
    access: SUPERVISOR,
    windows: STAFF_WINDOW,
    changes: ['queue', 'cases'],
  }),
  'privacy.restrict': method({
    input: z.object({ visitorId: id, restricted: z.boolean(), ...requestRef }),
    output: ok,
    access: SUPERVISOR,
    windows: STAFF_WINDOW,
    changes: ['sync'],
  }),
  'privacy.answerRequest': method({
    input: answerRequestSchema,
    output: privacyRequestSchema,
    access: SUPERVISOR,
    windows: STAFF_WINDOW,
  }),
  'privacy.breachScopes': method({
    input: z.object({}).strict(),
    output: z.array(z.object({ id: z.number().int(), name: z.string(), kind: z.string() })),
    access: SUPERVISOR,
    windows: STAFF_WINDOW,
  }),
  'privacy.breachExport': method({
    reads: 'register',
    input: breachExportSchema,
    output: exportedFileSchema,
    access: SUPERVISOR,
    windows: STAFF_WINDOW,
  }),
  /** The processing notice as given now: its periods follow the retention settings. */
  'privacy.notice': method({
    input: z.object({}).strict(),
    output: privacyNoticeSchema,
    access: 'staff',
    windows: STAFF_WINDOW,
  }),
  /** The processing notice as a PDF for reception to print and hand over. */
  'privacy.noticePdf': method({
    input: z.object({}).strict(),
    output: exportedFileSchema,
    access: ['receptionist', 'supervisor'],
    windows: STAFF_WINDOW,
  }),
} as const satisfies Record<string, MethodSpec>;
