import { formatPhoneNational } from '../../../shared/domain/phone';
import { translate } from '../../../shared/i18n/messages';
import { formatDayLong, formatTimeWib, serviceDayOf } from '../../../shared/time';
import type { CaseView } from '../consultation/cases';
import type { TicketDraft } from './connectors/helpdesk-connector';

const label = (group: string, value: string) =>
  value ? translate('id', `${group}.${value}`) : '—';

/**
 * The ticket as the backend helpdesk reads it: the Form Permohonan Permasalahan, the consultation
 * notes and the documents, in Indonesian, keyed by the case ID.
 */
export async function buildTicketDraft(
  view: CaseView,
  readAttachment: (sha256: string) => Promise<Buffer>,
): Promise<TicketDraft> {
  const f = view.form;
  const r = view.reporter;
  const lines = [
    `Form Permohonan Permasalahan LPSE — ${view.caseCode}`,
    `Tanggal: ${formatDayLong(serviceDayOf(new Date(view.createdAt)), 'id')} ${formatTimeWib(view.createdAt, 'id')} WIB`,
    '',
    `Pelapor: ${r.name}`,
    `Instansi/perusahaan: ${r.institution ?? '—'}`,
    `Telepon: ${formatPhoneNational(r.phone)}`,
    `Email: ${r.email ?? '—'}`,
    `LPSE asal: ${r.lpse || '—'}`,
    '',
    `Tipe tiket: ${label('ticketTypes', f.ticketType)}`,
    `Peran di SPSE: ${label('visitorTypes', f.spseRole)}`,
    `LPSE tempat permasalahan: ${f.lpse || '—'}`,
    `Aplikasi: ${label('applications', f.application)}`,
    `Kategori: ${label('categories', f.category)}`,
    `Kode tender/paket: ${f.packageCode || '—'}`,
    `Kode error: ${f.errorCode || '—'}`,
    `User ID SPSE: ${f.spseUserId || '—'}`,
    '',
    'Uraian permasalahan:',
    f.description,
  ];
  if (view.missingDocumentsReason) {
    lines.push('', `Dokumen wajib belum lengkap: ${view.missingDocumentsReason}`);
  }
  if (view.notes.length > 0) {
    lines.push('', 'Catatan konsultasi:');
    for (const n of view.notes)
      lines.push(`- ${formatTimeWib(n.at, 'id')} ${n.authorName}: ${n.text}`);
  }
  const attachments = [];
  for (const a of view.attachments) {
    attachments.push({
      fileName: a.originalName,
      mime: a.mime,
      bytes: await readAttachment(a.sha256),
    });
  }
  const summary = f.description.length > 80 ? `${f.description.slice(0, 77)}…` : f.description;
  return {
    caseCode: view.caseCode,
    subject: `[${view.caseCode}] ${label('categories', f.category)}: ${summary}`,
    requestor: { name: r.name, email: r.email, phone: r.phone },
    body: lines.join('\n'),
    category: f.category,
    // LPSE Support's "LPSE" field: where the problem happened, the LPSE that handles it.
    lpse: f.lpse || null,
    ticketType: f.ticketType || null,
    errorCode: f.errorCode || null,
    attachments,
  };
}
