import { z } from 'zod';
import type { Topic } from '../topics';
import { queueVisitSchema } from '../../domain/visit';
import { method, STAFF_WINDOW, empty, id, OFFICER, type MethodSpec } from './method';

function visitAction(changes: readonly Topic[] = ['queue']) {
  return method({
    input: z.object({ visitId: id }),
    output: queueVisitSchema,
    access: OFFICER,
    windows: STAFF_WINDOW,
    changes,
  });
}

export const queueMethods = {
  'queue.overview': method({
    input: empty,
    output: z.object({
      day: z.string(),
      waiting: z.array(queueVisitSchema),
      mine: z.array(queueVisitSchema),
    }),
    access: OFFICER,
    windows: STAFF_WINDOW,
    poll: true,
  }),
  'queue.callNext': method({
    input: empty,
    output: queueVisitSchema.nullable(),
    access: OFFICER,
    windows: STAFF_WINDOW,
    changes: ['queue'],
  }),
  'queue.start': visitAction(),
  'queue.noShow': visitAction(),
  'queue.returnToQueue': visitAction(),
  'queue.end': visitAction(),
  'queue.surveyReady': visitAction(['queue', 'survey']),
  /** A supervisor takes over a visitor another officer called or is serving, with its drafts. */
  'queue.takeOver': method({
    input: z.object({ visitId: id }),
    output: queueVisitSchema,
    access: ['supervisor'],
    windows: STAFF_WINDOW,
    changes: ['queue', 'cases'],
  }),
} as const satisfies Record<string, MethodSpec>;
