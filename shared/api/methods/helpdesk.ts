import { z } from 'zod';
import {
  helpdeskSettingsInputSchema,
  helpdeskSettingsSchema,
} from '../../domain/helpdesk-settings';
import { method, STAFF_WINDOW, empty, id, ok, type MethodSpec } from './method';

export const helpdeskMethods = {
  'helpdesk.getSettings': method({
    input: empty,
    output: helpdeskSettingsSchema,
    access: ['admin'],
    windows: STAFF_WINDOW,
  }),
  'helpdesk.saveSettings': method({
    input: helpdeskSettingsInputSchema,
    output: helpdeskSettingsSchema,
    access: ['admin'],
    windows: STAFF_WINDOW,
    changes: ['settings', 'sync'],
  }),
  'helpdesk.checkSetup': method({
    input: empty,
    output: z.object({
      problems: z.array(z.object({ code: z.string(), name: z.string().optional() })),
    }),
    access: ['admin'],
    windows: STAFF_WINDOW,
  }),
  'outbox.list': method({
    input: empty,
    output: z.array(
      z.object({
        id: z.number().int(),
        caseCode: z.string(),
        operation: z.string(),
        state: z.enum(['queued', 'sending', 'delivered', 'failed']),
        attempts: z.number().int(),
        createdAt: z.string(),
        nextAttemptAt: z.string(),
        lastErrorKind: z.string().nullable(),
        /** The backend's own words (or the network's), for whoever fixes a parked entry. */
        lastErrorDetail: z.string().nullable(),
      }),
    ),
    access: ['officer', 'supervisor', 'admin'],
    windows: STAFF_WINDOW,
    poll: true,
  }),
  'outbox.retryNow': method({
    input: z.object({ outboxId: id }),
    output: ok,
    access: ['officer', 'supervisor', 'admin'],
    windows: STAFF_WINDOW,
    changes: ['sync'],
  }),
  'sync.status': method({
    input: empty,
    output: z.object({
      configured: z.boolean(),
      /** Settings on file that Loket refuses to use (an http:// address from an older Loket). */
      setupProblem: z.enum(['insecure_url']).nullable(),
      blockedByCredentials: z.boolean(),
      lastSuccessAt: z.string().nullable(),
      lastErrorKind: z.string().nullable(),
      /** Since when the backend has failed to answer (network, timeout, 5xx), until a success. */
      unreachableSince: z.string().nullable(),
      oldestWaitingSince: z.string().nullable(),
      /** Entries not delivered yet (queued, being sent, or parked). */
      waitingCount: z.number().int(),
      /** Parked because the helpdesk was not set up for them; sent again once its check passes. */
      parkedForSetup: z.number().int(),
      lateAfterMinutes: z.number().int(),
    }),
    access: 'staff',
    windows: STAFF_WINDOW,
    poll: true,
  }),
} as const satisfies Record<string, MethodSpec>;
