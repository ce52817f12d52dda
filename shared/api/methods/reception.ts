import { z } from 'zod';
import {
  checkInSchema,
  serviceDaySchema,
  visitRowSchema,
  visitorSuggestionSchema,
} from '../../domain/visit';
import { exportedFileSchema } from '../../domain/exported-file';
import { method, STAFF_WINDOW, type MethodSpec } from './method';

export const receptionMethods = {
  'visitor.search': method({
    reads: 'visitor',
    input: z.object({ query: z.string().max(100) }),
    output: z.array(visitorSuggestionSchema),
    access: ['receptionist'],
    windows: STAFF_WINDOW,
  }),
  'visit.checkIn': method({
    input: checkInSchema,
    output: z.object({
      visitId: z.number().int(),
      visitorId: z.number().int(),
      queueLabel: z.string(),
      serviceDay: z.string(),
      checkedInAt: z.string(),
    }),
    access: ['receptionist'],
    windows: STAFF_WINDOW,
    changes: ['queue'],
  }),
  'visit.listForDay': method({
    input: z.object({ day: serviceDaySchema.optional() }),
    output: z.object({ day: z.string(), visits: z.array(visitRowSchema) }),
    access: ['receptionist', 'officer', 'supervisor'],
    windows: STAFF_WINDOW,
    poll: true,
  }),
  'visit.checkOut': method({
    input: z.object({ visitId: z.number().int().positive() }),
    output: visitRowSchema,
    access: ['receptionist'],
    windows: STAFF_WINDOW,
    changes: ['queue'],
  }),
  'register.export': method({
    reads: 'register',
    input: z.object({ day: serviceDaySchema.optional(), format: z.enum(['csv', 'xlsx']) }),
    output: exportedFileSchema,
    access: ['receptionist', 'supervisor'],
    windows: STAFF_WINDOW,
  }),
} as const satisfies Record<string, MethodSpec>;
