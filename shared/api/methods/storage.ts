import { z } from 'zod';
import { method, STAFF_WINDOW, empty, type MethodSpec } from './method';

export const storageMethods = {
  'storage.status': method({
    input: empty,
    output: z.object({
      /** Found damaged while running: read-only until restored from a backup. */
      damaged: z.boolean(),
      freeBytes: z.number().nullable(),
      lowDisk: z.boolean(),
    }),
    access: 'staff',
    windows: STAFF_WINDOW,
    poll: true,
  }),
} as const satisfies Record<string, MethodSpec>;
