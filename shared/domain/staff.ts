import { z } from 'zod';
import { requiredText } from './text';
import { roleSchema } from './roles';

export const PIN_MIN_DIGITS = 6;
export const PIN_MAX_DIGITS = 12;

export const pinSchema = z
  .string({ error: 'validation.required' })
  .regex(new RegExp(`^\\d{${PIN_MIN_DIGITS},${PIN_MAX_DIGITS}}$`), {
    error: 'validation.pinFormat',
  });

export const usernameSchema = z
  .string({ error: 'validation.required' })
  .trim()
  .toLowerCase()
  .regex(/^[a-z][a-z0-9._-]{2,31}$/, { error: 'validation.usernameFormat' });

export const newStaffSchema = z.object({
  fullName: requiredText(120),
  username: usernameSchema,
  pin: pinSchema,
  roles: z.array(roleSchema).min(1, { error: 'validation.rolesRequired' }),
});
export type NewStaff = z.input<typeof newStaffSchema>;

export const firstAdminSchema = newStaffSchema.omit({ roles: true });

export const loginSchema = z.object({
  username: usernameSchema,
  pin: z.string({ error: 'validation.required' }).min(1, { error: 'validation.required' }).max(64),
});

export const changeOwnPinSchema = z.object({
  currentPin: loginSchema.shape.pin,
  newPin: pinSchema,
});

export const staffSchema = z.object({
  id: z.number().int(),
  fullName: z.string(),
  username: z.string(),
  roles: z.array(roleSchema),
  active: z.boolean(),
  /** Until when wrong PINs keep this account locked (UTC ISO), or null. */
  lockedUntil: z.string().nullable(),
});
export type Staff = z.infer<typeof staffSchema>;
