import type { caseMethods } from '../../../../shared/api/methods/cases';
import type { Handlers } from '../dispatcher';
import { actor, type Services } from '../services';

export function createCaseHandlers(s: Services): Pick<Handlers, keyof typeof caseMethods> {
  return {
    'case.takeOver': (input, caller) => s.cases.takeOver(actor(caller), input.caseId),
    'case.create': (input, caller) => s.cases.create(actor(caller), input.visitId),
    'case.get': (input) => s.cases.get(input.caseId),
    'case.forVisit': (input) => s.cases.forVisit(input.visitId),
    'case.drafts': (_input, caller) => s.cases.drafts(actor(caller)),
    'case.saveDraft': (input, caller) => s.cases.saveDraft(actor(caller), input.caseId, input.form),
    'case.addNote': (input, caller) =>
      s.cases.addNote(
        actor(caller),
        input.caseId,
        input.text,
        input.correctsNoteId,
        input.clientKey,
      ),
    'case.solve': (input, caller) =>
      s.cases.solve(actor(caller), input.caseId, input.solution, input.form),
    'case.escalate': (input, caller) => {
      const view = s.cases.escalate(
        actor(caller),
        input.caseId,
        input.missingDocumentsReason,
        input.form,
      );
      // Committed first; delivery starts now rather than at the worker's next tick.
      void s.sync.runOnce();
      return view;
    },
  };
}
