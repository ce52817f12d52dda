import type { waitingMethods } from '../../../../shared/api/methods/waiting';
import type { Handlers } from '../dispatcher';
import { actor, type Services } from '../services';

export function createWaitingHandlers(s: Services): Pick<Handlers, keyof typeof waitingMethods> {
  return {
    'desk.mine': (_input, caller) => s.desks.mine(actor(caller)),
    'desk.choose': (input, caller) => s.desks.choose(actor(caller), input),
    'queue.transferTargets': (_input, caller) => s.desks.transferTargets(actor(caller)),
    'queue.recall': (input, caller) => s.calls.recall(actor(caller), input.visitId),
    'queue.transfer': (input, caller) =>
      s.calls.transfer(actor(caller), input.visitId, input.target, input.reason),
    'queue.atReception': () => s.calls.atReception(s.visits.today()),
    'queue.releaseFromReception': (input, caller) => {
      s.calls.releaseFromReception(actor(caller), input.visitId);
      return { ok: true as const };
    },
    'board.audio': () => s.boardAudio.get(),
    'board.audioSettings': () => s.boardAudio.get(),
    'board.saveAudio': (input, caller) => s.boardAudio.save(actor(caller), input),
  };
}
