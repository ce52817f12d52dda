import type { privacyRetentionMethods } from '../../../../shared/api/methods/privacy-retention';
import type { Handlers } from '../dispatcher';
import { actor, type Services } from '../services';

export function createPrivacyRetentionHandlers(
  s: Services,
): Pick<Handlers, keyof typeof privacyRetentionMethods> {
  return {
    'privacy.retentionSettings': () => s.retentionSettings.get(),
    'privacy.saveRetentionSettings': (input, caller) =>
      s.retentionSettings.save(actor(caller), input),
  };
}
