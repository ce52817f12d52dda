import type { privacyRequestMethods } from '../../../../shared/api/methods/privacy-requests';
import type { Handlers } from '../dispatcher';
import { currentNotice } from '../../../../shared/domain/privacy-notice';
import { noticePdf } from '../../privacy/notice-pdf';
import { actor, type Services } from '../services';

export function createPrivacyRequestHandlers(
  s: Services,
): Pick<Handlers, keyof typeof privacyRequestMethods> {
  return {
    'privacy.requests': (input) => s.privacy.register.list(input.open ?? false),
    'privacy.registerRequest': (input, caller) => s.privacy.registerRequest(actor(caller), input),
    // Reception's search, masked as there: the supervisor picks the person, then opens them.
    'privacy.findPerson': (input) => s.visitors.find(input.query),
    'privacy.linkPerson': (input, caller) =>
      s.privacy.register.link(actor(caller), input.requestId, input.visitorId),
    'privacy.person': (input) => s.privacy.person(input.visitorId),
    'privacy.exportPerson': (input, caller) =>
      s.privacy.exportPerson(
        actor(caller),
        input.visitorId,
        input.format,
        caller.locale,
        input.requestId,
      ),
    'privacy.correctPerson': (input, caller) =>
      s.privacy.correct(actor(caller), input.visitorId, input.fields, input.requestId),
    'privacy.restrict': (input, caller) => {
      s.privacy.restrict(actor(caller), input.visitorId, input.restricted, input.requestId);
      return { ok: true as const };
    },
    'privacy.answerRequest': (input, caller) =>
      s.privacy.answer(actor(caller), input.requestId, input.outcome, input.answer),
    'privacy.breachScopes': () => s.privacy.breachScopes(),
    'privacy.breachExport': (input, caller) =>
      s.privacy.breachExport(actor(caller), input, input.format, caller.locale),
    'privacy.notice': () => currentNotice(s.retentionSettings.get()),
    'privacy.noticePdf': async (_input, caller) => {
      const notice = currentNotice(s.retentionSettings.get());
      return {
        fileName: `pemberitahuan-data-pribadi-${notice.version}.pdf`,
        mimeType: 'application/pdf',
        base64: (await noticePdf(notice, caller.locale)).toString('base64'),
      };
    },
  };
}
