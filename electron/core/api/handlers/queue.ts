import type { queueMethods } from '../../../../shared/api/methods/queue';
import type { Handlers } from '../dispatcher';
import { actor, type Services } from '../services';

export function createQueueHandlers(s: Services): Pick<Handlers, keyof typeof queueMethods> {
  return {
    'queue.overview': (_input, caller) => {
      const day = s.visits.today();
      return { day, waiting: s.queue.waiting(day), mine: s.queue.mine(actor(caller), day) };
    },
    'queue.callNext': (_input, caller) => s.queue.callNext(actor(caller), s.visits.today()),
    'queue.start': (input, caller) => s.queue.move(actor(caller), input.visitId, 'start'),
    'queue.noShow': (input, caller) => s.queue.move(actor(caller), input.visitId, 'noShow'),
    'queue.returnToQueue': (input, caller) =>
      s.queue.move(actor(caller), input.visitId, 'returnToQueue'),
    'queue.end': (input, caller) => s.queue.move(actor(caller), input.visitId, 'end'),
    'queue.surveyReady': (input, caller) => s.queue.markSurveyReady(actor(caller), input.visitId),
    'queue.takeOver': (input, caller) =>
      s.db
        .transaction(() => {
          const visit = s.queue.takeOver(actor(caller), input.visitId);
          s.cases.takeOverDraftsOfVisit(actor(caller), input.visitId);
          return visit;
        })
        .immediate(),
  };
}
