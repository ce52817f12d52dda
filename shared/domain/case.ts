import { z } from 'zod';
import { optionalText, requiredText } from './text';
import { isProvider, STORED_VISITOR_TYPES, type StoredVisitorType } from './visitor-types';

/**
 * Applications named in LPSE Support tickets (shared/domain/spse.md §2.5 [S19] [S29]) and LKPP's
 * other consultation channels (§2.1 [S18]: Katalog Elektronik and Toko Daring; §2.3 [S22]: the
 * INAPROC account). 'ekatalog' is Katalog Elektronik v6 (the key is kept so old cases keep their
 * value); 'agregasi' (ADP, the single provider ID across LPSEs) is legacy: still offered, since
 * old accounts still raise it, but labelled as such.
 */
export const APPLICATIONS = [
  'spse',
  'akun_inaproc',
  'sikap',
  'sirup',
  'ekatalog',
  'toko_daring',
  'apendo',
  'lpse_support',
  'agregasi',
  'lainnya',
] as const;
export type Application = (typeof APPLICATIONS)[number];
export const LEGACY_APPLICATIONS: readonly Application[] = ['agregasi'];

/** LPSE Support's "Tipe Tiket" (spse.md §2.2 [S19]). */
export const TICKET_TYPES = ['permasalahan', 'usulan', 'permintaan_layanan'] as const;
export type TicketType = (typeof TICKET_TYPES)[number];

/** Problem categories seen at LPSE helpdesks (spse.md §2.7). */
export const CATEGORIES = [
  'akun_login',
  'registrasi_verifikasi',
  'perubahan_data_penyedia',
  'sinkronisasi_sirup',
  'penawaran_apendo',
  'proses_tender',
  'ekatalog',
  'lainnya',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** Categories about one tender or catalogue package: the form asks for its code. */
export const CATEGORIES_NEEDING_PACKAGE_CODE: readonly Category[] = [
  'penawaran_apendo',
  'proses_tender',
  'ekatalog',
];

/**
 * Kinds of supporting document: the business licence (scan or copy, e.g. the NIB) and screenshots
 * named by LKPP's walk-in standard (spse.md §2.1 [S16]); the company profile and the Surat
 * Permohonan Perubahan that LPSE Support asks to upload (§2.2 [S19]).
 */
export const DOCUMENT_KINDS = [
  'business_licence',
  'company_profile',
  'change_request_letter',
  'screenshot',
  'other',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const ATTACHMENT_SOURCES = ['file', 'drop', 'scanner', 'folder'] as const;
export type AttachmentSource = (typeof ATTACHMENT_SOURCES)[number];

/** A badan usaha, or an older undivided "penyedia" (most providers at the desk are companies). */
function holdsBusinessLicence(role: string | null): boolean {
  return role === 'penyedia_badan_usaha' || role === 'penyedia';
}

/**
 * The documents a case needs before it can be escalated, by the SPSE role on the form:
 * - a provider that is a badan usaha (or an older undivided "penyedia") needs its business licence
 *   for registration or a data change: SE Deputi LKPP No. 2 Tahun 2020 asks a badan usaha for its
 *   deed and licence, a perorangan only for the owner's KTP and NPWP (spse.md §2.7);
 * - any provider changing its data (email, NPWP, business form) needs the Surat Permohonan
 *   Perubahan LPSE Support asks for (§2.2 [S19]);
 * - a problem seen on screen needs a screenshot of it (§2.1 [S16]).
 */
export function requiredDocumentKinds(
  spseRole: string | null,
  category: Category | null,
): DocumentKind[] {
  const required: DocumentKind[] = [];
  if (
    holdsBusinessLicence(spseRole) &&
    (category === 'registrasi_verifikasi' || category === 'perubahan_data_penyedia')
  ) {
    required.push('business_licence');
  }
  if (isProvider(spseRole) && category === 'perubahan_data_penyedia') {
    required.push('change_request_letter');
  }
  if (
    category === 'sinkronisasi_sirup' ||
    category === 'penawaran_apendo' ||
    category === 'proses_tender' ||
    category === 'ekatalog'
  ) {
    required.push('screenshot');
  }
  return required;
}

export function missingDocumentKinds(
  required: readonly DocumentKind[],
  present: readonly DocumentKind[],
): DocumentKind[] {
  return required.filter((k) => !present.includes(k));
}

/** What a new document is, as far as its kind can be guessed: a file's type, or paper scanned. */
export type DocumentOrigin = 'pdf' | 'image' | 'scan';

/**
 * The kind a new document most likely is, preselected for the officer: a missing required kind
 * that fits it (a licence is paper or a PDF, a screenshot an image), else the first one missing;
 * for a provider without a licence on the case, paper or a PDF is most likely the NIB, even
 * before a category says the licence is needed; otherwise a screenshot for an image.
 */
export function likelyDocumentKind(
  view: {
    missingDocuments: readonly DocumentKind[];
    reporter: { type: StoredVisitorType | null };
    form: { spseRole: string };
    attachments: readonly { kind: DocumentKind }[];
  },
  origin: DocumentOrigin,
): DocumentKind {
  const fits: DocumentKind = origin === 'image' ? 'screenshot' : 'business_licence';
  if (view.missingDocuments.includes(fits)) return fits;
  if (view.missingDocuments[0]) return view.missingDocuments[0];
  const role = view.form.spseRole || view.reporter.type;
  const hasLicence = view.attachments.some((a) => a.kind === 'business_licence');
  if (origin !== 'image' && holdsBusinessLicence(role) && !hasLicence) return 'business_licence';
  return origin === 'image' ? 'screenshot' : 'other';
}

const choice = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(['', ...values], { error: 'validation.invalid' }).optional();

/** The Form Permohonan Permasalahan LPSE as the officer fills it; a draft may be incomplete. */
export const caseFormSchema = z.object({
  // Stored types too: a draft begun with an older type still saves; the form offers only today's.
  spseRole: choice(STORED_VISITOR_TYPES),
  /** "LPSE tempat permasalahan": where the problem happened, the LPSE that handles the ticket. */
  lpse: optionalText(120),
  application: choice(APPLICATIONS),
  category: choice(CATEGORIES),
  ticketType: choice(TICKET_TYPES),
  packageCode: z
    .string()
    .trim()
    .max(40, { error: 'validation.tooLong:40' })
    .regex(/^[A-Za-z0-9-]*$/, { error: 'validation.packageCode' })
    .optional(),
  spseUserId: optionalText(100),
  errorCode: optionalText(100),
  description: optionalText(5000),
});
export type CaseForm = z.input<typeof caseFormSchema>;

/** What a case needs before it can be closed either way. */
export function completenessErrors(form: z.output<typeof caseFormSchema>): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!form.application) errors.application = 'validation.required';
  if (!form.category) errors.category = 'validation.required';
  if (!form.ticketType) errors.ticketType = 'validation.required';
  if (!form.description) errors.description = 'validation.required';
  if (
    form.category &&
    CATEGORIES_NEEDING_PACKAGE_CODE.includes(form.category) &&
    !form.packageCode
  ) {
    errors.packageCode = 'validation.packageCodeRequired';
  }
  return errors;
}

