import type { Handlers } from './dispatcher';
import type { Services } from './services';
import { createAccessHandlers } from './handlers/access';
import { createStaffHandlers } from './handlers/staff';
import { createReceptionHandlers } from './handlers/reception';
import { createReferenceHandlers } from './handlers/reference';
import { createQueueHandlers } from './handlers/queue';
import { createCaseHandlers } from './handlers/cases';
import { createAttachmentHandlers } from './handlers/attachments';
import { createScannerHandlers } from './handlers/scanner';
import { createHelpdeskHandlers } from './handlers/helpdesk';
import { createStorageHandlers } from './handlers/storage';
import { createFollowUpHandlers } from './handlers/followup';
import { createSurveyHandlers } from './handlers/survey';
import { createReportHandlers } from './handlers/reports';
import { createHubStationHandlers } from './handlers/stations';
import { createStationHandlers } from './handlers/station';
import { createBoardHandlers } from './handlers/board';
import { createPrivacyErasureHandlers } from './handlers/privacy-erasure';
import { createPrivacyRetentionHandlers } from './handlers/privacy-retention';
import { createPrivacyRequestHandlers } from './handlers/privacy-requests';
import { createBackupHandlers } from './handlers/backup';
import { createRecordsHandlers } from './handlers/records';
import { createSlipHandlers } from './handlers/slips';
import { createWaitingHandlers } from './handlers/waiting';

export type { Services } from './services';

/** Every method's handler, one file per domain (handlers/), as the contract is split (shared/api/methods/). */
export function createHandlers(s: Services): Handlers {
  return {
    ...createAccessHandlers(s),
    ...createStaffHandlers(s),
    ...createReceptionHandlers(s),
    ...createReferenceHandlers(s),
    ...createQueueHandlers(s),
    ...createCaseHandlers(s),
    ...createAttachmentHandlers(s),
    ...createScannerHandlers(s),
    ...createHelpdeskHandlers(s),
    ...createStorageHandlers(s),
    ...createFollowUpHandlers(s),
    ...createSurveyHandlers(s),
    ...createReportHandlers(s),
    ...createHubStationHandlers(s),
    ...createStationHandlers(s),
    ...createBoardHandlers(s),
    ...createPrivacyErasureHandlers(s),
    ...createPrivacyRetentionHandlers(s),
    ...createPrivacyRequestHandlers(s),
    ...createBackupHandlers(s),
    ...createRecordsHandlers(s),
    ...createSlipHandlers(s),
    ...createWaitingHandlers(s),
  } satisfies Handlers;
}
