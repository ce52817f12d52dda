import type { accessMethods } from '../../../../shared/api/methods/access';
import type { Handlers } from '../dispatcher';
import { actor, type Services } from '../services';

export function createAccessHandlers(s: Services): Pick<Handlers, keyof typeof accessMethods> {
  return {
    'setup.status': () => ({ needsFirstAdmin: s.staff.needsFirstAdmin() }),
    'setup.createFirstAdmin': (input) => s.staff.createFirstAdmin(input),
    'auth.login': (input) => s.staff.login(input.username, input.pin),
    'auth.logout': (_input, caller) => {
      if (caller.sessionToken) s.sessions.end(caller.sessionToken);
      return { ok: true };
    },
    'auth.me': (_input, caller) => s.staff.get(actor(caller)),
    'auth.changePin': async (input, caller) => {
      await s.staff.changeOwnPin(
        actor(caller),
        caller.sessionToken,
        input.currentPin,
        input.newPin,
      );
      return { ok: true };
    },
  };
}
