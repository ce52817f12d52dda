import type { staffMethods } from '../../../../shared/api/methods/staff';
import type { Handlers } from '../dispatcher';
import { actor, type Services } from '../services';

export function createStaffHandlers(s: Services): Pick<Handlers, keyof typeof staffMethods> {
  return {
    'staff.list': () => s.staff.list(),
    'staff.create': (input, caller) => s.staff.create(actor(caller), input),
    'staff.setActive': (input, caller) =>
      s.staff.setActive(actor(caller), input.staffId, input.active),
    'staff.resetPin': (input, caller) => s.staff.resetPin(actor(caller), input.staffId, input.pin),
    'staff.unlock': (input, caller) => s.staff.unlock(actor(caller), input.staffId),
  };
}
