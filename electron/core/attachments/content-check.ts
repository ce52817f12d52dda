import { AppError } from '../errors';
import { checkImage } from './image-check';
import type { PdfInspector } from './pdf-inspector';
import type { AllowedMime } from './sniff-type';

/**
 * What a file must be beyond its type before it is stored and later forwarded to the helpdesk:
 * a whole image of a decodable size, or a PDF without active content, trailing data or a
 * compression bomb. Returns the page count (PDF, TIFF) for the record.
 */
export async function checkContent(
  mime: AllowedMime,
  bytes: Buffer,
  pdf: PdfInspector,
): Promise<{ pageCount: number }> {
  if (mime === 'application/pdf') {
    const verdict = await pdf.inspect(bytes);
    if (!verdict.ok) throw new AppError(verdict.code);
    return { pageCount: verdict.pages };
  }
  const image = checkImage(mime, bytes);
  if (!image.ok) throw new AppError(image.code);
  return { pageCount: image.pages };
}
