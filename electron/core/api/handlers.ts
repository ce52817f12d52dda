import type { AuditLog } from '../audit';
import type { CaseService } from '../consultation/cases';
import type { OfficerQueue } from '../consultation/officer-queue';
import type { SurveyService } from '../survey/survey-service';
import type { IkmReporter } from '../reports/ikm-report';
import { ikmPdf, ikmXlsx } from '../reports/ikm-export';
import type { Db } from '../db/open-database';
import type { StorageGuard } from '../db/storage-guard';
import type { AttachmentStore } from '../attachments/attachment-store';
import type { UploadStaging } from '../attachments/upload-staging';
import { cleanOriginalName } from '../attachments/original-name';
import { previewAttachment } from '../attachments/attachment-preview';
import { AppError } from '../errors';
import type { SaneScanner } from '../scanner/sane-scanner';
import type { ScanSessions } from '../scanner/scan-sessions';
import { attachScan } from '../scanner/scan-to-document';
import type { FolderWatch } from '../attachments/folder-watch';
import type { HelpdeskConfig } from '../settings/helpdesk-settings';
import type { OutboxStore } from '../sync/outbox-store';
import type { SyncWorker } from '../sync/sync-worker';
import type { FollowUp } from '../sync/follow-up';
import type { StaffService } from '../auth/staff-service';
import type { SessionStore } from '../auth/sessions';
import type { RegisterExporter } from '../reception/register-export';
import type { VisitorSearch } from '../reception/visitors';
import type { VisitService } from '../reception/visits';
import type { Caller, Handlers } from './dispatcher';

export interface Services {
  audit: AuditLog;
  staff: StaffService;
  sessions: SessionStore;
  visitors: VisitorSearch;
  visits: VisitService;
  register: RegisterExporter;
  queue: OfficerQueue;
  cases: CaseService;
  survey: SurveyService;
  surveyIdleSeconds: number;
  ikm: IkmReporter;
  db: Db;
  storage: StorageGuard;
  attachments: AttachmentStore;
  uploads: UploadStaging;
  maxCaseBytes: number;
  scanner: SaneScanner;
  scans: ScanSessions;
  folder: FolderWatch | null;
  helpdesk: HelpdeskConfig;
  outbox: OutboxStore;
  sync: SyncWorker;
  followUp: FollowUp;
  now: () => Date;
}

/** Every non-public method runs with a logged-in caller; this narrows that for the type checker. */
function actor(caller: Caller): number {
  if (caller.staffId === null) throw new Error('a staff method was dispatched without a session');
  return caller.staffId;
}

