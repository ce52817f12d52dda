import { mkdirSync } from 'node:fs';
import type { Readable } from 'node:stream';
import {
  AttachmentStore,
  DEFAULT_MAX_CASE_BYTES,
  DEFAULT_MAX_FILE_BYTES,
} from './attachments/attachment-store';
import { UploadStaging } from './attachments/upload-staging';
import { SaneScanner, type SaneScannerOptions } from './scanner/sane-scanner';
import { FolderWatch } from './attachments/folder-watch';
import { HelpdeskConfig } from './settings/helpdesk-settings';
import { FileSecretStore, type SecretStore } from './settings/secret-store';
import { BackendLinks } from './sync/backend-links';
import { OutboxStore } from './sync/outbox-store';
import { SyncWorker } from './sync/sync-worker';
import { FollowUp } from './sync/follow-up';
import { ScanSessions } from './scanner/scan-sessions';
import { AppError } from './errors';
import { join } from 'node:path';
import { createDispatcher, type Dispatch } from './api/dispatcher';
import { createHandlers } from './api/handlers';
import { AuditLog } from './audit';
import { SessionStore } from './auth/sessions';
import { StaffService } from './auth/staff-service';
import { openDatabase, type Db } from './db/open-database';
import { RegisterExporter } from './reception/register-export';
import { VisitorSearch } from './reception/visitors';
import { VisitService } from './reception/visits';
import { RetentionJob } from './privacy/retention';
import { CaseService } from './consultation/cases';
import { OfficerQueue } from './consultation/officer-queue';
import { SurveyService } from './survey/survey-service';
import { IkmReporter } from './reports/ikm-report';

export interface CoreOptions {
  dataDir: string;
  now?: () => Date;
  /** Staff are logged out after this long without a user action (default 8 h)... */
  sessionIdleMs?: number;
  /** ... and this long after login at the latest (default 12 h)... */
  sessionMaxMs?: number;
  /** ... and at the end of the WIB service day (default true; tests that jump days turn it off). */
  sessionsEndAtServiceDayEnd?: boolean;
  logError?: (err: unknown) => void;
  /** Seconds without a touch before the survey screen resets itself (default 60). */
  surveyIdleSeconds?: number;
  /** Caps on supporting documents (defaults 10 MB per file, 50 MB per case). */
  maxFileBytes?: number;
  maxCaseBytes?: number;
  /** The desk scanner: scanimage and its environment, and (tests) extra options per page. */
  scanner?: SaneScannerOptions & { extraArgsForPage?: (page: number) => readonly string[] };
  /** The "scan to folder" folder office scanners drop files into, if the desk has one. */
  scanFolder?: string;
  /** How long a file in the scan folder must stop growing before it is offered (default 1.5 s). */
  scanFolderStableMs?: number;
  /** Where the backend helpdesk's secret is kept (default: a private file in the data folder). */
  secretStore?: SecretStore;
}

export interface Core {
  dispatch: Dispatch;
  /**
   * Takes the bytes of a file a staff window uploads (HTTP body or IPC buffer) and returns the
   * id a `case.attachUpload` call names; only an officer's session may upload.
   */
  stageUpload(sessionToken: string | undefined, source: Readable | Uint8Array): Promise<string>;
  db: Db;
  visits: VisitService;
  /** Starts delivering the outbox to the backend helpdesk in the background. */
  startSync(intervalMs?: number): void;
  /** Resolves once background services (the scan-folder watch) are listening. */
  ready(): Promise<void>;
  /** Periodic upkeep: closes yesterday's open visits, anonymises data past its retention. */
  housekeeping(): void;
  close(): void;
}

export const DATABASE_FILE = 'loket.sqlite';
const STATUS_POLL_MS = 5 * 60_000;

/** Builds the whole application from a data folder. Plain Node: never imports electron. */
export function createCore(options: CoreOptions): Core {
  mkdirSync(options.dataDir, { recursive: true });
  const now = options.now ?? (() => new Date());
  const logError = options.logError ?? ((err: unknown) => console.error('[loket core]', err));
  const db = openDatabase(join(options.dataDir, DATABASE_FILE));
  const audit = new AuditLog(db, now);
  const sessions = new SessionStore(
    {
      idleMs: options.sessionIdleMs ?? 8 * 60 * 60 * 1000,
      maxMs: options.sessionMaxMs ?? 12 * 60 * 60 * 1000,
      endAtServiceDayEnd: options.sessionsEndAtServiceDayEnd ?? true,
    },
    now,
  );
  const visits = new VisitService(db, audit, now);
  const retention = new RetentionJob(db, audit, now);
  const housekeeping = () => {
    visits.closeStaleVisits();
    retention.run();
  };
  housekeeping();
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const attachments = new AttachmentStore(join(options.dataDir, 'attachments'), maxFileBytes);
  const uploads = new UploadStaging(join(options.dataDir, 'uploads'), maxFileBytes);
  const scanner = new SaneScanner(options.scanner);
  const helpdesk = new HelpdeskConfig(
    db,
    options.secretStore ?? new FileSecretStore(join(options.dataDir, 'secrets', 'helpdesk')),
  );
  const outbox = new OutboxStore(db);
  const cases = new CaseService(db, audit, now);
  const links = new BackendLinks(db);
  let pollTimer: NodeJS.Timeout | undefined;
  const followUp = new FollowUp(db, audit, links, now);
  const sync = new SyncWorker({
    outbox,
    links,
    cases,
    audit,
    connector: () => helpdesk.connector(),
    readAttachment: (sha256) => attachments.read(sha256),
    now,
    logError,
  });
  const folder = options.scanFolder
    ? new FolderWatch(options.scanFolder, options.scanFolderStableMs, now)
    : null;
  const folderReady = folder?.start().catch((err: unknown) => logError(err));
  const handlers = createHandlers({
    scanner,
    scans: new ScanSessions(scanner, options.scanner?.extraArgsForPage),
    folder,
    helpdesk,
    outbox,
    sync,
    followUp,
    now,
    attachments,
    uploads,
    maxCaseBytes: options.maxCaseBytes ?? DEFAULT_MAX_CASE_BYTES,
    audit,
    staff: new StaffService(db, audit, sessions, now),
    sessions,
    visitors: new VisitorSearch(db),
    visits,
    register: new RegisterExporter(db),
    queue: new OfficerQueue(db, audit, now),
    cases,
    survey: new SurveyService(db, audit, sessions, now),
    surveyIdleSeconds: options.surveyIdleSeconds ?? 60,
    ikm: new IkmReporter(db),
    db,
  });
  return {
    dispatch: createDispatcher(handlers, sessions, logError),
    db,
    visits,
    housekeeping,
    stageUpload: async (sessionToken, source) => {
      const session = sessions.touch(sessionToken, { refresh: true });
      if (!session || session.kind !== 'staff') throw new AppError('UNAUTHENTICATED');
      if (!session.roles.includes('officer')) throw new AppError('FORBIDDEN');
      return uploads.stage(source);
    },
    ready: async () => {
      await folderReady;
    },
    startSync: (intervalMs) => {
      sync.start(intervalMs);
      // The backend's answers (resolved, stalled) are read every few minutes, and on demand.
      clearInterval(pollTimer);
      pollTimer = setInterval(() => {
        const connector = helpdesk.connector();
        if (connector) followUp.pollStatuses(connector).catch((err: unknown) => logError(err));
      }, STATUS_POLL_MS);
      pollTimer.unref();
    },
    close: () => {
      clearInterval(pollTimer);
      void sync.stop();
      void folder?.close();
      db.close();
    },
  };
}
