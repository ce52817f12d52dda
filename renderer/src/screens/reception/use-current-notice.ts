import { currentNotice, type PrivacyNotice } from '../../../../shared/domain/privacy-notice';
import { useLiveCall } from '../../hooks/use-live-call';

/**
 * The notice as the core gives it now (its periods follow the retention settings), loaded again
 * when the settings change. Until it arrives, the two-year text: a check-in sent with that
 * version while the settings say otherwise is refused by the core and the notice given again.
 */
export function useCurrentNotice(): PrivacyNotice {
  const notice = useLiveCall('privacy.notice', {}, { topics: ['settings'] });
  return notice.data ?? currentNotice();
}
