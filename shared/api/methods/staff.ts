import { z } from 'zod';
import { newStaffSchema, pinSchema, staffSchema } from '../../domain/staff';
import { method, STAFF_WINDOW, empty, type MethodSpec } from './method';

export const staffMethods = {
  'staff.list': method({
    input: empty,
    output: z.array(staffSchema),
    access: ['admin'],
    windows: STAFF_WINDOW,
  }),
  'staff.create': method({
    input: newStaffSchema,
    output: staffSchema,
    access: ['admin'],
    windows: STAFF_WINDOW,
    changes: ['staff'],
  }),
  'staff.setActive': method({
    input: z.object({ staffId: z.number().int().positive(), active: z.boolean() }),
    output: staffSchema,
    access: ['admin'],
    windows: STAFF_WINDOW,
    changes: ['staff'],
  }),
  'staff.resetPin': method({
    input: z.object({ staffId: z.number().int().positive(), pin: pinSchema }),
    output: staffSchema,
    access: ['admin'],
    windows: STAFF_WINDOW,
    changes: ['staff'],
  }),
  'staff.unlock': method({
    input: z.object({ staffId: z.number().int().positive() }),
    output: staffSchema,
    access: ['admin'],
    windows: STAFF_WINDOW,
    changes: ['staff'],
  }),
} as const satisfies Record<string, MethodSpec>;
