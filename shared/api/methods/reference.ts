import { z } from 'zod';
import { lpseEntrySchema, lpseSaveSchema, unlistedLpseSchema } from '../../domain/lpse';
import { method, STAFF_WINDOW, empty, type MethodSpec } from './method';

/** Reference data the forms pick from: the LPSE directory. */
export const referenceMethods = {
  'lpse.search': method({
    input: z.object({ query: z.string().max(100) }),
    output: z.array(lpseEntrySchema),
    access: ['receptionist', 'officer', 'supervisor', 'admin'],
    windows: STAFF_WINDOW,
  }),
  'lpse.list': method({
    input: empty,
    output: z.object({
      lpses: z.array(lpseEntrySchema),
      /** Names typed as "Lainnya (isi manual)" that no LPSE of the directory matches. */
      unlisted: z.array(unlistedLpseSchema),
    }),
    access: ['admin'],
    windows: STAFF_WINDOW,
  }),
  'lpse.save': method({
    input: lpseSaveSchema,
    output: lpseEntrySchema,
    access: ['admin'],
    windows: STAFF_WINDOW,
    changes: ['settings'],
  }),
} as const satisfies Record<string, MethodSpec>;
