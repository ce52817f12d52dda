import { z } from 'zod';
import { requiredText } from './text';
import { checkInSchema } from './visit';

const checkIn = checkInSchema.shape;

/**
 * A check-in corrected: the same field rules (and so the same messages) as the check-in itself.
 * Every field is the new value; an empty e-mail, institution or LPSE clears it.
 */
export const checkInCorrectionSchema = z
  .object({
    visitId: z.number().int().positive(),
    fullName: checkIn.fullName,
    phone: checkIn.phone,
    email: checkIn.email,
    institution: checkIn.institution,
    visitorType: checkIn.visitorType,
    lpse: checkIn.lpse,
  })
  .superRefine((v, ctx) => {
    if (v.phone === undefined || v.phone === '') {
      ctx.addIssue({ code: 'custom', path: ['phone'], message: 'validation.required' });
    }
  });
export type CheckInCorrectionInput = z.input<typeof checkInCorrectionSchema>;
export type CheckInCorrection = z.output<typeof checkInCorrectionSchema>;

export const checkInCancelSchema = z.object({
  visitId: z.number().int().positive(),
  reason: requiredText(300),
});
