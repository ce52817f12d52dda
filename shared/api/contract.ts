import { z } from 'zod';
import type { Role, WindowKind } from '../domain/roles';
import { roleSchema } from '../domain/roles';
import {
  changeOwnPinSchema,
  firstAdminSchema,
  loginSchema,
  newStaffSchema,
  pinSchema,
  staffSchema,
} from '../domain/staff';
import {
  checkInSchema,
  serviceDaySchema,
  visitRowSchema,
  visitorSuggestionSchema,
} from '../domain/visit';
import { visitorTypeSchema } from '../domain/visitor-types';
import { exportedFileSchema } from '../domain/exported-file';
import {
  ATTACHMENT_SOURCES,
  caseFormSchema,
  caseViewSchema,
  DOCUMENT_KINDS,
  noteTextSchema,
} from '../domain/case';
import { queueVisitSchema } from '../domain/visit';
import { requiredText } from '../domain/text';
import { SURVEY_STATUSES, surveySubmissionSchema } from '../domain/survey';
import { ikmReportSchema, reportPeriodSchema } from '../domain/ikm-report';
import { SCANNER_FAULTS } from '../domain/scanner';
import { PAUSE_REASONS } from '../domain/sla';
import { TICKET_PHASES } from '../domain/ticket-phase';
import { helpdeskSettingsInputSchema, helpdeskSettingsSchema } from '../domain/helpdesk-settings';

/**
 * Who may call a method: 'public' needs no login (first-run setup, login), 'staff' any
 * logged-in staff member, 'survey_display' the visitor-facing survey screen an officer opened,
 * otherwise a staff member with one of the listed roles.
 */
export type Access = 'public' | 'staff' | 'survey_display' | readonly Role[];

export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  access: Access;
  windows: readonly WindowKind[];
  /** Called by a screen on a timer, not by a user's action: it does not keep a session alive. */
  poll?: boolean;
}

function method<I extends z.ZodType, O extends z.ZodType>(
  spec: MethodSpec<I, O>,
): MethodSpec<I, O> {
  return spec;
}

