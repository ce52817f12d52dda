import { z } from 'zod';

/**
 * Who the visitor is in SPSE, as offered on today's forms: the procurement actors of Perpres
 * 16/2018 as amended by Perpres 12/2021 and 46/2025 (PA/KPA, PPK, Pejabat Pengadaan, Pokja
 * Pemilihan under UKPBJ and its head, Agen Pengadaan, Penyelenggara Swakelola, Penyedia), the
 * Bendahara who uses Katalog Elektronik v6, the LPSE's own operators as LKPP's standard names
 * them (Admin PPE, Admin Agency, Verifikator, Helpdesk), and Auditor/APIP (the e-Audit module).
 * Sources: shared/domain/spse.md §2.6 [S31] [S32] [S33] [S28]; the roles LPSE Support's ticket
 * form offers [S19].
 *
 * Penyedia is split because the documents differ (SE Deputi LKPP No. 2 Tahun 2020, spse.md §2.7):
 * a badan usaha shows its deed and business licence, a perorangan only the owner's KTP and NPWP.
 */
export const VISITOR_TYPES = [
  'penyedia_badan_usaha',
  'penyedia_perorangan',
  'pa_kpa',
  'ppk',
  'pp',
  'pokja',
  'kuppbj',
  'agen_pengadaan',
  'penyelenggara_swakelola',
  'bendahara',
  'operator_lpse',
  'auditor',
  'lainnya',
] as const;

/**
 * Values older Loket versions stored and no form offers any more: still read (old visits, cases
 * and the register show them with their label), never offered for a new entry.
 */
export const LEGACY_VISITOR_TYPES = ['penyedia'] as const;

export const STORED_VISITOR_TYPES = [...VISITOR_TYPES, ...LEGACY_VISITOR_TYPES] as const;

/** What a form may send: a type it offers. */
export const visitorTypeSchema = z.enum(VISITOR_TYPES);
/** What the database may hold: today's types and the legacy ones. */
export const storedVisitorTypeSchema = z.enum(STORED_VISITOR_TYPES);
export type VisitorType = z.infer<typeof visitorTypeSchema>;
export type StoredVisitorType = z.infer<typeof storedVisitorTypeSchema>;

/** Both kinds of penyedia, and the undivided one of older records. */
export const PROVIDER_TYPES: readonly StoredVisitorType[] = [
  'penyedia_badan_usaha',
  'penyedia_perorangan',
  'penyedia',
];

export function isProvider(type: string | null | undefined): boolean {
  return PROVIDER_TYPES.includes(type as StoredVisitorType);
}
