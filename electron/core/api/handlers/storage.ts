import type { storageMethods } from '../../../../shared/api/methods/storage';
import type { Handlers } from '../dispatcher';
import type { Services } from '../services';

export function createStorageHandlers(s: Services): Pick<Handlers, keyof typeof storageMethods> {
  return {
    'storage.status': () => s.storage.status(),
  };
}
