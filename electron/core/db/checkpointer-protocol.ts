import { z } from 'zod';

/** The one shared word between the desk's thread and its checkpointer: where it is. */
export const CONTROL_STATE = 0;
export const STARTING = 0;
export const READY = 1;
/** Set by the desk: the checkpointer closes its connection and ends. */
export const STOPPING = 2;
/** Set by the checkpointer once its connection is closed. */
export const CLOSED = 3;

export const checkpointerInput = z.object({
  file: z.string(),
  nativeBinding: z.string().optional(),
  everyMs: z.number().int().positive(),
  control: z.instanceof(SharedArrayBuffer),
});
export type CheckpointerInput = z.infer<typeof checkpointerInput>;
