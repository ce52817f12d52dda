import { z } from 'zod';
import { exportedFileSchema } from '../../domain/exported-file';
import { paperWidthSchema, printerSettingsSchema } from '../../domain/printer';
import { slipTargetSchema, slipViaSchema, slipViewSchema } from '../../domain/slip';
import { method, STAFF_WINDOW, empty, type MethodSpec } from './method';

const SLIP_ROLES = ['receptionist', 'officer', 'supervisor'] as const;
const printed = z.object({ printedCount: z.number().int().positive() });

/**
 * Printed slips: the queue slip at check-in and the receipt of an escalated case. The slip's
 * facts and its print record live where the visit does (the hub); the thermal printer is the
 * PC's own, so printing runs on the PC the staff member sits at (`runsAt: 'local'`).
 */
export const slipMethods = {
  'slip.get': method({
    input: z.object({ target: slipTargetSchema }).strict(),
    output: slipViewSchema,
    access: SLIP_ROLES,
    windows: STAFF_WINDOW,
  }),
  /** Refused with SLIP_ALREADY_PRINTED when the slip was handed out before and `reprint` is not set. */
  'slip.recordPrinted': method({
    input: z
      .object({ target: slipTargetSchema, via: slipViaSchema, reprint: z.boolean() })
      .strict(),
    output: printed,
    access: SLIP_ROLES,
    windows: STAFF_WINDOW,
  }),
  /** Prints on this PC's thermal printer, then records it; a failure records nothing. */
  'slip.print': method({
    input: z.object({ target: slipTargetSchema, reprint: z.boolean() }).strict(),
    output: printed,
    access: SLIP_ROLES,
    windows: STAFF_WINDOW,
    runsAt: 'local',
  }),
  /** The same slip as a PDF of the paper's width, for an ordinary printer; recorded as printed. */
  'slip.pdf': method({
    input: z
      .object({ target: slipTargetSchema, reprint: z.boolean(), width: paperWidthSchema })
      .strict(),
    output: exportedFileSchema.extend({ printedCount: z.number().int().positive() }),
    access: SLIP_ROLES,
    windows: STAFF_WINDOW,
  }),
  /** This PC's slip printer (any staff member: the screens choose how to print). */
  'printer.get': method({
    input: empty,
    output: printerSettingsSchema,
    access: 'staff',
    windows: STAFF_WINDOW,
    runsAt: 'local',
  }),
  'printer.save': method({
    input: printerSettingsSchema,
    output: printerSettingsSchema,
    access: ['admin'],
    windows: STAFF_WINDOW,
    runsAt: 'local',
  }),
} as const satisfies Record<string, MethodSpec>;
