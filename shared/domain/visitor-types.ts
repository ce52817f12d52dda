import { z } from 'zod';

/**
 * Who the visitor is in SPSE (see shared/domain/spse.md §2.6): the roles users pick in LPSE
 * Support tickets, plus the LPSE's own operators, auditors and anyone else.
 */
export const VISITOR_TYPES = [
  'penyedia',
  'ppk',
  'pp',
  'pokja',
  'kuppbj',
  'pa_kpa',
  'operator_lpse',
  'auditor',
  'lainnya',
] as const;
export const visitorTypeSchema = z.enum(VISITOR_TYPES);
export type VisitorType = z.infer<typeof visitorTypeSchema>;
