import { z } from 'zod';
import { boardAudioSchema } from '../../domain/board-audio';
import {
  deskSchema,
  roomSchema,
  transferReasonSchema,
  transferTargetSchema,
} from '../../domain/desk';
import { queueVisitSchema } from '../../domain/visit';
import {
  BOARD_DISPLAY,
  DISPLAY_WINDOW,
  OFFICER,
  STAFF_WINDOW,
  empty,
  id,
  method,
  type MethodSpec,
} from './method';

/** An officer another may hand a visitor to, with the desk they sit at (if chosen). */
export const transferOfficerSchema = z.object({
  officerId: z.number().int(),
  fullName: z.string(),
  room: roomSchema.nullable(),
  desk: z.number().int().nullable(),
});
export type TransferOfficer = z.infer<typeof transferOfficerSchema>;

/** The waiting room: officers' desks, recall and transfer, and how the boards speak. */
export const waitingMethods = {
  /** The desk this officer sits at, or null before they chose one. */
  'desk.mine': method({
    input: empty,
    output: deskSchema.nullable(),
    access: OFFICER,
    windows: STAFF_WINDOW,
  }),
  /** The officer sits at this desk from now; one who sat there before loses it (and is named). */
  'desk.choose': method({
    input: deskSchema,
    output: z.object({ desk: deskSchema, tookFrom: z.string().nullable() }),
    access: OFFICER,
    windows: STAFF_WINDOW,
    changes: ['staff'],
  }),
  /** Whom a visitor can be handed to: the other active officers, with their desks. */
  'queue.transferTargets': method({
    input: empty,
    output: z.array(transferOfficerSchema),
    access: OFFICER,
    windows: STAFF_WINDOW,
  }),
  /** "Panggil ulang": a called visitor who has not come is announced again, and counted. */
  'queue.recall': method({
    input: z.object({ visitId: id }),
    output: z.object({ visit: queueVisitSchema, recalls: z.number().int() }),
    access: OFFICER,
    windows: STAFF_WINDOW,
    changes: ['queue'],
  }),
  /** Hands a called or served visitor to another officer or desk, or back to reception. */
  'queue.transfer': method({
    input: z.object({ visitId: id, target: transferTargetSchema, reason: transferReasonSchema }),
    output: queueVisitSchema,
    access: OFFICER,
    windows: STAFF_WINDOW,
    changes: ['queue', 'cases'],
  }),
  /** The visitors officers sent back to reception today, with why: reception's to-do list. */
  'queue.atReception': method({
    input: empty,
    output: z.array(
      z.object({
        visitId: z.number().int(),
        queueLabel: z.string(),
        fullName: z.string(),
        since: z.string(),
        reason: z.string().nullable(),
      }),
    ),
    access: ['receptionist', 'supervisor'],
    windows: STAFF_WINDOW,
    poll: true,
  }),
  /** Reception sends a visitor an officer sent back to it into the queue again, in their place. */
  'queue.releaseFromReception': method({
    input: z.object({ visitId: id }),
    output: z.object({ ok: z.literal(true) }),
    access: ['receptionist', 'supervisor'],
    windows: STAFF_WINDOW,
    changes: ['queue'],
  }),
  /** How the boards speak: the board reads it... */
  'board.audio': method({
    input: empty,
    output: boardAudioSchema,
    access: BOARD_DISPLAY,
    windows: DISPLAY_WINDOW,
    poll: true,
  }),
  /** ...and staff at the desk set it (volume, mute, voice). */
  'board.audioSettings': method({
    input: empty,
    output: boardAudioSchema,
    access: ['officer', 'supervisor', 'admin'],
    windows: STAFF_WINDOW,
  }),
  'board.saveAudio': method({
    input: boardAudioSchema,
    output: boardAudioSchema,
    access: ['officer', 'supervisor', 'admin'],
    windows: STAFF_WINDOW,
    changes: ['settings'],
  }),
} as const satisfies Record<string, MethodSpec>;
