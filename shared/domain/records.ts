import { z } from 'zod';
import { caseViewSchema, CASE_STATUSES } from './case';
import { receptionStatusSchema } from './visit';
import { storedVisitorTypeSchema } from './visitor-types';
import { TICKET_PHASES } from './ticket-phase';
import { SERVICE_DAY_PATTERN } from '../time';

const day = z.string().regex(SERVICE_DAY_PATTERN, { error: 'validation.dayFormat' });

const periodInOrder = (r: { from?: string | undefined; to?: string | undefined }) =>
  !r.from || !r.to || r.from <= r.to;
const PERIOD_ORDER = { error: 'validation.periodOrder', path: ['to'] };

/** "Cari arsip": one box for any detail the visitor remembers, and an optional period. */
export const recordsSearchInputSchema = z
  .object({
    query: z.string().trim().max(100, { error: 'validation.tooLong:100' }),
    from: day.optional(),
    to: day.optional(),
  })
  .refine(periodInOrder, PERIOD_ORDER);
export type RecordsSearchInput = z.input<typeof recordsSearchInputSchema>;

export const foundCaseSchema = z.object({
  caseId: z.number().int(),
  caseCode: z.string(),
  status: z.enum(CASE_STATUSES),
  ticketId: z.string().nullable(),
  /** False for a receptionist: the case's code is on the guest book, its content is not. */
  canOpen: z.boolean(),
});

/** One past visit found, with the cases of it the caller may see. */
export const foundVisitSchema = z.object({
  visitId: z.number().int(),
  serviceDay: z.string(),
  queueLabel: z.string(),
  fullName: z.string(),
  institution: z.string().nullable(),
  phoneMasked: z.string(),
  emailMasked: z.string().nullable(),
  status: receptionStatusSchema,
  checkedInAt: z.string(),
  officerName: z.string().nullable(),
  cases: z.array(foundCaseSchema),
});
export type FoundVisit = z.infer<typeof foundVisitSchema>;

export const recordsSearchResultSchema = z.object({
  /** How the query was read: a case number, a ticket number, or a person's details. */
  readAs: z.enum(['period', 'case_code', 'ticket', 'person', 'ticket_or_phone']),
  visits: z.array(foundVisitSchema),
  /** More matched than were returned: narrow the period or the words. */
  more: z.boolean(),
});
export type RecordsSearchResult = z.infer<typeof recordsSearchResultSchema>;

export const TIMELINE_KINDS = [
  'checked_in',
  'called',
  'started',
  'no_show',
  'returned',
  'ended',
  'checked_out',
  'auto_closed',
  'survey_ready',
  'visit_corrected',
  'visit_cancelled',
  'case_created',
  'case_taken_over',
  'note_added',
  'document_added',
  'document_removed',
  'document_kind_changed',
  'solved',
  'escalated',
  'delivered',
  'note_delivered',
  'paused',
  'resumed',
  'backend_paused',
  'backend_resumed',
  'backend_resolved',
  'backend_rejected',
  'confirmed',
  'confirmed_not_solved',
  'case_corrected',
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export const timelineEventSchema = z.object({
  at: z.string(),
  kind: z.enum(TIMELINE_KINDS),
  /** Who did it; null for Loket itself or the helpdesk. */
  actorName: z.string().nullable(),
  /** A short fact for the line: the pause reason, the ticket, the document's name, a note. */
  detail: z.string().nullable(),
});
export type TimelineEvent = z.infer<typeof timelineEventSchema>;

/** A case's whole record: the form and everything that happened to it, in order. */
export const caseRecordSchema = z.object({
  view: caseViewSchema,
  serviceDay: z.string(),
  queueLabel: z.string(),
  officerName: z.string(),
  escalatedAt: z.string().nullable(),
  backendResolvedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  ticket: z
    .object({
      id: z.string(),
      url: z.string().nullable(),
      phase: z.enum(TICKET_PHASES),
      status: z.string(),
    })
    .nullable(),
  confirmations: z.array(
    z.object({
      channel: z.enum(['phone', 'email']),
      confirmedAt: z.string(),
      outcome: z.enum(['accepted', 'not_solved']),
      note: z.string().nullable(),
      officerName: z.string(),
    }),
  ),
  timeline: z.array(timelineEventSchema),
});
export type CaseRecordView = z.infer<typeof caseRecordSchema>;

/** An escalated case the visitor confirmed: the follow-up screen's "Selesai" tab. */
export const closedFollowUpSchema = z.object({
  caseId: z.number().int(),
  caseCode: z.string(),
  officerId: z.number().int(),
  reporterName: z.string(),
  ticketId: z.string().nullable(),
  remotePhase: z.enum(TICKET_PHASES).nullable(),
  escalatedAt: z.string(),
  finishedAt: z.string(),
  /** Time counted against the 1x24 target, pauses left out, up to the helpdesk's resolution. */
  netMs: z.number(),
  overdue: z.boolean(),
});
export type ClosedFollowUp = z.infer<typeof closedFollowUpSchema>;

/** Where the next page of a newest-first list starts. */
export const pageCursorSchema = z.object({ at: z.string(), id: z.number().int() });

/** A check-in as the receptionist corrects it: the check-in's own field rules. */
export const visitDetailsSchema = z.object({
  visitId: z.number().int(),
  visitorId: z.number().int(),
  serviceDay: z.string(),
  queueLabel: z.string(),
  fullName: z.string(),
  phone: z.string(),
  email: z.string().nullable(),
  institution: z.string().nullable(),
  visitorType: storedVisitorTypeSchema.nullable(),
  lpse: z.string().nullable(),
  status: receptionStatusSchema,
  cancelledAt: z.string().nullable(),
  cancelReason: z.string().nullable(),
  /** Whether cancelling is still possible: never called, no case. */
  cancellable: z.boolean(),
});
export type VisitDetails = z.infer<typeof visitDetailsSchema>;

/** The audit viewer's filters: a person, an action, a period of service days (WIB). */
export const auditFilterSchema = z.object({
  actorId: z.number().int().positive().optional(),
  action: z.string().min(1).max(80).optional(),
  from: day.optional(),
  to: day.optional(),
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;

export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actorId: z.number().int().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  /** The entry's detail as recorded (JSON), e.g. a correction's before and after. */
  detail: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;
