import { z } from 'zod';
import { PAUSE_REASONS } from './sla';
import { COUNTING_MODES } from './sla-counting';
import { TICKET_PHASES } from './ticket-phase';

/** One escalated case on the follow-up screen: its helpdesk state, 1x24 clock and next step. */
export const followUpItemSchema = z.object({
  caseId: z.number().int(),
  caseCode: z.string(),
  officerId: z.number().int(),
  reporterName: z.string(),
  reporterPhone: z.string(),
  reporterEmail: z.string().nullable(),
  status: z.enum(['escalated', 'backend_resolved']),
  ticketId: z.string().nullable(),
  remotePhase: z.enum(TICKET_PHASES).nullable(),
  remoteStatus: z.string().nullable(),
  sla: z.object({
    elapsedMs: z.number(),
    remainingMs: z.number(),
    overdue: z.boolean(),
    pausedFor: z.enum(PAUSE_REASONS).nullable(),
    pausedMsByReason: z.record(z.enum(PAUSE_REASONS), z.number()),
    /** Calendar hours, or the desk's service hours less holidays (the admin's report setting). */
    countingMode: z.enum(COUNTING_MODES),
  }),
  pausedBy: z.enum(['officer', 'backend']).nullable(),
  nextAction: z.enum([
    'waiting_delivery',
    'delivery_failed',
    'waiting_backend',
    'paused',
    'confirm_with_visitor',
  ]),
  /** Why the ticket's status could not be read the last time; null once a read succeeds. */
  pollError: z.object({ kind: z.string(), detail: z.string(), at: z.string() }).nullable(),
});
export type FollowUpItem = z.infer<typeof followUpItemSchema>;