const STAFF_WINDOW = ['staff'] as const;
const scannerDevice = z.string().min(1).max(200);
/** The visitor-facing survey screen may call these and nothing else. */
const SURVEY_WINDOW = ['survey'] as const;
const empty = z.object({}).strict();
const followUpItemSchema = z.object({
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
const id = z.number().int().positive();
const OFFICER = ['officer'] as const;

function visitAction() {
  return method({
    input: z.object({ visitId: id }),
    output: queueVisitSchema,
    access: OFFICER,
    windows: STAFF_WINDOW,
  });
}
const ok = z.object({ ok: z.literal(true) });

export const contract = {
  'setup.status': method({
    input: empty,
    output: z.object({ needsFirstAdmin: z.boolean() }),
    access: 'public',
    windows: STAFF_WINDOW,
  }),
  'setup.createFirstAdmin': method({
    input: firstAdminSchema,
    output: staffSchema,
    access: 'public',
    windows: STAFF_WINDOW,
  }),
  'auth.login': method({
    input: loginSchema,
    output: z.object({ sessionToken: z.string(), staff: staffSchema }),
    access: 'public',
    windows: STAFF_WINDOW,
  }),
  'auth.logout': method({ input: empty, output: ok, access: 'staff', windows: STAFF_WINDOW }),
  'auth.me': method({ input: empty, output: staffSchema, access: 'staff', windows: STAFF_WINDOW }),
  'auth.changePin': method({
    input: changeOwnPinSchema,
    output: ok,
    access: 'staff',
    windows: STAFF_WINDOW,
  }),
  'staff.list': method({
    input: empty,
    output: z.array(staffSchema),
    access: ['admin'],
    windows: STAFF_WINDOW,
  }),
  'staff.create': method({
    input: newStaffSchema,
    output: staffSchema,
    access: ['admin'],
    windows: STAFF_WINDOW,
  }),
  'staff.setActive': method({
    input: z.object({ staffId: z.number().int().positive(), active: z.boolean() }),
    output: staffSchema,
    access: ['admin'],
    windows: STAFF_WINDOW,
  }),
  'staff.resetPin': method({
    input: z.object({ staffId: z.number().int().positive(), pin: pinSchema }),
    output: staffSchema,
    access: ['admin'],
    windows: STAFF_WINDOW,
  }),
  'staff.unlock': method({
    input: z.object({ staffId: z.number().int().positive() }),
    output: staffSchema,
    access: ['admin'],
    windows: STAFF_WINDOW,
  }),
  'reference.lpseSuggestions': method({
    input: empty,
    output: z.array(z.string()),
    access: ['receptionist', 'officer', 'supervisor'],
    windows: STAFF_WINDOW,
  }),
  'visitor.search': method({
    input: z.object({ query: z.string().max(100) }),
    output: z.array(visitorSuggestionSchema),
    access: ['receptionist'],
    windows: STAFF_WINDOW,
  }),
  'visit.checkIn': method({
    input: checkInSchema,
    output: z.object({
      visitId: z.number().int(),
      visitorId: z.number().int(),
      queueLabel: z.string(),
      serviceDay: z.string(),
      checkedInAt: z.string(),
    }),
    access: ['receptionist'],
    windows: STAFF_WINDOW,
  }),
  'visit.listForDay': method({
    input: z.object({ day: serviceDaySchema.optional() }),
    output: z.object({ day: z.string(), visits: z.array(visitRowSchema) }),
    access: ['receptionist', 'officer', 'supervisor'],
    windows: STAFF_WINDOW,
    poll: true,
  }),
  'visit.checkOut': method({
    input: z.object({ visitId: z.number().int().positive() }),
    output: visitRowSchema,
    access: ['receptionist'],
    windows: STAFF_WINDOW,
  }),
  'register.export': method({
    input: z.object({ day: serviceDaySchema.optional(), format: z.enum(['csv', 'xlsx']) }),
    output: exportedFileSchema,
    access: ['receptionist', 'supervisor'],
    windows: STAFF_WINDOW,
  }),
  'queue.overview': method({
    input: empty,
    output: z.object({
      day: z.string(),
      waiting: z.array(queueVisitSchema),
      mine: z.array(queueVisitSchema),
    }),
    access: OFFICER,
    windows: STAFF_WINDOW,
    poll: true,
  }),
  'queue.callNext': method({
    input: empty,
    output: queueVisitSchema.nullable(),
    access: OFFICER,
    windows: STAFF_WINDOW,
  }),
  'queue.start': visitAction(),
  'queue.noShow': visitAction(),
  'queue.returnToQueue': visitAction(),
  'queue.end': visitAction(),
  'queue.surveyReady': visitAction(),
  /** A supervisor takes over a visitor another officer called or is serving, with its drafts. */
  'queue.takeOver': method({
    input: z.object({ visitId: id }),
    output: queueVisitSchema,
    access: ['supervisor'],
    windows: STAFF_WINDOW,
  }),
  'case.takeOver': method({
    input: z.object({ caseId: id }),
    output: caseViewSchema,
    access: ['supervisor'],
    windows: STAFF_WINDOW,
  }),
  'case.create': method({
    input: z.object({ visitId: id }),
    output: caseViewSchema,
    access: OFFICER,
    windows: STAFF_WINDOW,
  }),
  'case.get': method({
    input: z.object({ caseId: id }),
    output: caseViewSchema,
    access: ['officer', 'supervisor'],
    windows: STAFF_WINDOW,
  }),
  'case.forVisit': method({
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
  }),
  'case.solve': method({
    /** `form`: the form as the screen shows it, saved with the close so no keystroke is lost. */
    input: z.object({ caseId: id, solution: requiredText(5000), form: caseFormSchema.optional() }),
    output: caseViewSchema,
    access: OFFICER,
    windows: STAFF_WINDOW,
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
  }),
  'case.attachUpload': method({
    input: z.object({
      caseId: id,
      uploadId: z.string().regex(/^[0-9a-f]{32}$/, { error: 'validation.invalid' }),
      originalName: z.string().max(1000),
      kind: z.enum(DOCUMENT_KINDS),
      source: z.enum(ATTACHMENT_SOURCES),
    }),
    output: caseViewSchema,
    access: OFFICER,
    windows: STAFF_WINDOW,
  }),
  'case.changeAttachment': method({
    input: z.object({
      caseId: id,
      attachmentId: id,
      change: z.union([
        z.object({ kind: z.enum(DOCUMENT_KINDS) }).strict(),
        z.object({ remove: z.literal(true) }).strict(),
      ]),
    }),
    output: caseViewSchema,
    access: OFFICER,
    windows: STAFF_WINDOW,
  }),
  'attachment.preview': method({
    input: z.object({ caseId: id, attachmentId: id }),
    output: z.union([
      z.object({ kind: z.literal('image'), mime: z.string(), base64: z.string() }),
      z.object({ kind: z.literal('pdf'), pages: z.number().int(), base64: z.string() }),
    ]),
    access: ['officer', 'supervisor'],
    windows: STAFF_WINDOW,
  }),
  'scanner.devices': method({
    input: empty,
    output: z.array(
      z.object({ name: z.string(), vendor: z.string(), model: z.string(), type: z.string() }),
    ),
    access: OFFICER,
    windows: STAFF_WINDOW,
  }),
  'scanner.capabilities': method({
    input: z.object({ device: scannerDevice }),
    output: z.object({
      modes: z.array(z.string()),
      preferredMode: z.string().nullable(),
      sources: z.array(z.enum(['flatbed', 'feeder'])),
      resolutions: z.array(z.number().int()),
    }),
    access: OFFICER,
    windows: STAFF_WINDOW,
  }),
  'scanner.openSession': method({
    input: z.object({ resolution: z.number().int().min(75).max(600) }),
    output: z.object({ sessionId: z.string() }),
    access: OFFICER,
    windows: STAFF_WINDOW,
  }),
  'scanner.scan': method({
    input: z.object({
      device: scannerDevice,
      /** One of the device's own mode names, from scanner.capabilities. */
      mode: z.string().regex(/^[\p{L}\p{N} ._&+-]{1,40}$/u, { error: 'validation.invalid' }),
      resolution: z.number().int().min(75).max(600),
      source: z.enum(['flatbed', 'feeder']),
      sessionId: z
        .string()
        .regex(/^[0-9a-f]{24}$/)
        .optional(),
    }),
    output: z.object({
      sessionId: z.string(),
      pages: z.number().int(),
      fault: z.enum(SCANNER_FAULTS).nullable(),
    }),
    access: OFFICER,
    windows: STAFF_WINDOW,
  }),
  'scanner.progress': method({
    input: z.object({ sessionId: z.string().regex(/^[0-9a-f]{24}$/) }),
    output: z.object({
      pages: z.number().int(),
      percent: z.number().nullable(),
      busy: z.boolean(),
    }),
    access: OFFICER,
    windows: STAFF_WINDOW,
    poll: true,
  }),
  'scanner.attach': method({
    input: z.object({
      sessionId: z.string().regex(/^[0-9a-f]{24}$/),
      caseId: id,
      kind: z.enum(DOCUMENT_KINDS),
    }),
    output: caseViewSchema,
    access: OFFICER,
    windows: STAFF_WINDOW,
  }),
  'scanner.discard': method({
    input: z.object({ sessionId: z.string().regex(/^[0-9a-f]{24}$/) }),
    output: ok,
    access: OFFICER,
    windows: STAFF_WINDOW,
  }),
  'folder.offers': method({
    input: empty,
    output: z.array(
      z.object({ id: z.string(), name: z.string(), size: z.number().int(), seenAt: z.string() }),
    ),
    access: OFFICER,
    windows: STAFF_WINDOW,
    poll: true,
  }),
  'folder.attach': method({
    input: z.object({
      offerId: z.string().regex(/^[0-9a-f]{24}$/),
      caseId: id,
      kind: z.enum(DOCUMENT_KINDS),
    }),
    output: caseViewSchema,
    access: OFFICER,
    windows: STAFF_WINDOW,
  }),
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
  }),
  'storage.status': method({
    input: empty,
    output: z.object({
      /** Found damaged while running: read-only until restored from a backup. */
      damaged: z.boolean(),
      freeBytes: z.number().nullable(),
      lowDisk: z.boolean(),
    }),
    access: 'staff',
    windows: STAFF_WINDOW,
    poll: true,
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
  }),
  'case.pause': method({
    input: z.object({ caseId: id, reason: z.enum(PAUSE_REASONS) }),
    output: ok,
    access: OFFICER,
    windows: STAFF_WINDOW,
  }),
  'case.resume': method({
    input: z.object({ caseId: id }),
    output: ok,
    access: OFFICER,
    windows: STAFF_WINDOW,
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
  }),
  'survey.openDisplay': method({
    input: empty,
    output: z.object({ displayToken: z.string() }),
    access: OFFICER,
    windows: STAFF_WINDOW,
  }),
  'survey.statusForVisit': method({
    input: z.object({ visitId: id }),
    output: z.object({
      status: z.enum(SURVEY_STATUSES),
      /** For a waiting survey: how many of the officer's surveys were handed over before it. */
      ahead: z.number().int().nonnegative().optional(),
    }),
    access: OFFICER,
    windows: STAFF_WINDOW,
    poll: true,
  }),
  'survey.alerts': method({
    input: empty,
    output: z.array(z.object({ at: z.string() })),
    access: OFFICER,
    windows: STAFF_WINDOW,
    poll: true,
  }),
  'survey.current': method({
    input: empty,
    output: z.object({
      state: z.enum(['idle', 'ready']),
      /** The surveys handed over and not yet answered, oldest first, each by its queue number. */
      pending: z.array(z.object({ ticket: z.string(), queueLabel: z.string() })),
      /** After this long without a touch the screen asks "still there?" and then resets. */
      idleSeconds: z.number().int().positive(),
    }),
    access: 'survey_display',
    windows: SURVEY_WINDOW,
    poll: true,
  }),
  'survey.start': method({
    input: z.object({ ticket: z.string().min(1).max(100) }),
    output: ok,
    access: 'survey_display',
    windows: SURVEY_WINDOW,
  }),
  'survey.submit': method({
    input: surveySubmissionSchema,
    output: ok,
    access: 'survey_display',
    windows: SURVEY_WINDOW,
  }),
  'survey.callOfficer': method({
    input: empty,
    output: ok,
    access: 'survey_display',
    windows: SURVEY_WINDOW,
  }),
  'report.ikm': method({
    input: reportPeriodSchema,
    output: ikmReportSchema,
    access: ['supervisor'],
    windows: STAFF_WINDOW,
  }),
  'report.ikmExport': method({
    input: reportPeriodSchema.and(z.object({ format: z.enum(['pdf', 'xlsx']) })),
    output: exportedFileSchema,
    access: ['supervisor'],
    windows: STAFF_WINDOW,
  }),
} as const satisfies Record<string, MethodSpec>;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;

export const METHOD_NAMES = Object.keys(contract) as MethodName[];

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(contract, name);
}

/** The methods a window of this kind may call at all (checked before roles). */
export function methodsForWindow(kind: WindowKind): MethodName[] {
  return METHOD_NAMES.filter((m) => (contract[m].windows as readonly WindowKind[]).includes(kind));
}

export const visitorTypeOptions = visitorTypeSchema.options;
export const roleOptions = roleSchema.options;
