import { z } from 'zod';

/**
 * What a screen may need to reload. A change is announced by topic only, never with its data:
 * every screen then reloads through its own call, so it sees exactly what its role may see and
 * nothing personal travels on the push stream.
 */
export const TOPICS = [
  'queue',
  'cases',
  'followup',
  'sync',
  'survey',
  'staff',
  'settings',
  'stations',
  'storage',
  /** Files offered from the scan-to folder. */
  'folder',
] as const;
export const topicSchema = z.enum(TOPICS);
export type Topic = z.infer<typeof topicSchema>;
