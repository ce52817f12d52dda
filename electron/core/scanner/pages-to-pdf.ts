import type { ScannedPage } from './scan-sessions';

/**
 * Combines scanned pages (PNG) into one PDF, each page the paper's size at the resolution that
 * page was scanned at: a page scanned at 300 dpi after one at 150 is the same sheet, not twice
 * as large.
 */
export async function pagesToPdf(pages: readonly ScannedPage[]): Promise<Buffer> {
  // Loaded when a file is made: the library is large and most sessions never export.
  const { PDFDocument } = await import('pdf-lib');
  const doc = await PDFDocument.create();
  doc.setCreator('Loket');
  for (const { png, dpi } of pages) {
    const image = await doc.embedPng(png);
    const width = (image.width / dpi) * 72;
    const height = (image.height / dpi) * 72;
    doc.addPage([width, height]).drawImage(image, { x: 0, y: 0, width, height });
  }
  return Buffer.from(await doc.save());
}
