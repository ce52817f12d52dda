import { z } from 'zod';
import { optionalText, requiredText } from './text';
import type { VisitorType } from './visitor-types';
import { VISITOR_TYPES } from './visitor-types';

/** Applications named in LPSE Support tickets (shared/domain/spse.md §2.5). */
export const APPLICATIONS = [
  'spse',
  'sikap',
  'sirup',
  'ekatalog',
  'agregasi',
  'apendo',
  'lainnya',
] as const;
export type Application = (typeof APPLICATIONS)[number];

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

export const DOCUMENT_KINDS = ['business_licence', 'screenshot', 'other'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const ATTACHMENT_SOURCES = ['file', 'drop', 'scanner', 'folder'] as const;
export type AttachmentSource = (typeof ATTACHMENT_SOURCES)[number];

/**
 * The documents a case needs before it can be escalated: a provider's registration or data-change
 * problem needs the business licence scan (SE Deputi LKPP 2/2020 verification documents); a
 * problem seen on screen needs a screenshot of it.
 */
export function requiredDocumentKinds(
  reporterType: VisitorType | null,
  category: Category | null,
): DocumentKind[] {
  const required: DocumentKind[] = [];
  if (
    reporterType === 'penyedia' &&
    (category === 'registrasi_verifikasi' || category === 'perubahan_data_penyedia')
  ) {
    required.push('business_licence');
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
    reporter: { type: VisitorType | null };
    form: { spseRole: string };
    attachments: readonly { kind: DocumentKind }[];
  },
  origin: DocumentOrigin,
): DocumentKind {
  const fits: DocumentKind = origin === 'image' ? 'screenshot' : 'business_licence';
  if (view.missingDocuments.includes(fits)) return fits;
  if (view.missingDocuments[0]) return view.missingDocuments[0];
  const provider = view.reporter.type === 'penyedia' || view.form.spseRole === 'penyedia';
  const hasLicence = view.attachments.some((a) => a.kind === 'business_licence');
  if (origin !== 'image' && provider && !hasLicence) return 'business_licence';
  return origin === 'image' ? 'screenshot' : 'other';
}

const choice = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(['', ...values], { error: 'validation.invalid' }).optional();

/** The Form Permohonan Permasalahan LPSE as the officer fills it; a draft may be incomplete. */
export const caseFormSchema = z.object({
  spseRole: choice(VISITOR_TYPES),
  lpse: optionalText(120),
  application: choice(APPLICATIONS),
  category: choice(CATEGORIES),
  packageCode: z
    .string()
    .trim()
    .max(40, { error: 'validation.tooLong:40' })
    .regex(/^[A-Za-z0-9-]*$/, { error: 'validation.packageCode' })
    .optional(),
  spseUserId: optionalText(100),
  description: optionalText(5000),
});
export type CaseForm = z.input<typeof caseFormSchema>;

/** What a case needs before it can be closed either way. */
export function completenessErrors(form: z.output<typeof caseFormSchema>): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!form.application) errors.application = 'validation.required';
  if (!form.category) errors.category = 'validation.required';
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
    type: z.enum(VISITOR_TYPES).nullable(),
  }),
  form: z.object({
    spseRole: z.string(),
    lpse: z.string(),
    application: z.string(),
    category: z.string(),
    packageCode: z.string(),
    spseUserId: z.string(),
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
