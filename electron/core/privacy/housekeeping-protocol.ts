import { z } from 'zod';

/** What the serving thread hands the housekeeping worker (housekeeping-worker.ts). */
export const housekeepingWorkerInput = z.object({
  file: z.string(),
  nativeBinding: z.string().optional(),
  attachmentsDir: z.string(),
  /** The core's clock when the run starts (ISO): the time every row the run writes carries. */
  now: z.string(),
  sizes: z.object({
    stale: z.number().int().positive(),
    retention: z.number().int().positive(),
    purge: z.number().int().positive(),
  }),
  /** Between two transactions: a write of the desk waiting for the lock gets it then. */
  pauseMs: z.number().nonnegative(),
  /** Set while a batch runs, for the desk to wait on (db/background-writes.ts). */
  writing: z.instanceof(SharedArrayBuffer),
});
export type HousekeepingWorkerInput = z.infer<typeof housekeepingWorkerInput>;

/** What the worker reports: each batch once committed, then how the run ended. */
export const housekeepingWorkerMessage = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('batch'),
    kind: z.enum(['stale', 'anonymise', 'purge']),
    count: z.number().int().nonnegative(),
    /** How long the batch took, in ms (waiting for the write lock included). */
    ms: z.number().nonnegative(),
  }),
  z.object({ type: z.literal('done') }),
  z.object({ type: z.literal('failed'), message: z.string(), code: z.string().optional() }),
]);
export type HousekeepingWorkerMessage = z.infer<typeof housekeepingWorkerMessage>;

/** From the serving thread: no batch starts after this one. */
export const STOP_MESSAGE = { type: 'stop' } as const;
