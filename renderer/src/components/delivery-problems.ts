import type { TFunction } from 'i18next';
import type { MethodOutput } from '../../../shared/api/contract';

export type SyncStatus = MethodOutput<'sync.status'>;

/**
 * Why escalated cases are not reaching the backend helpdesk, in the officer's words: no helpdesk
 * set up, an address that would send it in clear, the account refused, the setup incomplete, the helpdesk unreachable, or simply late.
 */
export function deliveryProblems(status: SyncStatus, now: number, t: TFunction): string[] {
  const waitedMinutes = status.oldestWaitingSince
    ? (now - Date.parse(status.oldestWaitingSince)) / 60_000
    : 0;
  const problems = [
    status.setupProblem === 'insecure_url' && t('sync.insecureUrl'),
    !status.configured &&
      status.setupProblem === null &&
      status.waitingCount > 0 &&
      t('sync.notConfigured', { count: status.waitingCount }),
    status.configured && status.blockedByCredentials && t('sync.credentials'),
    status.parkedForSetup > 0 && t('sync.setupIncomplete', { count: status.parkedForSetup }),
    status.configured && status.unreachableSince && t('sync.unreachable'),
    waitedMinutes > status.lateAfterMinutes &&
      t('sync.late', { minutes: Math.floor(waitedMinutes) }),
  ];
  return problems.filter((m): m is string => typeof m === 'string' && m !== '');
}

/** "12 menit", "1 jam 5 menit", "2 jam": never "0:12". */
export function formatDuration(ms: number, t: TFunction): string {
  const total = Math.round(Math.abs(ms) / 60_000);
  const h = Math.floor(total / 60);
  const m = total % 60;
  if (h === 0) return t('followup.duration.minutes', { m });
  if (m === 0) return t('followup.duration.hours', { h });
  return t('followup.duration.hoursMinutes', { h, m });
}
