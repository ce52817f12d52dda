/**
 * PDFs shaped like what reaches the desk: a scan of A4 pages, one full-page image each plus a
 * line of text, written by pdf-lib (object streams, as most producers now write them). They pass
 * the store's upload check (no active content, nothing after %%EOF, parseable, pages counted).
 *
 * The page images are uncompressed RGB noise: a scan's JPEG data does not compress either, and
 * raw pixels can be refilled in place, so every file is different (no cheap "already stored")
 * while the bench holds one buffer, not one per file, and its own memory stays out of the figure.
 */
import { randomBytes, randomFillSync } from 'node:crypto';
import {
  concatTransformationMatrix,
  drawObject,
  PDFDocument,
  popGraphicsState,
  pushGraphicsState,
  StandardFonts,
} from 'pdf-lib';

const A4: [number, number] = [595.28, 841.89];
/** A4 at 100 dpi: 827 × 1169 pixels, 2.9 MB of RGB per full page. */
const WIDTH_PX = 827;
const FULL_PAGE_ROWS = 1169;
const ROW_BYTES = WIDTH_PX * 3;

async function build(pages: number, rowsPerPage: number): Promise<ScannedPdf> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const probes: Buffer[] = [];
  for (let i = 0; i < pages; i++) {
    const page = doc.addPage(A4);
    const pixels = randomBytes(rowsPerPage * ROW_BYTES);
    probes.push(pixels.subarray(0, 64));
    const image = doc.context.register(
      doc.context.stream(pixels, {
        Type: 'XObject',
        Subtype: 'Image',
        Width: WIDTH_PX,
        Height: rowsPerPage,
        ColorSpace: 'DeviceRGB',
        BitsPerComponent: 8,
      }),
    );
    const name = page.node.newXObject('Scan', image);
    const height = (A4[0] * rowsPerPage) / WIDTH_PX;
    page.pushOperators(
      pushGraphicsState(),
      concatTransformationMatrix(A4[0], 0, 0, height, 0, A4[1] - height),
      drawObject(name),
      popGraphicsState(),
    );
    page.drawText(`Dokumen pendukung, halaman ${i + 1} dari ${pages}`, {
      x: 40,
      y: 30,
      size: 9,
      font,
    });
  }
  const bytes = Buffer.from(await doc.save({ useObjectStreams: true }));
  const imageAt = probes.map((probe) => {
    const at = bytes.indexOf(probe);
    if (at < 0) throw new Error('page image not found in the saved PDF');
    return at;
  });
  return new ScannedPdf(bytes, pages, imageAt, rowsPerPage * ROW_BYTES);
}

export class ScannedPdf {
  constructor(
    /** The file; `refill` changes it in place. */
    readonly bytes: Buffer,
    readonly pages: number,
    private readonly imageAt: readonly number[],
    private readonly imageBytes: number,
  ) {}

  /** New pixels on every page: a different file of the same size and structure. */
  refill(): Buffer {
    for (const at of this.imageAt) randomFillSync(this.bytes, at, this.imageBytes);
    return this.bytes;
  }

  /**
   * The largest such scan of at most `maxBytes` (within one pixel row per page of it): as many
   * full A4 pages as it takes, all of the same height.
   */
  static async ofAtMost(maxBytes: number): Promise<ScannedPdf> {
    const pages = Math.max(1, Math.ceil(maxBytes / (FULL_PAGE_ROWS * ROW_BYTES)));
    const rowsFor = (overhead: number) => Math.floor((maxBytes - overhead) / pages / ROW_BYTES);
    // Built once to learn what pdf-lib adds around the pixels, then at the size that fits.
    const probe = await build(pages, rowsFor(0) - 8);
    const overhead = probe.bytes.length - pages * probe.imageBytes;
    const pdf = await build(pages, rowsFor(overhead + 64));
    if (pdf.bytes.length > maxBytes) throw new Error('scanned PDF larger than asked');
    return pdf;
  }
}
