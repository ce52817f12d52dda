import type { attachmentMethods } from '../../../../shared/api/methods/attachments';
import { cleanOriginalName } from '../../attachments/original-name';
import { previewAttachment } from '../../attachments/attachment-preview';
import { AppError } from '../../errors';
import type { Handlers } from '../dispatcher';
import { actor, stagingOwner, type Services } from '../services';

export function createAttachmentHandlers(
  s: Services,
): Pick<Handlers, keyof typeof attachmentMethods> {
  return {
    'case.attachUpload': async (input, caller) => {
      const owner = stagingOwner(actor(caller), caller.station?.id);
      // The staged file goes once it is used or refused, whatever the refusal.
      try {
        const originalName = cleanOriginalName(input.originalName);
        if (originalName === null) {
          throw new AppError('ATTACHMENT_NAME_INVALID', {
            fields: { originalName: 'validation.invalid' },
          });
        }
        s.cases.assertOwnDraft(actor(caller), input.caseId); // refused before any bytes move
        const stored = await s.attachments.put({ path: s.uploads.pathOf(input.uploadId, owner) });
        return s.cases.attach(
          actor(caller),
          input.caseId,
          stored,
          { originalName, kind: input.kind, source: input.source },
          s.maxCaseBytes,
        );
      } finally {
        await s.uploads.discard(input.uploadId, owner);
      }
    },
    'case.changeAttachment': (input, caller) =>
      s.cases.changeAttachment(actor(caller), input.caseId, input.attachmentId, input.change),
    'attachment.preview': (input) =>
      previewAttachment({ cases: s.cases, store: s.attachments }, input.caseId, input.attachmentId),
    'folder.offers': () =>
      (s.folder?.list() ?? []).map(({ id, name, size, seenAt }) => ({ id, name, size, seenAt })),
    'folder.attach': async (input, caller) => {
      const offer = s.folder?.get(input.offerId);
      if (!offer) throw new AppError('NOT_FOUND');
      const originalName = cleanOriginalName(offer.name);
      if (originalName === null) throw new AppError('ATTACHMENT_NAME_INVALID');
      s.cases.assertOwnDraft(actor(caller), input.caseId);
      const stored = await s.attachments.put({ path: offer.path });
      const view = s.cases.attach(
        actor(caller),
        input.caseId,
        stored,
        { originalName, kind: input.kind, source: 'folder' },
        s.maxCaseBytes,
      );
      s.folder?.take(input.offerId);
      return view;
    },
  };
}
