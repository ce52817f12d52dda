import { existsSync } from 'node:fs';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import type { PersonRecord } from '../../../../shared/domain/privacy-request';
import { translate, type Locale } from '../../../../shared/i18n/messages';
import { formatTimeWib, serviceDayOf } from '../../../../shared/time';

/**
 * Unicode fonts in the order they are tried: the app's own (resources/fonts, when the shared
 * report writer ships one), then the ones Debian and Windows install. Names are in any script
 * ("Nyoman Ñáñez 山田"), so the standard PDF fonts (WinAnsi only) would lose letters.
 */
const FONT_CANDIDATES = [
  join(import.meta.dirname, '..', '..', '..', '..', 'resources', 'fonts', 'NotoSans-Regular.ttf'),
  '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  '/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf',
  '/usr/share/request-tracker5/fonts/NotoSans-Regular.ttf',
  'C:\\Windows\\Fonts\\arial.ttf',
];

export function unicodeFont(): string | null {
  return FONT_CANDIDATES.find((f) => existsSync(f)) ?? null;
}

const when = (iso: string | null, locale: Locale): string =>
  iso === null ? '—' : `${serviceDayOf(new Date(iso))} ${formatTimeWib(iso, locale)} WIB`;

/**
 * The access copy as a PDF a person can read: one small module with one job, so that it can be
 * moved onto the shared report writer once that exists.
 */
export function personRecordPdf(record: PersonRecord, locale: Locale): Promise<Buffer> {
  const t = (key: string, params?: Record<string, string | number>) =>
    translate(locale, key, params);
  const doc = new PDFDocument({ size: 'A4', margin: 48, info: { Title: t('privacy.pdf.title') } });
  const font = unicodeFont();
  if (font) doc.font(font);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const heading = (text: string) => doc.moveDown(0.6).fontSize(13).text(text).fontSize(10);
  const line = (label: string, value: string | null) =>
    doc.text(`${label}: ${value === null || value === '' ? '—' : value}`);

  const v = record.visitor;
  doc.fontSize(16).text(t('privacy.pdf.title'));
  doc.fontSize(9).text(t('privacy.pdf.generated', { at: when(record.generatedAt, locale) }));
  doc.text(t('privacy.pdf.surveyNote'));
  heading(t('privacy.pdf.person'));
  line(t('privacy.pdf.fullName'), v.fullName);
  line(t('privacy.pdf.phone'), v.phone);
  line(t('privacy.pdf.email'), v.email);
  line(t('privacy.pdf.institution'), v.institution);
  line(t('privacy.pdf.lpse'), v.lpse);
  line(t('privacy.pdf.since'), when(v.createdAt, locale));
  if (record.restricted) line(t('privacy.pdf.restricted'), when(record.restricted.at, locale));

  heading(t('privacy.pdf.visits', { count: record.visits.length }));
  for (const x of record.visits) {
    doc.moveDown(0.3).text(`${x.serviceDay} · ${x.queueLabel} · ${x.status}`);
    line(t('privacy.pdf.purpose'), x.purpose);
    line(
      t('privacy.pdf.given'),
      [x.fullName, x.phone, x.email, x.institution, x.lpse].filter(Boolean).join(', '),
    );
    line(
      t(x.notice.kind === 'notice' ? 'privacy.pdf.notice' : 'privacy.pdf.consent'),
      `${x.notice.version} · ${when(x.notice.at, locale)}${x.notice.delivery ? ` · ${translate(locale, `privacy.notice.deliveries.${x.notice.delivery}`)}` : ''}`,
    );
    if (x.contactConsent) line(t('privacy.pdf.contactConsent'), when(x.contactConsent.at, locale));
  }

  heading(t('privacy.pdf.cases', { count: record.cases.length }));
  for (const c of record.cases) {
    doc
      .moveDown(0.3)
      .text(
        `${c.caseCode} · ${c.status}${c.ticket ? ` · ${t('privacy.pdf.ticket')} ${c.ticket}` : ''}`,
      );
    line(
      t('privacy.pdf.reporter'),
      [c.reporterName, c.reporterPhone, c.reporterEmail].filter(Boolean).join(', '),
    );
    line(t('privacy.pdf.spseUserId'), c.spseUserId);
    line(t('privacy.pdf.description'), c.description);
    line(t('privacy.pdf.solution'), c.solution);
    for (const d of c.documents)
      doc.text(`• ${t('privacy.pdf.document')}: ${d.name} (${d.kind}, ${d.size} B)`);
    for (const n of c.notes)
      doc.text(`• ${t('privacy.pdf.note')} ${when(n.at, locale)} ${n.author}: ${n.text}`);
    for (const k of c.confirmations) {
      doc.text(
        `• ${t('privacy.pdf.confirmation')} ${when(k.confirmedAt, locale)} ${k.channel}: ${k.outcome}`,
      );
    }
    for (const h of c.helpdesk)
      doc.text(`• ${t('privacy.pdf.helpdesk')}: ${h.operation} · ${h.state}`);
  }

  heading(t('privacy.pdf.trail', { count: record.trail.length }));
  doc.fontSize(8);
  for (const a of record.trail) {
    doc.text(
      `${when(a.at, locale)} · ${a.actor ?? t('privacy.pdf.system')} · ${a.action} · ${a.entity} ${a.entityId ?? ''}`,
    );
  }
  doc.end();
  return done;
}
