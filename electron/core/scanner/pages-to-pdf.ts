/** Combines scanned pages (PNG) into one PDF, each page the paper's size at the scan's resolution. */
export async function pagesToPdf(pages: readonly Buffer[], dpi: number): Promise<Buffer> {
  // Loaded when a file is made: the library is large and most sessions never export.
  const { PDFDocument } = await import('pdf-lib');
  const doc = await PDFDocument.create();
  doc.setCreator('Loket');
  for (const png of pages) {
    const image = await doc.embedPng(png);
    const width = (image.width / dpi) * 72;
    const height = (image.height / dpi) * 72;
    doc.addPage([width, height]).drawImage(image, { x: 0, y: 0, width, height });
  }
  return Buffer.from(await doc.save());
}
