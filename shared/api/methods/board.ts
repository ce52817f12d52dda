import { z } from 'zod';
import { callPlaceSchema } from '../../domain/desk';
import {
  BOARD_DISPLAY,
  DISPLAY_WINDOW,
  STAFF_WINDOW,
  empty,
  method,
  type MethodSpec,
} from './method';

/** One call on the waiting-room board: the queue label and when it was called, nothing else. */
export const boardCallSchema = z
  .object({
    queueLabel: z.string(),
    /** ISO time the visitor was called. */
    calledAt: z.string(),
  })
  .extend(callPlaceSchema.shape)
  .strict();
export type BoardCall = z.infer<typeof boardCallSchema>;

/**
 * One thing the board says aloud: a call, a recall or a transfer, by its event id, so that each
 * is spoken once however often the board reloads, and a recall (a new event) is spoken again.
 */
export const boardAnnouncementSchema = z
  .object({ id: z.number().int(), queueLabel: z.string(), at: z.string() })
  .extend(callPlaceSchema.shape)
  .strict();
export type BoardAnnouncement = z.infer<typeof boardAnnouncementSchema>;

export const boardMethods = {
  /** A staff member opens the waiting-room board on this PC; it gets its own display session. */
  'board.openDisplay': method({
    input: empty,
    output: z.object({ displayToken: z.string() }),
    access: ['officer', 'supervisor', 'admin'],
    windows: STAFF_WINDOW,
  }),
  /**
   * What the board shows: who is being called now and the last five calls of today. Queue
   * labels only — never a name, a phone or an institution: the screen faces the waiting room.
   */
  'board.calls': method({
    input: empty,
    output: z
      .object({
        day: z.string(),
        current: z.array(boardCallSchema),
        recent: z.array(boardCallSchema).max(5),
        /** The day's latest announcements, newest first. */
        announcements: z.array(boardAnnouncementSchema).max(5),
      })
      .strict(),
    access: BOARD_DISPLAY,
    windows: DISPLAY_WINDOW,
    poll: true,
  }),
} as const satisfies Record<string, MethodSpec>;
