import type { AuditLog } from '../audit';
import type { CaseService } from '../consultation/cases';
import type { OfficerQueue } from '../consultation/officer-queue';
import type { SurveyService } from '../survey/survey-service';
import type { QueueBoard } from '../board/queue-board';
import type { IkmReporter } from '../reports/ikm-report';
import type { Db } from '../db/open-database';
import type { StorageGuard } from '../db/storage-guard';
import type { AttachmentStore } from '../attachments/attachment-store';
import type { UploadStaging } from '../attachments/upload-staging';
import type { SaneScanner } from '../scanner/sane-scanner';
import type { ScanSessions } from '../scanner/scan-sessions';
import type { FolderWatch } from '../attachments/folder-watch';
import type { HelpdeskConfig } from '../settings/helpdesk-settings';
import type { OutboxStore } from '../sync/outbox-store';
import type { SyncWorker } from '../sync/sync-worker';
import type { FollowUp } from '../followup/follow-up';
import type { StaffService } from '../auth/staff-service';
import type { SessionStore } from '../auth/sessions';
import type { RegisterExporter } from '../reception/register-export';
import type { VisitorSearch } from '../reception/visitors';
import type { VisitService } from '../reception/visits';
import type { StationRegistry } from '../stations/station-registry';
import type { HubControl, HubSettings } from '../stations/hub-settings';
import type { SurveyBindings } from '../stations/survey-bindings';
import type { LpseDirectory } from '../reference/lpse-directory';
import type { PrivacyDesk } from '../privacy/requests/privacy-desk';
import type { ServiceReporter } from '../reports/service-report';
import type { SlaReporter } from '../reports/sla-report';
import type { ReportSettingsStore } from '../reports/report-settings';
import type { SlaExclusions } from '../reports/sla-exclusions';
import type { ExportJobs } from '../reports/export-jobs';
import type { SlipStore } from '../printing/slip-store';
import type { PrinterSettingsFile } from '../printing/printer-settings';
import type { OfficerDesks } from '../waiting/officer-desks';
import type { CallActions } from '../waiting/call-actions';
import type { BoardAudioSettings } from '../waiting/board-audio-settings';
import type { Caller } from './dispatcher';
import type { Erasure } from '../privacy/erasure';
import type { RetentionSettingsStore } from '../privacy/retention-settings';
import type { BackupService } from '../backup/backup-service';
import type { RecordsSearch } from '../records/records-search';
import type { CaseRecords } from '../records/case-record';
import type { AuditViewer } from '../records/audit-viewer';
import type { Corrections } from '../reception/corrections';

/** What the handlers reach: the core's services, built once in createCore. */
export interface Services {
  audit: AuditLog;
  staff: StaffService;
  sessions: SessionStore;
  visitors: VisitorSearch;
  visits: VisitService;
  lpse: LpseDirectory;
  register: RegisterExporter;
  queue: OfficerQueue;
  cases: CaseService;
  survey: SurveyService;
  surveyIdleSeconds: number;
  board: QueueBoard;
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
  stations: StationRegistry;
  hubSettings: HubSettings;
  /** Set by the host that runs the LAN listener; null in a Loket that cannot serve stations. */
  hub: { control: HubControl | null };
  surveyBindings: SurveyBindings;
  /** The data folder, where pairing writes station.json (station handlers). */
  dataDir: string;
  /** Erasing a person on request (privacy/erasure.ts). */
  erasure: Erasure;
  retentionSettings: RetentionSettingsStore;
  /** Visitors' requests under UU 27/2022, restriction, the breach export. */
  privacy: PrivacyDesk;
  /** Backups and restore (backup/). */
  backups: BackupService;
  /** Past visits and cases, corrections of check-ins, the audit trail read back. */
  records: {
    search: RecordsSearch;
    cases: CaseRecords;
    corrections: Corrections;
    audit: AuditViewer;
  };
  serviceReport: ServiceReporter;
  slaReport: SlaReporter;
  reportSettings: ReportSettingsStore;
  slaExclusions: SlaExclusions;
  exports: ExportJobs;
  /** Printed slips: their facts and the record of each one handed out. */
  slips: SlipStore;
  /** This PC's slip printer. */
  printer: PrinterSettingsFile;
  /** The waiting room: officers' desks, recall and transfer, how the boards speak. */
  desks: OfficerDesks;
  calls: CallActions;
  boardAudio: BoardAudioSettings;
}

/** Staged uploads are kept apart per staff member and, at a station, per station too. */
export function stagingOwner(staffId: number, stationId: number | undefined): string {
  return stationId === undefined ? String(staffId) : `${staffId}@station-${stationId}`;
}

/** Every non-public method runs with a logged-in caller; this narrows that for the type checker. */
export function actor(caller: Caller): number {
  if (caller.staffId === null) throw new Error('a staff method was dispatched without a session');
  return caller.staffId;
}
