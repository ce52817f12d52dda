import type { privacyErasureMethods } from '../../../../shared/api/methods/privacy-erasure';
import type { Handlers } from '../dispatcher';
import { actor, type Services } from '../services';

export function createPrivacyErasureHandlers(
  s: Services,
): Pick<Handlers, keyof typeof privacyErasureMethods> {
  return {
    'privacy.erasePerson': (input, caller) => s.erasure.erase(actor(caller), input),
  };
}
