import type { Readable } from 'node:stream';
import {
  AttachmentStore,
  DEFAULT_MAX_CASE_BYTES,
  DEFAULT_MAX_FILE_BYTES,
} from './attachments/attachment-store';
import {
  MAX_STAGED_BYTES_PER_OWNER,
  STAGED_UPLOAD_MAX_AGE_MS,
  STAGING_SWEEP_INTERVAL_MS,
  UploadStaging,
  type StagingLimits,
} from './attachments/upload-staging';
import {
  PdfInspector,
  sharedPdfInspector,
  type PdfInspectorOptions,
} from './attachments/pdf-inspector';
import { SaneScanner, type SaneScannerOptions } from './scanner/sane-scanner';
import { FolderWatch } from './attachments/folder-watch';
import { HelpdeskConfig } from './settings/helpdesk-settings';
import { FileSecretStore, type SecretStore } from './settings/secret-store';
import { BackendLinks } from './sync/backend-links';
import { OutboxStore } from './sync/outbox-store';
import { SyncWorker } from './sync/sync-worker';
import { FollowUp } from './followup/follow-up';
import { ScanSessions, type ScanSessionLimits } from './scanner/scan-sessions';
import { AppError } from './errors';
import { join } from 'node:path';
import { createDispatcher, type Dispatch } from './api/dispatcher';
import { ChangeFeed } from './api/change-feed';
import type { WindowKind } from '../../shared/domain/roles';
import { createHandlers } from './api/handlers';
import { AuditLog } from './audit';
import { SessionStore } from './auth/sessions';
import { StaffService } from './auth/staff-service';
import { BackgroundWrites } from './db/background-writes';
import { startCheckpointer } from './db/checkpointer';
import { logSyncOf, unsynced, type WriteDurability } from './db/log-sync';
import { checkedAtOpen, openDatabase, type Db } from './db/open-database';
import { afterStartUpWork } from './db/after-start-up';
import { BackgroundCheckFailed, checkInBackground } from './db/integrity-check';
import { StorageGuard, storageFailureOf } from './db/storage-guard';
import {
  createPrivateFile,
  lockDataFolder,
  protectDataFolder,
  type HostKind,
} from './db/data-folder';
import { RegisterExporter } from './reception/register-export';
import { VisitorSearch } from './reception/visitors';
import { VisitService } from './reception/visits';
import { LpseDirectory } from './reference/lpse-directory';
import { Housekeeping, type HousekeepingResult } from './privacy/housekeeping';
import { OffThreadHousekeeping } from './privacy/housekeeping-off-thread';
import { RetentionJob } from './privacy/retention';
import { RetentionSettingsStore } from './privacy/retention-settings';
import { ReleasedFiles } from './privacy/released-files';
import { wipeFreedPages, wipeFreedPagesOffThread } from './privacy/freed-pages';
import { Erasure } from './privacy/erasure';
import { CaseService } from './consultation/cases';
import { OfficerQueue } from './consultation/officer-queue';
import { SurveyService } from './survey/survey-service';
import { QueueBoard } from './board/queue-board';
import { OfficerDesks } from './waiting/officer-desks';
import { CallActions } from './waiting/call-actions';
import { BoardAudioSettings } from './waiting/board-audio-settings';
import { IkmReporter } from './reports/ikm-report';
import { ServiceReporter } from './reports/service-report';
import { SlaReporter } from './reports/sla-report';
import { ReportSettingsStore } from './reports/report-settings';
import { SlaExclusions } from './reports/sla-exclusions';
import { ExportJobs } from './reports/export-jobs';
import {
  PAIRING_CODE_LIFETIME_MS,
  SEEN_WRITE_INTERVAL_MS,
  StationRegistry,
} from './stations/station-registry';
import {
  DEFAULT_PAIRING_THROTTLE,
  PairingThrottle,
  type PairingThrottleLimits,
} from './stations/pairing-throttle';
import { HubSettings, type HubControl } from './stations/hub-settings';
import { StationDisplays } from './stations/station-displays';
import { SurveyBindings } from './stations/survey-bindings';
import { rolesAt, type CallStation } from './api/dispatcher';
import { stagingOwner } from './api/services';
import { PrivacyDesk } from './privacy/requests/privacy-desk';
import { ReadLog } from './privacy/read-log';
import { BackupService } from './backup/backup-service';
import { applyPendingRestore } from './backup/restore';
import { RecordsSearch } from './records/records-search';
import { CaseRecords } from './records/case-record';
import { AuditViewer } from './records/audit-viewer';
import { Corrections } from './reception/corrections';
import { SlipStore } from './printing/slip-store';
import { PrinterSettingsFile } from './printing/printer-settings';

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
  /** How long uploads wait to be attached, how often they are swept, the per-staff cap. */
  uploadStaging?: Partial<Omit<StagingLimits, 'maxFileBytes'>>;
  /** Limits of the worker that checks PDFs (default: one worker shared by the process). */
  pdfInspector?: PdfInspectorOptions;
  /** Start the PDF worker now rather than at the first PDF (hosts: yes; tests: no). */
  warmPdfWorker?: boolean;
  /** The desk scanner: scanimage and its environment, and (tests) extra options per page. */
  scanner?: SaneScannerOptions &
    ScanSessionLimits & { extraArgsForPage?: (page: number) => readonly string[] };
  /** The "scan to folder" folder office scanners drop files into, if the desk has one. */
  scanFolder?: string;
  /** How long a file in the scan folder must stop growing before it is offered (default 1.5 s). */
  scanFolderStableMs?: number;
  /** Where the backend helpdesk's secret is kept (default: a private file in the data folder). */
  secretStore?: SecretStore;
  /** Named in the data-folder lock, so that a second Loket can say which one runs. */
  hostKind?: HostKind;
  /**
   * Every host takes the data folder's lock (the default). Only tests that race two
   * connections on one database on purpose (queue numbers, calls) leave it out.
   */
  lockDataFolder?: boolean;
  /** How long `stop()` waits for deliveries in flight (default 10 s). */
  stopTimeoutMs?: number;
  /** Below this much free space in the data folder staff screens warn (default 1 GiB). */
  lowDiskFreeBytes?: number;
  /** Larger database files are checked page by page after start-up, not before (default 64 MiB). */
  checkAtOpenMaxBytes?: number;
  /** What opening spends on a pending deferred build before "ready" (default 40 ms; tests: 0). */
  buildAtOpenMs?: number;
  /** How long a station pairing code stays valid (default 10 minutes; tests shorten it). */
  pairingCodeLifetimeMs?: number;
  /** How many wrong pairing codes are tolerated (see pairing-throttle.ts). */
  pairingThrottle?: Partial<PairingThrottleLimits>;
  /** Where the backup key is kept (default: a private file in the data folder). */
  backupSecretStore?: SecretStore;
  /**
   * The host closes this core and opens a new one on the same folder (after a restore was
   * staged); without it the restore is swapped in at the next start.
   */
  requestRestart?: () => void;
}