export function createHandlers(s: Services): Handlers {
  return {
    'setup.status': () => ({ needsFirstAdmin: s.staff.needsFirstAdmin() }),
    'setup.createFirstAdmin': (input) => s.staff.createFirstAdmin(input),
    'auth.login': (input) => s.staff.login(input.username, input.pin),
    'auth.logout': (_input, caller) => {
      if (caller.sessionToken) s.sessions.end(caller.sessionToken);
      return { ok: true };
    },
    'auth.me': (_input, caller) => s.staff.get(actor(caller)),
    'auth.changePin': async (input, caller) => {
      await s.staff.changeOwnPin(
        actor(caller),
        caller.sessionToken,
        input.currentPin,
        input.newPin,
      );
      return { ok: true };
    },
    'staff.list': () => s.staff.list(),
    'staff.create': (input, caller) => s.staff.create(actor(caller), input),
    'staff.setActive': (input, caller) =>
      s.staff.setActive(actor(caller), input.staffId, input.active),
    'staff.resetPin': (input, caller) => s.staff.resetPin(actor(caller), input.staffId, input.pin),
    'staff.unlock': (input, caller) => s.staff.unlock(actor(caller), input.staffId),
    'reference.lpseSuggestions': () => s.visits.lpseSuggestions(),
    'visitor.search': (input) => s.visitors.find(input.query),
    'visit.checkIn': (input, caller) => s.visits.checkIn(actor(caller), input),
    // Read-only, as every poll of every screen runs it: housekeeping closes stale visits.
    'visit.listForDay': (input) => {
      const day = input.day ?? s.visits.today();
      return { day, visits: s.visits.listForDay(day) };
    },
    'visit.checkOut': (input, caller) => s.visits.checkOut(actor(caller), input.visitId),
    'register.export': async (input, caller) => {
      const day = input.day ?? s.visits.today();
      const file =
        input.format === 'csv'
          ? s.register.csv(day, caller.locale)
          : await s.register.xlsx(day, caller.locale);
      // The register holds visitors' contact details: who took a copy is part of the record.
      s.audit.record({
        actorId: actor(caller),
        action: 'register.export',
        entity: 'register',
        entityId: day,
        detail: { format: input.format },
      });
      return file;
    },
    'queue.overview': (_input, caller) => {
      const day = s.visits.today();
      return { day, waiting: s.queue.waiting(day), mine: s.queue.mine(actor(caller), day) };
    },
    'queue.callNext': (_input, caller) => s.queue.callNext(actor(caller), s.visits.today()),
    'queue.start': (input, caller) => s.queue.move(actor(caller), input.visitId, 'start'),
    'queue.noShow': (input, caller) => s.queue.move(actor(caller), input.visitId, 'noShow'),
    'queue.returnToQueue': (input, caller) =>
      s.queue.move(actor(caller), input.visitId, 'returnToQueue'),
    'queue.end': (input, caller) => s.queue.move(actor(caller), input.visitId, 'end'),
    'queue.surveyReady': (input, caller) => s.queue.markSurveyReady(actor(caller), input.visitId),
    'queue.takeOver': (input, caller) =>
      s.db
        .transaction(() => {
          const visit = s.queue.takeOver(actor(caller), input.visitId);
          s.cases.takeOverDraftsOfVisit(actor(caller), input.visitId);
          return visit;
        })
        .immediate(),
    'case.takeOver': (input, caller) => s.cases.takeOver(actor(caller), input.caseId),
    'case.create': (input, caller) => s.cases.create(actor(caller), input.visitId),
    'case.get': (input) => s.cases.get(input.caseId),
    'case.forVisit': (input) => s.cases.forVisit(input.visitId),
    'case.drafts': (_input, caller) => s.cases.drafts(actor(caller)),
    'case.saveDraft': (input, caller) => s.cases.saveDraft(actor(caller), input.caseId, input.form),
    'case.addNote': (input, caller) =>
      s.cases.addNote(
        actor(caller),
        input.caseId,
        input.text,
        input.correctsNoteId,
        input.clientKey,
      ),
    'case.solve': (input, caller) =>
      s.cases.solve(actor(caller), input.caseId, input.solution, input.form),
    'case.escalate': (input, caller) => {
      const view = s.cases.escalate(
        actor(caller),
        input.caseId,
        input.missingDocumentsReason,
        input.form,
      );
      // Committed first; delivery starts now rather than at the worker's next tick.
      void s.sync.runOnce();
      return view;
    },
    'case.attachUpload': async (input, caller) => {
      const owner = String(actor(caller));
      // The staged file goes once it is used or refused, whatever the refusal.
      try {
        const originalName = cleanOriginalName(input.originalName);
        if (originalName === null) {
          throw new AppError('ATTACHMENT_NAME_INVALID', {
            fields: { originalName: 'validation.invalid' },
          });
        }
        s.cases.assertOwnDraft(actor(caller), input.caseId); // refused before any bytes move
        const stored = await s.attachments.put({ path: s.uploads.pathOf(input.uploadId, owner) });
        return s.cases.attach(
          actor(caller),
          input.caseId,
          stored,
          { originalName, kind: input.kind, source: input.source },
          s.maxCaseBytes,
        );
      } finally {
        await s.uploads.discard(input.uploadId, owner);
      }
    },
    'case.changeAttachment': (input, caller) =>
      s.cases.changeAttachment(actor(caller), input.caseId, input.attachmentId, input.change),
    'attachment.preview': (input) =>
      previewAttachment({ cases: s.cases, store: s.attachments }, input.caseId, input.attachmentId),
    'scanner.devices': () => s.scanner.listDevices(),
    'scanner.capabilities': async (input) => {
      const caps = await s.scanner.capabilities(input.device);
      if (!caps) throw new AppError('NOT_FOUND');
      return {
        modes: caps.modes,
        preferredMode: caps.preferredMode,
        sources: caps.sources.map((source) => source.kind),
        resolutions: caps.resolutions,
      };
    },
    // The resolution is kept per page (pages-to-pdf.ts): a session may mix them.
    'scanner.openSession': (_input, caller) => ({ sessionId: s.scans.open(actor(caller)) }),
    'scanner.scan': async (input, caller) => {
      const caps = await s.scanner.capabilities(input.device);
      if (caps && caps.modes.length > 0 && !caps.modes.includes(input.mode)) {
        throw new AppError('VALIDATION', { fields: { mode: 'validation.invalid' } });
      }
      return s.scans.scan(
        actor(caller),
        {
          device: input.device,
          mode: input.mode,
          resolution: input.resolution,
          source: input.source,
        },
        input.sessionId,
      );
    },
    'scanner.progress': (input, caller) => s.scans.progress(actor(caller), input.sessionId),
    'scanner.attach': (input, caller) =>
      attachScan(
        {
          cases: s.cases,
          scans: s.scans,
          attachments: s.attachments,
          now: s.now,
          maxCaseBytes: s.maxCaseBytes,
        },
        actor(caller),
        input,
      ),
    'scanner.discard': (input, caller) => {
      s.scans.discard(actor(caller), input.sessionId);
      return { ok: true };
    },
    'folder.offers': () =>
      (s.folder?.list() ?? []).map(({ id, name, size, seenAt }) => ({ id, name, size, seenAt })),
    'folder.attach': async (input, caller) => {
      const offer = s.folder?.get(input.offerId);
      if (!offer) throw new AppError('NOT_FOUND');
      const originalName = cleanOriginalName(offer.name);
      if (originalName === null) throw new AppError('ATTACHMENT_NAME_INVALID');
      s.cases.assertOwnDraft(actor(caller), input.caseId);
      const stored = await s.attachments.put({ path: offer.path });
      const view = s.cases.attach(
        actor(caller),
        input.caseId,
        stored,
        { originalName, kind: input.kind, source: 'folder' },
        s.maxCaseBytes,
      );
      s.folder?.take(input.offerId);
      return view;
    },
    'helpdesk.getSettings': () => s.helpdesk.get(),
    'helpdesk.saveSettings': (input, caller) => {
      const saved = s.helpdesk.save(input);
      s.audit.record({
        actorId: actor(caller),
        action: 'helpdesk.settings',
        entity: 'settings',
        entityId: 'helpdesk',
        detail: {
          kind: input.kind,
          url: input.url,
          ...(input.kind === 'rt' && { queue: input.queue, username: input.username }),
          secretChanged: input.secret !== undefined,
        },
      });
      s.sync.unblock();
      // Cases parked because the helpdesk was half set up are sent once the new setup passes.
      const connector = s.helpdesk.connector();
      if (connector) s.sync.checkSetupSoon(connector, actor(caller));
      return saved;
    },
    'helpdesk.checkSetup': async (_input, caller) => {
      const connector = s.helpdesk.connector();
      if (connector) return { problems: await s.sync.checkSetup(connector, actor(caller)) };
      return { problems: [{ code: s.helpdesk.setupProblem() ?? 'not_configured' }] };
    },
    'outbox.list': () =>
      s.outbox.list().map((e) => {
        const last = e.lastError
          ? (JSON.parse(e.lastError) as { kind?: string; detail?: string })
          : null;
        return {
          id: e.id,
          caseCode: e.caseCode,
          operation: e.operation,
          state: e.state,
          attempts: e.attempts,
          createdAt: e.createdAt,
          nextAttemptAt: e.nextAttemptAt,
          lastErrorKind: last ? (last.kind ?? 'protocol') : null,
          lastErrorDetail: last?.detail ?? null,
        };
      }),
    'outbox.retryNow': (input, caller) => {
      if (!s.outbox.retryNow(input.outboxId, s.now().toISOString()))
        throw new AppError('NOT_FOUND');
      s.audit.record({
        actorId: actor(caller),
        action: 'outbox.retryNow',
        entity: 'outbox',
        entityId: input.outboxId,
      });
      s.sync.unblock();
      void s.sync.runOnce();
      return { ok: true };
    },
    'storage.status': () => s.storage.status(),
    'sync.status': () => {
      const waiting = s.outbox.waiting();
      return {
        configured: s.helpdesk.connector() !== null,
        setupProblem: s.helpdesk.setupProblem(),
        blockedByCredentials: s.sync.health.blockedByCredentials,
        lastSuccessAt: s.sync.health.lastSuccessAt,
        lastErrorKind: s.sync.health.lastErrorKind,
        unreachableSince: s.sync.health.unreachableSince,
        oldestWaitingSince: waiting.oldestSince,
        waitingCount: waiting.count,
        parkedForSetup: waiting.parkedForSetup,
        lateAfterMinutes: s.helpdesk.get().lateAfterMinutes,
      };
    },
    'followup.list': (input, caller) =>
      s.followUp.list(input.all && caller.roles.includes('supervisor') ? undefined : actor(caller)),
    'followup.refresh': async () => {
      const connector = s.helpdesk.connector();
      if (!connector) throw new AppError('HELPDESK_NOT_CONFIGURED');
      return s.followUp.pollStatuses(connector);
    },
    'case.pause': (input, caller) => {
      s.followUp.pause(actor(caller), input.caseId, input.reason);
      return { ok: true };
    },
    'case.resume': (input, caller) => {
      s.followUp.resume(actor(caller), input.caseId);
      return { ok: true };
    },
    'case.confirm': (input, caller) => {
      s.followUp.confirm(actor(caller), input.caseId, input);
      void s.sync.runOnce();
      return { ok: true };
    },
    'survey.openDisplay': (_input, caller) =>
      s.survey.openDisplay(actor(caller), caller.sessionToken),
    'survey.statusForVisit': (input) => s.survey.statusForVisit(input.visitId),
    'survey.alerts': (_input, caller) =>
      s.survey.takeAlerts(actor(caller)).map((a) => ({ at: a.at })),
    // A survey display's session carries the officer who opened it, never a visitor.
    'survey.current': (_input, caller) => ({
      ...s.survey.current(actor(caller)),
      idleSeconds: s.surveyIdleSeconds,
    }),
    'survey.start': (input, caller) => {
      s.survey.started(actor(caller), input.ticket);
      return { ok: true };
    },
    'survey.submit': (input, caller) => {
      s.survey.submit(actor(caller), input);
      return { ok: true };
    },
    'survey.callOfficer': (_input, caller) => {
      s.survey.callOfficer(actor(caller));
      return { ok: true };
    },
    'report.ikm': (input) => s.ikm.report(input.from, input.to),
    'report.ikmExport': async (input, caller) => {
      const report = s.ikm.report(input.from, input.to);
      const file =
        input.format === 'pdf'
          ? await ikmPdf(report, caller.locale)
          : await ikmXlsx(s.db, report, caller.locale);
      s.audit.record({
        actorId: actor(caller),
        action: 'report.ikmExport',
        entity: 'report',
        entityId: `${input.from}..${input.to}`,
        detail: { format: input.format },
      });
      return file;
    },
  };
}
