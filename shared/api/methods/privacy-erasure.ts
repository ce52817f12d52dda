import { z } from 'zod';
import { optionalText, requiredText } from '../../domain/text';
import { method, STAFF_WINDOW, id, type MethodSpec } from './method';

/** What an erasure did, for the supervisor's answer to the visitor (issue 14 item 3). */
export const erasureSummarySchema = z.object({
  visitorId: id,
  erasedAt: z.string(),
  alreadyErased: z.boolean(),
  visits: z.number().int(),
  cases: z.number().int(),
  notesRedacted: z.number().int(),
  confirmations: z.number().int(),
  documents: z.number().int(),
  filesDeleted: z.number().int(),
  outboxWithdrawn: z.number().int(),
  mentionsRedacted: z.number().int(),
  openCasesOverridden: z.array(z.string()),
  freedPagesWiped: z.boolean(),
});
export type ErasureSummaryView = z.infer<typeof erasureSummarySchema>;

export const privacyErasureMethods = {
  'privacy.erasePerson': method({
    input: z
      .object({
        visitorId: id,
        reason: requiredText(1000),
        overrideOpenCaseReason: optionalText(1000),
      })
      .strict(),
    output: erasureSummarySchema,
    access: ['supervisor'],
    windows: STAFF_WINDOW,
    changes: ['queue', 'cases', 'followup', 'sync'],
  }),
} as const satisfies Record<string, MethodSpec>;
