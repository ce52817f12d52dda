import { z } from 'zod';
import { requiredText } from '../../domain/text';
import { PAUSE_REASONS } from '../../domain/sla';
import { followUpItemSchema } from '../../domain/followup';
import { method, STAFF_WINDOW, empty, id, ok, OFFICER, type MethodSpec } from './method';

export const followUpMethods = {
  'followup.list': method({
    input: z.object({ all: z.boolean().optional() }),
    output: z.array(followUpItemSchema),
    access: ['officer', 'supervisor'],
    windows: STAFF_WINDOW,
    poll: true,
  }),
  'followup.refresh': method({
    input: empty,
    output: z.object({
      changed: z.number().int(),
      read: z.number().int(),
      failed: z.number().int(),
    }),
    access: ['officer', 'supervisor'],
    windows: STAFF_WINDOW,
    changes: ['followup'],
  }),
  'case.pause': method({
    input: z.object({ caseId: id, reason: z.enum(PAUSE_REASONS) }),
    output: ok,
    access: OFFICER,
    windows: STAFF_WINDOW,
    changes: ['followup'],
  }),
  'case.resume': method({
    input: z.object({ caseId: id }),
    output: ok,
    access: OFFICER,
    windows: STAFF_WINDOW,
    changes: ['followup'],
  }),
  'case.confirm': method({
    input: z.object({
      caseId: id,
      channel: z.enum(['phone', 'email']),
      confirmedAt: z.iso.datetime({ error: 'validation.invalid' }),
      outcome: z.enum(['accepted', 'not_solved']),
      note: requiredText(2000).optional(),
    }),
    output: ok,
    access: OFFICER,
    windows: STAFF_WINDOW,
    changes: ['followup', 'sync'],
  }),
} as const satisfies Record<string, MethodSpec>;