export const CASE_STATUSES = [
  'draft',
  'solved',
  'escalated',
  'backend_resolved',
  'closed',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Handed to the helpdesk and not yet confirmed closed: the visitor's answer still depends on it. */
export const OPEN_AT_HELPDESK_STATUSES: readonly string[] = [
  'escalated',
  'backend_resolved',
] satisfies CaseStatus[];

export const noteTextSchema = requiredText(5000);

export const caseViewSchema = z.object({
  caseId: z.number().int(),
  caseCode: z.string(),
  visitId: z.number().int(),
  /** The "Keperluan kunjungan" reception typed at check-in, in the visitor's words. */
  visitPurpose: z.string(),
  officerId: z.number().int(),
  status: z.enum(CASE_STATUSES),
  reporter: z.object({
    name: z.string(),
    phone: z.string(),
    email: z.string().nullable(),
    institution: z.string().nullable(),
    type: z.enum(STORED_VISITOR_TYPES).nullable(),
    /** "LPSE asal" as reception recorded it at this visit. */
    lpse: z.string().nullable(),
  }),
  form: z.object({
    spseRole: z.string(),
    lpse: z.string(),
    application: z.string(),
    category: z.string(),
    ticketType: z.string(),
    packageCode: z.string(),
    spseUserId: z.string(),
    errorCode: z.string(),
    description: z.string(),
  }),
  solution: z.string().nullable(),
  missingDocumentsReason: z.string().nullable(),
  notes: z.array(
    z.object({
      id: z.number().int(),
      authorId: z.number().int(),
      authorName: z.string(),
      at: z.string(),
      text: z.string(),
      correctsNoteId: z.number().int().nullable(),
    }),
  ),
  attachments: z.array(
    z.object({
      id: z.number().int(),
      sha256: z.string(),
      originalName: z.string(),
      mime: z.string(),
      size: z.number().int(),
      source: z.string(),
      kind: z.enum(DOCUMENT_KINDS),
      /** Pages of a PDF or TIFF (1 for other images); null for files attached before it was kept. */
      pageCount: z.number().int().nullable(),
      addedAt: z.string(),
    }),
  ),
  requiredDocuments: z.array(z.enum(DOCUMENT_KINDS)),
  missingDocuments: z.array(z.enum(DOCUMENT_KINDS)),
  createdAt: z.string(),
  updatedAt: z.string(),
  closedAt: z.string().nullable(),
});
export type CaseView = z.infer<typeof caseViewSchema>;
