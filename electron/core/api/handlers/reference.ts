import type { referenceMethods } from '../../../../shared/api/methods/reference';
import type { Handlers } from '../dispatcher';
import { actor, type Services } from '../services';

export function createReferenceHandlers(
  s: Services,
): Pick<Handlers, keyof typeof referenceMethods> {
  return {
    'lpse.search': (input) => s.lpse.search(input.query),
    'lpse.list': () => ({ lpses: s.lpse.list(), unlisted: s.lpse.unlisted() }),
    'lpse.save': (input, caller) => s.lpse.save(actor(caller), input),
  };
}
