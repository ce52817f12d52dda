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
  let pages = attachment.pageCount;
  if (pages === null) {
    const verdict = await (deps.pdf ?? sharedPdfInspector()).inspect(bytes);
    // A legacy file the check refuses keeps no count: the thumbnail then says nothing of pages.
    pages = verdict.ok ? verdict.pages : 0;
    if (verdict.ok) deps.cases.recordPageCount(attachment.id, verdict.pages);
  }
  return { kind: 'pdf', pages, base64: bytes.toString('base64') };
}
