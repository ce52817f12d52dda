import { z } from 'zod';
import { caseViewSchema, DOCUMENT_KINDS } from '../../domain/case';
import { SCANNER_FAULTS } from '../../domain/scanner';
import {
  method,
  STAFF_WINDOW,
  empty,
  id,
  ok,
  OFFICER,
  scannerDevice,
  type MethodSpec,
} from './method';

export const scannerMethods = {
  'scanner.devices': method({
    input: empty,
    output: z.array(
      z.object({ name: z.string(), vendor: z.string(), model: z.string(), type: z.string() }),
    ),
    access: OFFICER,
    windows: STAFF_WINDOW,
    runsAt: 'local',
  }),
  'scanner.capabilities': method({
    input: z.object({ device: scannerDevice }),
    output: z.object({
      modes: z.array(z.string()),
      preferredMode: z.string().nullable(),
      sources: z.array(z.enum(['flatbed', 'feeder'])),
      resolutions: z.array(z.number().int()),
    }),
    access: OFFICER,
    windows: STAFF_WINDOW,
    runsAt: 'local',
  }),
  'scanner.openSession': method({
    input: z.object({ resolution: z.number().int().min(75).max(600) }),
    output: z.object({ sessionId: z.string() }),
    access: OFFICER,
    windows: STAFF_WINDOW,
    runsAt: 'local',
  }),
  'scanner.scan': method({
    input: z.object({
      device: scannerDevice,
      /** One of the device's own mode names, from scanner.capabilities. */
      mode: z.string().regex(/^[\p{L}\p{N} ._&+-]{1,40}$/u, { error: 'validation.invalid' }),
      resolution: z.number().int().min(75).max(600),
      source: z.enum(['flatbed', 'feeder']),
      sessionId: z
        .string()
        .regex(/^[0-9a-f]{24}$/)
        .optional(),
    }),
    output: z.object({
      sessionId: z.string(),
      pages: z.number().int(),
      fault: z.enum(SCANNER_FAULTS).nullable(),
    }),
    access: OFFICER,
    windows: STAFF_WINDOW,
    runsAt: 'local',
  }),
  'scanner.progress': method({
    input: z.object({ sessionId: z.string().regex(/^[0-9a-f]{24}$/) }),
    output: z.object({
      pages: z.number().int(),
      percent: z.number().nullable(),
      busy: z.boolean(),
    }),
    access: OFFICER,
    windows: STAFF_WINDOW,
    runsAt: 'local',
    poll: true,
  }),
  'scanner.attach': method({
    input: z.object({
      sessionId: z.string().regex(/^[0-9a-f]{24}$/),
      caseId: id,
      kind: z.enum(DOCUMENT_KINDS),
    }),
    output: caseViewSchema,
    access: OFFICER,
    windows: STAFF_WINDOW,
    runsAt: 'local',
    changes: ['cases'],
  }),
  'scanner.discard': method({
    input: z.object({ sessionId: z.string().regex(/^[0-9a-f]{24}$/) }),
    output: ok,
    access: OFFICER,
    windows: STAFF_WINDOW,
    runsAt: 'local',
  }),
} as const satisfies Record<string, MethodSpec>;