export interface Core {
  dispatch: Dispatch;
  /**
   * Takes the bytes of a file a staff window uploads (HTTP body or IPC buffer) and returns the
   * id a `case.attachUpload` call names; only an officer's session may upload.
   */
  stageUpload(
    sessionToken: string | undefined,
    source: Readable | Uint8Array,
    station?: CallStation,
  ): Promise<string>;
  db: Db;
  visits: VisitService;
  /** Which topics changed, for push streams and windows (see shared/api/topics.ts). */
  changes: ChangeFeed;
  /** Paired stations: the LAN host names each request's station through this. */
  stations: StationRegistry;
  /** The display session each paired survey screen is answered with. */
  surveyBindings: SurveyBindings;
  /** The display session each paired waiting-room display is answered with. */
  stationDisplays: StationDisplays;
  hubSettings: HubSettings;
  /** The host running the LAN listener tells the core where it listens and how to apply settings. */
  setHubControl(control: HubControl | null): void;
  /** Whether a session may hear that window kind's push stream (see SessionStore.mayListen). */
  mayListen(window: WindowKind, sessionToken: string | undefined): boolean;
  /** Starts delivering the outbox to the backend helpdesk in the background. */
  startSync(intervalMs?: number): void;
  /** Starts all background work: delivery, the helpdesk status poll, the housekeeping timer. */
  start(): void;
  /**
   * Stops all background work, waits (bounded) for deliveries and polls in flight, then closes
   * the database and releases the data folder. What a host calls when it shuts down; entries
   * still in flight after the bound are left to the next start's in-flight recovery.
   */
  stop(): Promise<void>;
  /** Resolves once background services (the scan-folder watch) are listening. */
  ready(): Promise<void>;
  /**
   * The start-up check of a large file (read in a worker after start-up): true when every page
   * read back well, false on damage; null when the file was small enough to check at open.
   */
  startUpCheck(): Promise<boolean> | null;
  /** Periodic upkeep: closes yesterday's open visits, anonymises data past its retention. */
  housekeeping(): void;
  /** The same as the minute's timer runs it: in a worker thread, in short transactions. */
  housekeepingInBackground(): Promise<HousekeepingResult>;
  /** Closes at once, without waiting for work in flight: for tests, and after `stop()`. */
  close(): void;
}

