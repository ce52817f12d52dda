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
    translate(locale, `privacy.pdf.${key}`, params);
  const doc = new PDFDocument({ size: 'A4', margin: 48, info: { Title: t('title') } });
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
  doc.fontSize(16).text(t('title'));
  doc.fontSize(9).text(t('generated', { at: when(record.generatedAt, locale) }));
  doc.text(t('surveyNote'));
  heading(t('person'));
  line(t('fullName'), v.fullName);
  line(t('phone'), v.phone);
  line(t('email'), v.email);
  line(t('institution'), v.institution);
  line(t('lpse'), v.lpse);
  line(t('since'), when(v.createdAt, locale));
  if (record.restricted) line(t('restricted'), when(record.restricted.at, locale));

  heading(t('visits', { count: record.visits.length }));
  for (const x of record.visits) {
    doc.moveDown(0.3).text(`${x.serviceDay} · ${x.queueLabel} · ${x.status}`);
    line(t('purpose'), x.purpose);
    line(
      t('given'),
      [x.fullName, x.phone, x.email, x.institution, x.lpse].filter(Boolean).join(', '),
    );
    line(
      t(x.notice.kind === 'notice' ? 'notice' : 'consent'),
      `${x.notice.version} · ${when(x.notice.at, locale)}${x.notice.delivery ? ` · ${translate(locale, `privacy.notice.deliveries.${x.notice.delivery}`)}` : ''}`,
    );
    if (x.contactConsent) line(t('contactConsent'), when(x.contactConsent.at, locale));
  }

  heading(t('cases', { count: record.cases.length }));
  for (const c of record.cases) {
    doc
      .moveDown(0.3)
      .text(`${c.caseCode} · ${c.status}${c.ticket ? ` · ${t('ticket')} ${c.ticket}` : ''}`);
    line(
      t('reporter'),
      [c.reporterName, c.reporterPhone, c.reporterEmail].filter(Boolean).join(', '),
    );
    line(t('spseUserId'), c.spseUserId);
    line(t('description'), c.description);
    line(t('solution'), c.solution);
    for (const d of c.documents) doc.text(`• ${t('document')}: ${d.name} (${d.kind}, ${d.size} B)`);
    for (const n of c.notes)
      doc.text(`• ${t('note')} ${when(n.at, locale)} ${n.author}: ${n.text}`);
    for (const k of c.confirmations) {
      doc.text(`• ${t('confirmation')} ${when(k.confirmedAt, locale)} ${k.channel}: ${k.outcome}`);
    }
    for (const h of c.helpdesk) doc.text(`• ${t('helpdesk')}: ${h.operation} · ${h.state}`);
  }

  heading(t('trail', { count: record.trail.length }));
  doc.fontSize(8);
  for (const a of record.trail) {
    doc.text(
      `${when(a.at, locale)} · ${a.actor ?? t('system')} · ${a.action} · ${a.entity} ${a.entityId ?? ''}`,
    );
  }
  doc.end();
  return done;
}
