import { z } from 'zod';
import { normalizeIndonesianPhone } from './phone';
import { noticeDeliverySchema } from './privacy-notice';
import { optionalText, requiredText } from './text';
import { VISITOR_TYPES, storedVisitorTypeSchema } from './visitor-types';
import { priorityFields, priorityIssues, visitPrioritySchema } from './priority';
import { SERVICE_DAY_PATTERN } from '../time';

/** An Indonesian phone number in any common writing, normalised to E.164; '' means "not given". */
export const optionalPhoneSchema = z
  .string({ error: 'validation.invalid' })
  .trim()
  .max(40, { error: 'validation.phoneInvalid' })
  .transform((raw, ctx) => {
    if (raw === '') return '';
    const normalized = normalizeIndonesianPhone(raw);
    if (normalized === null) {
      ctx.addIssue({ code: 'custom', message: 'validation.phoneInvalid' });
      return z.NEVER;
    }
    return normalized;
  });

const emailSchema = z
  .string()
  .trim()
  .max(254, { error: 'validation.emailInvalid' })
  .transform((s) => (s === '' ? undefined : s.toLowerCase()))
  .pipe(z.email({ error: 'validation.emailInvalid' }).optional())
  .optional();

/** The guest-book check-in, as the form sends it and as the core accepts it. */
export const checkInSchema = z
  .object({
    /** Set when the receptionist picked a returning visitor from the suggestions. */
    returningVisitorId: z.number().int().positive().optional(),
    fullName: requiredText(120),
    /** For a returning visitor an empty phone keeps the one on file. */
    phone: optionalPhoneSchema.optional(),
    email: emailSchema,
    institution: optionalText(160),
    visitorType: z.enum(['', ...VISITOR_TYPES], { error: 'validation.invalid' }).optional(),
    lpse: optionalText(120),
    purpose: requiredText(500),
    /** The processing notice the visitor was given (shared/domain/privacy-notice.ts), and how. */
    noticeVersion: z.string().min(1).max(40),
    noticeDelivery: noticeDeliverySchema,
    /** Optional consent to be contacted for a later survey: never a condition of the service. */
    contactConsent: z.boolean().optional(),
    ...priorityFields,
  })
  .superRefine((v, ctx) => {
    for (const issue of priorityIssues(v)) {
      ctx.addIssue({ code: 'custom', path: [issue.path], message: issue.message });
    }
    if (v.returningVisitorId === undefined && (v.phone === undefined || v.phone === '')) {
      ctx.addIssue({ code: 'custom', path: ['phone'], message: 'validation.required' });
    }
  });
export type CheckInInput = z.input<typeof checkInSchema>;
export type CheckIn = z.output<typeof checkInSchema>;

export const serviceDaySchema = z
  .string()
  .regex(SERVICE_DAY_PATTERN, { error: 'validation.dayFormat' });

export const VISIT_STATUSES = ['waiting', 'called', 'in_consultation', 'no_show', 'done'] as const;
export const visitStatusSchema = z.enum(VISIT_STATUSES);
export type VisitStatus = z.infer<typeof visitStatusSchema>;

/** A visit as every station lists it; each station's view adds what it needs. */
const visitSummarySchema = z.object({
  visitId: z.number().int(),
  queueLabel: z.string(),
  fullName: z.string(),
  institution: z.string().nullable(),
  visitorType: storedVisitorTypeSchema.nullable(),
  purpose: z.string(),
  status: visitStatusSchema,
  checkedInAt: z.string(),
  calledAt: z.string().nullable(),
  /** Served before the regular queue (shared/domain/priority.ts); null for everyone else. */
  priority: visitPrioritySchema,
});

/**
 * What reception shows of a visit: the queue's states, and a closed visit told apart by whether
 * anyone served it ('done') or the visitor left before that ('left_unserved').
 */
export const RECEPTION_STATUSES = [...VISIT_STATUSES, 'left_unserved', 'cancelled'] as const;
export const receptionStatusSchema = z.enum(RECEPTION_STATUSES);
export type ReceptionStatus = z.infer<typeof receptionStatusSchema>;
/** States in which a visit is over: no check-out any more. */
export const CLOSED_RECEPTION_STATUSES: readonly ReceptionStatus[] = [
  'done',
  'left_unserved',
  'cancelled',
];

/** Reception's row of the day's list. */
export const visitRowSchema = visitSummarySchema.extend({
  status: receptionStatusSchema,
  checkedOutAt: z.string().nullable(),
  autoClosed: z.boolean(),
});
export type VisitRow = z.infer<typeof visitRowSchema>;

export const visitorSuggestionSchema = z.object({
  visitorId: z.number().int(),
  fullName: z.string(),
  institution: z.string().nullable(),
  visitorType: storedVisitorTypeSchema.nullable(),
  lpse: z.string().nullable(),
  phoneMasked: z.string(),
  emailMasked: z.string().nullable(),
  lastVisitDay: z.string().nullable(),
});
export type VisitorSuggestion = z.infer<typeof visitorSuggestionSchema>;

/** The consultation room's view of a visit in its queue. */
export const queueVisitSchema = visitSummarySchema.extend({
  officerId: z.number().int().nullable(),
  surveyReadyAt: z.string().nullable(),
});
export type QueueVisit = z.infer<typeof queueVisitSchema>;
