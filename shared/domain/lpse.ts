import { z } from 'zod';
import { searchWords } from './search-text';
import { requiredText } from './text';

/**
 * The LPSE directory: since Keputusan Kepala LKPP No. 205 Tahun 2024 every LPSE's SPSE runs on
 * the central domain as spse.inaproc.id/<path> (shared/domain/spse.md §2.4 and §5 [S24]); there
 * is no downloadable list, so the desk keeps its own, maintained by the administrator.
 */
export const SPSE_CENTRAL_DOMAIN = 'https://spse.inaproc.id';

/** Ways the same word is written in LPSE names: "Kab." and "Kabupaten" are one word. */
const SAME_WORD: Record<string, string> = {
  kab: 'kabupaten',
  pemkab: 'kabupaten',
  prov: 'provinsi',
  propinsi: 'provinsi',
  pemprov: 'provinsi',
  pemkot: 'kota',
  kemen: 'kementerian',
  kementrian: 'kementerian',
};
/** Words that do not tell one LPSE from another ("LPSE Kab. Bogor" is "Kabupaten Bogor"). */
const NOISE = new Set(['lpse', 'pemerintah', 'pemda']);

/** The words of an LPSE name as the directory compares them. */
export function lpseWords(name: string): string[] {
  return searchWords(name)
    .map((w) => SAME_WORD[w] ?? w)
    .filter((w) => !NOISE.has(w));
}

/**
 * One key per LPSE however it is written: "LPSE Kab. Bogor", "Kabupaten Bogor" and "kab bogor"
 * all give "kabupaten bogor". Empty when the name says nothing but "LPSE".
 */
export function lpseKey(name: string): string {
  return lpseWords(name).join(' ');
}

export const spsePathSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(60, { error: 'validation.tooLong:60' })
  .regex(/^[a-z0-9][a-z0-9-]*$|^$/, { error: 'validation.spsePath' });

export const lpseNameSchema = requiredText(120).refine((name) => lpseKey(name) !== '', {
  error: 'validation.lpseName',
});

export const lpseEntrySchema = z.object({
  id: z.number().int(),
  name: z.string(),
  /** The path on the central domain; null where no source gave it yet. */
  spsePath: z.string().nullable(),
  active: z.boolean(),
});
export type LpseEntry = z.infer<typeof lpseEntrySchema>;

export const lpseSaveSchema = z.object({
  /** Absent for a new LPSE. */
  id: z.number().int().positive().optional(),
  name: lpseNameSchema,
  spsePath: spsePathSchema,
  active: z.boolean(),
});

/** A name typed as "Lainnya (isi manual)" that matches no LPSE of the directory. */
export const unlistedLpseSchema = z.object({
  text: z.string(),
  /** Visitors and cases that carry it. */
  uses: z.number().int(),
});
export type UnlistedLpse = z.infer<typeof unlistedLpseSchema>;

export function spseUrl(path: string): string {
  return `${SPSE_CENTRAL_DOMAIN}/${path}`;
}
