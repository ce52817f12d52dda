import type { boardMethods } from '../../../../shared/api/methods/board';
import type { Handlers } from '../dispatcher';
import { actor, type Services } from '../services';

export function createBoardHandlers(s: Services): Pick<Handlers, keyof typeof boardMethods> {
  return {
    'board.openDisplay': (_input, caller) =>
      s.board.openDisplay(actor(caller), caller.sessionToken),
    'board.calls': () => s.board.calls(s.visits.today()),
  };
}
