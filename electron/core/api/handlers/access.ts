import type { accessMethods } from '../../../../shared/api/methods/access';
import { rolesAt, type Handlers } from '../dispatcher';
import { AppError } from '../../errors';
import { actor, type Services } from '../services';

export function createAccessHandlers(s: Services): Pick<Handlers, keyof typeof accessMethods> {
  return {
    'setup.status': () => ({ needsFirstAdmin: s.staff.needsFirstAdmin() }),
    'setup.createFirstAdmin': (input) => s.staff.createFirstAdmin(input),
    'auth.login': async (input, caller) => {
      const result = await s.staff.login(input.username, input.pin);
      if (!caller.station) return result;
      // At a station one acts only in the roles its kind allows, and only there.
      const roles = rolesAt(result.staff.roles, caller.station);
      if (roles.length === 0) {
        s.sessions.end(result.sessionToken);
        throw new AppError('FORBIDDEN');
      }
      s.sessions.bindToStation(result.sessionToken, caller.station.id);
      return { ...result, staff: { ...result.staff, roles } };
    },
    'auth.logout': (_input, caller) => {
      if (caller.sessionToken) s.sessions.end(caller.sessionToken);
      return { ok: true };
    },
    'auth.me': (_input, caller) => {
      const me = s.staff.get(actor(caller));
      return caller.station ? { ...me, roles: rolesAt(me.roles, caller.station) } : me;
    },
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
