import { z } from 'zod';
import { caseFormSchema, caseViewSchema, noteTextSchema } from '../../domain/case';
import { requiredText } from '../../domain/text';
import { method, STAFF_WINDOW, empty, id, OFFICER, type MethodSpec } from './method';

export const caseMethods = {
  'case.takeOver': method({
    input: z.object({ caseId: id }),
    output: caseViewSchema,
    access: ['supervisor'],
    windows: STAFF_WINDOW,
    changes: ['cases'],
  }),
  'case.create': method({
    input: z.object({ visitId: id }),
    output: caseViewSchema,
    access: OFFICER,
    windows: STAFF_WINDOW,
    changes: ['cases', 'queue'],
  }),
  'case.get': method({
    reads: 'case',
    input: z.object({ caseId: id }),
    output: caseViewSchema,
    access: ['officer', 'supervisor'],
    windows: STAFF_WINDOW,
  }),
  'case.forVisit': method({
    reads: 'visit',
    input: z.object({ visitId: id }),
    output: z.array(caseViewSchema),
    access: ['officer', 'supervisor'],
    windows: STAFF_WINDOW,
  }),
  'case.drafts': method({
    input: empty,
    output: z.array(caseViewSchema),
    access: OFFICER,
    windows: STAFF_WINDOW,
    poll: true,
  }),
  'case.saveDraft': method({
    input: z.object({ caseId: id, form: caseFormSchema }),
    output: caseViewSchema,
    access: OFFICER,
    windows: STAFF_WINDOW,
    changes: ['cases'],
  }),
  'case.addNote': method({
    input: z.object({
      caseId: id,
      text: noteTextSchema,
      correctsNoteId: id.optional(),
      /** Made by the screen per note: the same key again returns the first note, not a copy. */
      clientKey: z.uuid({ error: 'validation.invalid' }).optional(),
    }),
    output: caseViewSchema,
    access: OFFICER,
    windows: STAFF_WINDOW,
    changes: ['cases'],
  }),
  'case.solve': method({
    /** `form`: the form as the screen shows it, saved with the close so no keystroke is lost. */
    input: z.object({ caseId: id, solution: requiredText(5000), form: caseFormSchema.optional() }),
    output: caseViewSchema,
    access: OFFICER,
    windows: STAFF_WINDOW,
    changes: ['cases', 'queue'],
  }),
  'case.escalate': method({
    input: z.object({
      caseId: id,
      missingDocumentsReason: requiredText(1000).optional(),
      form: caseFormSchema.optional(),
    }),
    output: caseViewSchema,
    access: OFFICER,
    windows: STAFF_WINDOW,
    changes: ['cases', 'queue', 'followup', 'sync'],
  }),
} as const satisfies Record<string, MethodSpec>;
