import { z } from 'zod';
import { SERVICE_DAY_PATTERN } from '../time';
import { optionalText, requiredText } from './text';

/** A visitor's requests under UU 27/2022: Pasal 7 (access), 6 (correction), 11, 8, 9. */
export const REQUEST_KINDS = [
  'access',
  'correction',
  'restriction',
  'erasure',
  'withdrawal',
] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];
export const REQUEST_CHANNELS = ['in_person', 'email', 'letter', 'phone'] as const;
export const REQUEST_OUTCOMES = ['fulfilled', 'refused', 'not_found'] as const;
export type RequestOutcome = (typeof REQUEST_OUTCOMES)[number];

/** Pasal 30, 32, 40 and 41 give the controller 3 × 24 hours from receipt. */
export const ANSWER_WITHIN_MS = 3 * 24 * 3_600_000;

export type RequestClockState = 'open' | 'open_late' | 'answered' | 'answered_late';

/** Where a request stands against its 3 × 24-hour clock; exactly 72 hours is still on time. */
export function requestClock(
  dueAt: string,
  answeredAt: string | null,
  now: Date,
): { state: RequestClockState; remainingMs: number } {
  const due = Date.parse(dueAt);
  const end = answeredAt === null ? now.getTime() : Date.parse(answeredAt);
  const late = end > due;
  if (answeredAt === null) return { state: late ? 'open_late' : 'open', remainingMs: due - end };
  return { state: late ? 'answered_late' : 'answered', remainingMs: due - end };
}

export const registerRequestSchema = z.object({
  kind: z.enum(REQUEST_KINDS, { error: 'validation.invalid' }),
  requesterName: requiredText(120),
  requesterContact: optionalText(160),
  channel: z.enum(REQUEST_CHANNELS, { error: 'validation.invalid' }),
  /** When the request reached LKPP (a letter may arrive before it is registered); default now. */
  receivedAt: z.iso.datetime({ error: 'validation.invalid' }).optional(),
  detail: optionalText(2000),
  visitorId: z.number().int().positive().optional(),
});
export type RegisterRequestInput = z.input<typeof registerRequestSchema>;

export const privacyRequestSchema = z.object({
  id: z.number().int(),
  kind: z.enum(REQUEST_KINDS),
  requesterName: z.string(),
  requesterContact: z.string().nullable(),
  channel: z.enum(REQUEST_CHANNELS),
  detail: z.string().nullable(),
  visitorId: z.number().int().nullable(),
  /** The linked person's current name, for the register's list. */
  visitorName: z.string().nullable(),
  receivedAt: z.string(),
  dueAt: z.string(),
  registeredBy: z.string(),
  answeredAt: z.string().nullable(),
  answeredBy: z.string().nullable(),
  outcome: z.enum(REQUEST_OUTCOMES).nullable(),
  answer: z.string().nullable(),
  clock: z.enum(['open', 'open_late', 'answered', 'answered_late']),
});
export type PrivacyRequest = z.infer<typeof privacyRequestSchema>;

export const answerRequestSchema = z.object({
  requestId: z.number().int().positive(),
  outcome: z.enum(REQUEST_OUTCOMES, { error: 'validation.invalid' }),
  answer: requiredText(2000),
});

/** What a correction may change; every field left out keeps its value. */
export const personCorrectionSchema = z.object({
  fullName: requiredText(120).optional(),
  phone: z.string().trim().max(40).optional(),
  email: z.string().trim().max(254).optional(),
  institution: optionalText(160),
});

const noteSchema = z.object({ at: z.string(), author: z.string(), text: z.string() });

/** Everything Loket holds about one person (Pasal 7: access and a copy, with the trail). */
export const personRecordSchema = z.object({
  visitor: z.object({
    id: z.number().int(),
    fullName: z.string(),
    phone: z.string(),
    email: z.string().nullable(),
    institution: z.string().nullable(),
    visitorType: z.string().nullable(),
    lpse: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  }),
  restricted: z.object({ at: z.string(), by: z.string() }).nullable(),
  visits: z.array(
    z.object({
      id: z.number().int(),
      serviceDay: z.string(),
      queueLabel: z.string(),
      purpose: z.string(),
      fullName: z.string(),
      phone: z.string(),
      email: z.string().nullable(),
      institution: z.string().nullable(),
      lpse: z.string().nullable(),
      status: z.string(),
      checkedInAt: z.string(),
      checkedOutAt: z.string().nullable(),
      officer: z.string().nullable(),
      /** The notice given at this visit (or, before notices, the consent statement agreed to). */
      notice: z.object({
        version: z.string(),
        kind: z.enum(['notice', 'consent']),
        delivery: z.string().nullable(),
        at: z.string(),
      }),
      contactConsent: z.object({ version: z.string(), at: z.string() }).nullable(),
    }),
  ),
  cases: z.array(
    z.object({
      id: z.number().int(),
      caseCode: z.string(),
      visitId: z.number().int(),
      status: z.string(),
      reporterName: z.string(),
      reporterPhone: z.string(),
      reporterEmail: z.string().nullable(),
      reporterInstitution: z.string().nullable(),
      spseUserId: z.string().nullable(),
      packageCode: z.string().nullable(),
      application: z.string().nullable(),
      category: z.string().nullable(),
      description: z.string().nullable(),
      solution: z.string().nullable(),
      createdAt: z.string(),
      escalatedAt: z.string().nullable(),
      ticket: z.string().nullable(),
      documents: z.array(
        z.object({
          name: z.string(),
          kind: z.string(),
          mime: z.string(),
          size: z.number().int(),
          addedAt: z.string(),
        }),
      ),
      notes: z.array(noteSchema),
      confirmations: z.array(
        z.object({
          channel: z.string(),
          confirmedAt: z.string(),
          outcome: z.string(),
          note: z.string().nullable(),
        }),
      ),
      /** What was sent or waits to be sent to the helpdesk, by state. */
      helpdesk: z.array(z.object({ operation: z.string(), state: z.string(), at: z.string() })),
    }),
  ),
  /** The processing trail: every recorded change of their records, and who viewed them. */
  trail: z.array(
    z.object({
      at: z.string(),
      actor: z.string().nullable(),
      action: z.string(),
      entity: z.string(),
      entityId: z.string().nullable(),
    }),
  ),
  requests: z.array(
    z.object({
      id: z.number().int(),
      kind: z.string(),
      receivedAt: z.string(),
      outcome: z.string().nullable(),
    }),
  ),
  generatedAt: z.string(),
});
export type PersonRecord = z.infer<typeof personRecordSchema>;

export const breachExportSchema = z
  .object({
    from: z.string().regex(SERVICE_DAY_PATTERN, { error: 'validation.dayFormat' }),
    to: z.string().regex(SERVICE_DAY_PATTERN, { error: 'validation.dayFormat' }),
    /** Only the people whose details were viewed through this paired station. */
    stationId: z.number().int().positive().optional(),
    format: z.enum(['csv', 'json']),
  })
  .refine((v) => v.from <= v.to, { path: ['to'], error: 'validation.periodOrder' });
