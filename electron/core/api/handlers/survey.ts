import { currentNotice } from '../../../../shared/domain/privacy-notice';
import type { surveyMethods } from '../../../../shared/api/methods/survey';
import type { Handlers } from '../dispatcher';
import { actor, type Services } from '../services';

export function createSurveyHandlers(s: Services): Pick<Handlers, keyof typeof surveyMethods> {
  return {
    'survey.openDisplay': (_input, caller) =>
      s.survey.openDisplay(actor(caller), caller.sessionToken),
    'survey.statusForVisit': (input) => s.survey.statusForVisit(input.visitId),
    'survey.alerts': (_input, caller) =>
      s.survey.takeAlerts(actor(caller)).map((a) => ({ at: a.at })),
    // A survey display's session carries the officer who opened it, never a visitor.
    'survey.current': (_input, caller) => ({
      ...s.survey.current(actor(caller)),
      idleSeconds: s.surveyIdleSeconds,
    }),
    'survey.start': (input, caller) => {
      s.survey.started(actor(caller), input.ticket);
      return { ok: true };
    },
    'survey.submit': (input, caller) => {
      s.survey.submit(actor(caller), input);
      return { ok: true };
    },
    // Not personal: the same text reception gives, for the visitor to read on their own screen.
    'survey.privacyNotice': () => currentNotice(s.retentionSettings.get()),
    'survey.callOfficer': (_input, caller) => {
      s.survey.callOfficer(actor(caller));
      return { ok: true };
    },
  };
}
