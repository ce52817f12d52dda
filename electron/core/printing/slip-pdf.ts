import PDFDocument from 'pdfkit';
import type { PaperWidth } from '../../../shared/domain/printer';
import type { Slip } from '../../../shared/domain/slip';
import { slipLines, type SlipLine, type SlipStyle } from './slip-lines';

const PT_PER_MM = 72 / 25.4;
const MARGIN = 8;
const RULE_GAP = 6;

const FONTS: Record<SlipStyle, { font: string; size: number; gap: number }> = {
  header: { font: 'Helvetica', size: 8, gap: 4 },
  title: { font: 'Helvetica-Bold', size: 10, gap: 2 },
  number: { font: 'Helvetica-Bold', size: 40, gap: 4 },
  code: { font: 'Helvetica-Bold', size: 12, gap: 4 },
  strong: { font: 'Helvetica-Bold', size: 9, gap: 3 },
  normal: { font: 'Helvetica', size: 9, gap: 2 },
  small: { font: 'Helvetica', size: 7, gap: 0 },
};

type Doc = InstanceType<typeof PDFDocument>;

function lineHeight(doc: Doc, line: SlipLine, width: number): number {
  if (line.style === 'rule') return RULE_GAP * 2;
  const f = FONTS[line.style];
  return doc.font(f.font).fontSize(f.size).heightOfString(line.text, { width }) + f.gap;
}

/**
 * The slip as a one-page PDF as wide as the thermal paper (58 or 80 mm) and as long as its
 * text, for a printer the operating system knows (printed from the PDF viewer). Helvetica's
 * WinAnsi covers the slip's Indonesian text and marks (×, ·).
 */
export function slipPdf(slip: Slip, width: PaperWidth): Promise<Buffer> {
  const pageWidth = width * PT_PER_MM;
  const textWidth = pageWidth - 2 * MARGIN;
  const lines = slipLines(slip);
  const doc = new PDFDocument({
    autoFirstPage: false,
    info: { Title: slip.kind === 'queue' ? slip.queueLabel : slip.caseCode, Author: 'Loket' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const height = lines.reduce((sum, l) => sum + lineHeight(doc, l, textWidth), 2 * MARGIN);
  doc.addPage({ size: [pageWidth, Math.ceil(height)], margin: MARGIN });
  let y = MARGIN;
  for (const line of lines) {
    if (line.style === 'rule') {
      y += RULE_GAP;
      doc
        .moveTo(MARGIN, y)
        .lineTo(pageWidth - MARGIN, y)
        .dash(2, { space: 2 })
        .lineWidth(0.5)
        .stroke()
        .undash();
      y += RULE_GAP;
      continue;
    }
    const f = FONTS[line.style];
    const h = lineHeight(doc, line, textWidth);
    doc
      .font(f.font)
      .fontSize(f.size)
      .text(line.text, MARGIN, y, {
        width: textWidth,
        align: line.style === 'small' ? 'left' : 'center',
        lineBreak: true,
      });
    y += h;
  }
  doc.end();
  return finished;
}