export const DATABASE_FILE = 'loket.sqlite';
const STATUS_POLL_MS = 5 * 60_000;
const HOUSEKEEPING_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;
const BACKUP_TICK_MS = 60_000;

/** Builds the whole application from a data folder. Plain Node: never imports electron. */
export function createCore(options: CoreOptions): Core {
  const now = options.now ?? (() => new Date());
  protectDataFolder(options.dataDir);
  // Before the database or staging is touched: a second host would sweep the first one's uploads.
  const lock =
    options.lockDataFolder === false
      ? null
      : lockDataFolder(options.dataDir, options.hostKind ?? 'other', now);
  try {
    return buildCore(options, now, () => lock?.release());
  } catch (err) {
    lock?.release();
    throw err;
  }
}

function buildCore(options: CoreOptions, now: () => Date, releaseLock: () => void): Core {
  const report = options.logError ?? ((err: unknown) => console.error('[loket core]', err));
  const dbFile = join(options.dataDir, DATABASE_FILE);
  // A restore the admin staged (checked in full) is swapped in before the database opens.
  const restored = applyPendingRestore(options.dataDir);
  if (restored) protectDataFolder(options.dataDir);
  createPrivateFile(dbFile);
  const openOptions = {
    checkAtOpenMaxBytes: options.checkAtOpenMaxBytes,
    buildBudgetMs: options.buildAtOpenMs,
  };
  const checkLater = !checkedAtOpen(dbFile, openOptions);
  const db = openDatabase(dbFile, undefined, openOptions);
  // The desk's thread no longer copies the log into the file every few check-ins.
  const checkpointer = db.memory ? null : startCheckpointer(db);
  // A call that writes answers once its commits are on disk, synced off this thread.
  const logSync = db.memory ? null : logSyncOf(db);
  const durability: WriteDurability | null = logSync && {
    unsynced: (write) => unsynced(db, write),
    synced: () => logSync.synced(),
  };
  const storage = new StorageGuard(db, options.dataDir, now, options.lowDiskFreeBytes);
  const deferredWork = afterStartUpWork(db);
  // Background work that meets a damaged page switches the core to read-only as a call would.
  const logError = (err: unknown) => {
    storage.observe(err);
    report(err);
  };
  const audit = new AuditLog(db, now);
  if (restored) {
    audit.record({
      actorId: null,
      action: 'backup.restored',
      entity: 'backup',
      entityId: restored.backupId,
      detail: { aside: restored.aside },
    });
  }
  const sessions = new SessionStore(
    {
      idleMs: options.sessionIdleMs ?? 8 * 60 * 60 * 1000,
      maxMs: options.sessionMaxMs ?? 12 * 60 * 60 * 1000,
      endAtServiceDayEnd: options.sessionsEndAtServiceDayEnd ?? true,
    },
    now,
  );
  const visits = new VisitService(db, audit, now);
  const lpse = new LpseDirectory(db, audit, now);
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const pdfInspector = options.pdfInspector ? new PdfInspector(options.pdfInspector) : undefined;
  if (options.warmPdfWorker) (pdfInspector ?? sharedPdfInspector()).warm();
  const attachments = new AttachmentStore(
    join(options.dataDir, 'attachments'),
    maxFileBytes,
    pdfInspector,
  );
  const retentionSettings = new RetentionSettingsStore(db, audit);
  const releasedFiles = new ReleasedFiles(db, (sha256) => attachments.pathOf(sha256), now);
  // Set below, once the core is built: background housekeeping waits for it (a large file's).
  let startUpCheck: Promise<boolean> | null = null;
  const backgroundWrites = new BackgroundWrites();
  const chores = new OffThreadHousekeeping(
    new Housekeeping(
      visits,
      new RetentionJob(db, audit, now, retentionSettings, releasedFiles),
      undefined,
      () => wipeFreedPages(db),
      () => wipeFreedPagesOffThread(db),
    ),
    {
      file: dbFile,
      attachmentsDir: join(options.dataDir, 'attachments'),
      now,
      // A damaged file is written no more: its refusals are reported as before, from here.
      offThread: () => !db.memory && !storage.isDamaged(),
      afterWipe: () => wipeFreedPagesOffThread(db),
      notBefore: () => startUpCheck,
      backgroundWrites,
    },
  );
  const housekeeping = () => {
    chores.runNow();
  };
  try {
    housekeeping();
  } catch (err) {
    // A large file is checked only after start-up: a damaged page met here makes the core
    // read-only, as during a day, instead of failing the start.
    if (checkLater && storageFailureOf(err)) logError(err);
    else throw err;
  }
  const uploads = new UploadStaging(
    join(options.dataDir, 'uploads'),
    {
      maxFileBytes,
      maxAgeMs: STAGED_UPLOAD_MAX_AGE_MS,
      sweepIntervalMs: STAGING_SWEEP_INTERVAL_MS,
      maxBytesPerOwner: MAX_STAGED_BYTES_PER_OWNER,
      ...options.uploadStaging,
    },
    now,
  );
  const scanner = new SaneScanner(options.scanner);
  const helpdesk = new HelpdeskConfig(
    db,
    options.secretStore ?? new FileSecretStore(join(options.dataDir, 'secrets', 'helpdesk')),
  );
  const outbox = new OutboxStore(db);
  const cases = new CaseService(db, audit, now);
  const links = new BackendLinks(db);
  let pollTimer: NodeJS.Timeout | undefined;
  let housekeepingTimer: NodeJS.Timeout | undefined;
  let polling: Promise<void> | null = null;
  let closed = false;
  const followUp = new FollowUp(db, audit, links, outbox, now);
  // Background work announces what it changed, as the calls do (the contract's `changes`).
  const changes = new ChangeFeed();
  const sync = new SyncWorker({
    outbox,
    links,
    cases,
    audit,
    connector: () => helpdesk.connector(),
    readAttachment: (sha256) => attachments.read(sha256),
    now,
    logError,
    changed: () => changes.publish(['sync', 'followup']),
  });
  const folder = options.scanFolder
    ? new FolderWatch(options.scanFolder, options.scanFolderStableMs, now, () =>
        changes.publish(['folder']),
      )
    : null;
  const folderReady = folder?.start().catch((err: unknown) => logError(err));
  const hubSettings = new HubSettings(db);
  const stations = new StationRegistry(db, audit, now, {
    codeLifetimeMs: options.pairingCodeLifetimeMs ?? PAIRING_CODE_LIFETIME_MS,
    throttle: new PairingThrottle({ ...DEFAULT_PAIRING_THROTTLE, ...options.pairingThrottle }, now),
    hubName: () => hubSettings.get().hubName,
    seenWriteIntervalMs: SEEN_WRITE_INTERVAL_MS,
  });
  const surveyBindings = new SurveyBindings(sessions, stations);
  const stationDisplays = new StationDisplays(sessions);
  const hub: { control: HubControl | null } = { control: null };
  const backups = new BackupService({
    db,
    dataDir: options.dataDir,
    documentPath: (sha256) => attachments.pathOf(sha256),
    secrets:
      options.backupSecretStore ??
      new FileSecretStore(join(options.dataDir, 'secrets', 'backup-key')),
    audit,
    now,
    logError,
    changed: () => changes.publish(['storage']),
    requestRestart: options.requestRestart ?? null,
  });
  // The data now is that backup's: it is the last good one, not a reason to back up at once.
  if (restored) backups.noteRestored(restored.backupId);
  let backupTimer: NodeJS.Timeout | undefined;
  const exports = new ExportJobs(join(options.dataDir, 'exports'), dbFile, logError);
  const queue = new OfficerQueue(db, audit, now);
  const desks = new OfficerDesks(db, audit, now);
  const handlers = createHandlers({
    serviceReport: new ServiceReporter(db),
    slaReport: new SlaReporter(db, now),
    reportSettings: new ReportSettingsStore(db, audit, now),
    slaExclusions: new SlaExclusions(db, audit, now),
    exports,
    stations,
    hubSettings,
    hub,
    surveyBindings,
    dataDir: options.dataDir,
    slips: new SlipStore(db, audit, now),
    printer: new PrinterSettingsFile(options.dataDir),
    scanner,
    scans: new ScanSessions(scanner, options.scanner?.extraArgsForPage, now, {
      maxSessionBytes: maxFileBytes,
      ...options.scanner,
    }),
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
    lpse,
    register: new RegisterExporter(db),
    queue,
    cases,
    survey: new SurveyService(db, audit, sessions, now),
    surveyIdleSeconds: options.surveyIdleSeconds ?? 60,
    board: new QueueBoard(db, audit, sessions),
    ikm: new IkmReporter(db),
    db,
    storage,
    erasure: new Erasure(db, audit, now, releasedFiles),
    retentionSettings,
    privacy: new PrivacyDesk(db, audit, now),
    backups,
    records: {
      search: new RecordsSearch(db),
      cases: new CaseRecords(db, cases),
      corrections: new Corrections(db, audit, now),
      audit: new AuditViewer(db),
    },
    desks,
    calls: new CallActions(db, audit, now, queue, desks),
    boardAudio: new BoardAudioSettings(db, audit),
  });
  const readLog = new ReadLog(db, now);
  // A large file's pages are read after start-up, in a worker; damage turns the core read-only.
  const integrity = checkLater ? checkInBackground(dbFile) : null;
  startUpCheck = integrity?.result ?? null;
  void integrity?.result.then((ok) => {
    if (ok || closed) return;
    const damage = new BackgroundCheckFailed(dbFile);
    storage.observe(damage);
    report(damage);
  });
  return {
    dispatch: createDispatcher(
      handlers,
      sessions,
      report,
      (err) => storage.refusalFor(err),
      (topics) => changes.publish(topics),
      (read) => readLog.record(read),
      () => backgroundWrites.settled(),
      durability,
    ),
    db,
    changes,
    stations,
    surveyBindings,
    stationDisplays,
    hubSettings,
    setHubControl: (control) => {
      hub.control = control;
    },
    mayListen: (window, token) => sessions.mayListen(window, token),
    visits,
    housekeeping,
    housekeepingInBackground: () => chores.runInBackground(),
    stageUpload: async (sessionToken, source, station) => {
      const session = sessions.touch(sessionToken, { refresh: true });
      if (!session || session.kind !== 'staff') throw new AppError('UNAUTHENTICATED');
      if (session.stationId !== station?.id) throw new AppError('UNAUTHENTICATED');
      if (!rolesAt(session.roles, station).includes('officer')) throw new AppError('FORBIDDEN');
      storage.assertWritable();
      try {
        return await uploads.stage(stagingOwner(session.staffId, station?.id), source);
      } catch (err) {
        throw storage.refusalFor(err) ?? err;
      }
    },
    startUpCheck: () => startUpCheck,
    ready: async () => {
      await folderReady;
    },
    startSync,
    start: () => {
      startSync();
      // Visits left open when the service day ends are closed and flagged, and data past its
      // retention is anonymised, even if nobody looks.
      clearInterval(housekeepingTimer);
      // In a worker thread, in short transactions (privacy/housekeeping-off-thread.ts).
      housekeepingTimer = setInterval(() => {
        chores
          .runInBackground()
          .catch((err: unknown) => logError(err))
          // After a failed run too: the batches it committed closed visits all the same.
          .finally(() => changes.publish(['queue']));
      }, HOUSEKEEPING_MS);
      housekeepingTimer.unref();
      clearInterval(backupTimer);
      backupTimer = setInterval(() => backups.tick(), BACKUP_TICK_MS);
      backupTimer.unref();
      backups.tick();
      // An upgraded desk's moves and index builds, in batches of a few ms between requests.
      if (!deferredWork.done())
        deferredWork.runInBackground().catch((err: unknown) => logError(err));
    },
    stop: async () => {
      stopTimers();
      integrity?.stop();
      const inFlight = Promise.all([
        sync.stop(),
        polling,
        folder?.close(),
        chores.stop(),
        exports.close(),
        deferredWork.stop(),
      ]);
      let bound: NodeJS.Timeout | undefined;
      const timedOut = new Promise<void>((resolve) => {
        bound = setTimeout(resolve, options.stopTimeoutMs ?? STOP_TIMEOUT_MS);
      });
      await Promise.race([inFlight.then(() => undefined), timedOut]);
      clearTimeout(bound);
      // Not bounded like deliveries: the backup the admin asked for at closing time is awaited.
      // Closed already (a test, a host that gave up): nothing left to back up from.
      if (!closed) await backups.beforeClose().catch((err: unknown) => logError(err));
      close();
    },
    close,
  };

  function startSync(intervalMs?: number): void {
    sync.start(intervalMs);
    // The backend's answers (resolved, stalled) are read every few minutes, and on demand.
    clearInterval(pollTimer);
    pollTimer = setInterval(() => {
      const connector = helpdesk.connector();
      if (!connector || polling) return;
      polling = followUp
        .pollStatuses(connector)
        .then(
          () => changes.publish(['followup', 'sync']),
          (err: unknown) => logError(err),
        )
        .finally(() => (polling = null));
    }, STATUS_POLL_MS);
    pollTimer.unref();
  }

  function stopTimers(): void {
    clearInterval(pollTimer);
    clearInterval(housekeepingTimer);
    clearInterval(backupTimer);
  }

  function close(): void {
    if (closed) return;
    closed = true;
    stopTimers();
    uploads.close();
    chores.kill();
    void deferredWork.stop();
    integrity?.stop();
    void sync.stop();
    void folder?.close();
    void pdfInspector?.close();
    void exports.close();
    checkpointer?.stop();
    logSync?.close();
    db.close();
    releaseLock();
  }
}
