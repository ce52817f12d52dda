import { z } from 'zod';
import { changeOwnPinSchema, firstAdminSchema, loginSchema, staffSchema } from '../../domain/staff';
import { method, STAFF_WINDOW, empty, ok, type MethodSpec } from './method';

export const accessMethods = {
  'setup.status': method({
    input: empty,
    output: z.object({ needsFirstAdmin: z.boolean() }),
    access: 'public',
    windows: STAFF_WINDOW,
  }),
  'setup.createFirstAdmin': method({
    input: firstAdminSchema,
    output: staffSchema,
    access: 'public',
    windows: STAFF_WINDOW,
    changes: ['staff'],
  }),
  'auth.login': method({
    input: loginSchema,
    output: z.object({ sessionToken: z.string(), staff: staffSchema }),
    access: 'public',
    windows: STAFF_WINDOW,
  }),
  'auth.logout': method({ input: empty, output: ok, access: 'staff', windows: STAFF_WINDOW }),
  'auth.me': method({ input: empty, output: staffSchema, access: 'staff', windows: STAFF_WINDOW }),
  'auth.changePin': method({
    input: changeOwnPinSchema,
    output: ok,
    access: 'staff',
    windows: STAFF_WINDOW,
  }),
} as const satisfies Record<string, MethodSpec>;
