import type { followUpMethods } from '../../../../shared/api/methods/followup';
import { AppError } from '../../errors';
import type { Handlers } from '../dispatcher';
import { actor, type Services } from '../services';

export function createFollowUpHandlers(s: Services): Pick<Handlers, keyof typeof followUpMethods> {
  return {
    'followup.list': (input, caller) =>
      s.followUp.list(input.all && caller.roles.includes('supervisor') ? undefined : actor(caller)),
    'followup.refresh': async () => {
      const connector = s.helpdesk.connector();
      if (!connector) throw new AppError('HELPDESK_NOT_CONFIGURED');
      return s.followUp.pollStatuses(connector);
    },
    'case.pause': (input, caller) => {
      s.followUp.pause(actor(caller), input.caseId, input.reason);
      return { ok: true };
    },
    'case.resume': (input, caller) => {
      s.followUp.resume(actor(caller), input.caseId);
      return { ok: true };
    },
    'case.confirm': (input, caller) => {
      s.followUp.confirm(actor(caller), input.caseId, input);
      void s.sync.runOnce();
      return { ok: true };
    },
  };
}
