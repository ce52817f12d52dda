import { z } from 'zod';
import { topicSchema } from './topics';

/**
 * What a screen hears on its push stream (Server-Sent Events from its host; IPC in Electron).
 * `change`: reload what shows these topics. `resync`: the stream was interrupted, reload
 * everything. `hub`: a station's link to its hub (only stations send it).
 */
export const pushEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('change'), topics: z.array(topicSchema).min(1) }),
  z.object({ type: z.literal('resync') }),
  z.object({
    type: z.literal('hub'),
    state: z.enum(['connected', 'unreachable', 'incompatible', 'refused']),
    /** When the current state began (ISO time); shown as "sejak HH.MM". */
    since: z.string(),
    /** For `incompatible`: which side must be updated to match the other. */
    update: z.enum(['hub', 'station']).optional(),
    hubVersion: z.string().optional(),
  }),
]);
export type PushEvent = z.infer<typeof pushEventSchema>;
