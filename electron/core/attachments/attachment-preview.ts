import type { CaseService } from '../consultation/cases';
import { AppError } from '../errors';
import type { AttachmentStore } from './attachment-store';
import { sharedPdfInspector, type PdfInspector } from './pdf-inspector';

export type AttachmentPreview =
  { kind: 'image'; mime: string; base64: string } | { kind: 'pdf'; pages: number; base64: string };

/**
 * A document's bytes for the officer's thumbnail, with the page count stored when it was
 * attached: opening a case never parses a PDF on the host's thread. A file attached before
 * counts were kept is counted once, in the worker, and the count stored.
 */
export async function previewAttachment(
  deps: { cases: CaseService; store: AttachmentStore; pdf?: PdfInspector },
  caseId: number,
  attachmentId: number,
): Promise<AttachmentPreview> {
  const attachment = deps.cases.get(caseId).attachments.find((a) => a.id === attachmentId);
  if (!attachment) throw new AppError('NOT_FOUND');
  const bytes = await deps.store.read(attachment.sha256);
  if (attachment.mime !== 'application/pdf')
    return { kind: 'image', mime: attachment.mime, base64: bytes.toString('base64') };
  if (attachment.pageCount !== null)
    return { kind: 'pdf', pages: attachment.pageCount, base64: bytes.toString('base64') };
  const verdict = await (deps.pdf ?? sharedPdfInspector()).inspect(bytes);
  // A file from before the check that fails it now is not handed to the officer's PDF viewer
  // either (the thumbnail stays empty); it keeps no count, so it is checked on each preview.
  if (!verdict.ok) return { kind: 'pdf', pages: 0, base64: '' };
  deps.cases.recordPageCount(attachment.id, verdict.pages);
  return { kind: 'pdf', pages: verdict.pages, base64: bytes.toString('base64') };
}
