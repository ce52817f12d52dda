import PDFDocument from 'pdfkit';
import { NOTICE_SECTION_KEYS, type PrivacyNotice } from '../../../shared/domain/privacy-notice';
import type { Locale } from '../../../shared/i18n/messages';
import { translate } from '../../../shared/i18n/messages';
import { unicodeFont } from './requests/person-pdf';

/** The processing notice on one A4 page, for reception to print and hand over. */
export function noticePdf(notice: PrivacyNotice, locale: Locale): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: notice.title[locale] } });
  const font = unicodeFont();
  if (font) doc.font(font);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.fontSize(16).text(notice.title[locale]);
  doc.moveDown(0.5);
  for (const key of NOTICE_SECTION_KEYS) {
    const section = notice.sections[key];
    doc.fontSize(11).text(section.heading[locale]);
    doc.fontSize(10).text(section.body[locale]).moveDown(0.5);
  }
  doc.fontSize(8).text(translate(locale, 'privacy.notice.version', { version: notice.version }));
  doc.end();
  return done;
}
