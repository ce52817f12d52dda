import { z } from 'zod';
import { ATTACHMENT_SOURCES, caseViewSchema, DOCUMENT_KINDS } from '../../domain/case';
import { method, STAFF_WINDOW, empty, id, OFFICER, type MethodSpec } from './method';

export const attachmentMethods = {
  'case.attachUpload': method({
    input: z.object({
      caseId: id,
      uploadId: z.string().regex(/^[0-9a-f]{32}$/, { error: 'validation.invalid' }),
      originalName: z.string().max(1000),
      kind: z.enum(DOCUMENT_KINDS),
      source: z.enum(ATTACHMENT_SOURCES),
    }),
    output: caseViewSchema,
    access: OFFICER,
    windows: STAFF_WINDOW,
    changes: ['cases'],
  }),
  'case.changeAttachment': method({
    input: z.object({
      caseId: id,
      attachmentId: id,
      change: z.union([
        z.object({ kind: z.enum(DOCUMENT_KINDS) }).strict(),
        z.object({ remove: z.literal(true) }).strict(),
      ]),
    }),
    output: caseViewSchema,
    access: OFFICER,
    windows: STAFF_WINDOW,
    changes: ['cases'],
  }),
  'attachment.preview': method({
    input: z.object({ caseId: id, attachmentId: id }),
    output: z.union([
      z.object({ kind: z.literal('image'), mime: z.string(), base64: z.string() }),
      z.object({ kind: z.literal('pdf'), pages: z.number().int(), base64: z.string() }),
    ]),
    access: ['officer', 'supervisor'],
    windows: STAFF_WINDOW,
  }),
  'folder.offers': method({
    input: empty,
    output: z.array(
      z.object({ id: z.string(), name: z.string(), size: z.number().int(), seenAt: z.string() }),
    ),
    access: OFFICER,
    windows: STAFF_WINDOW,
    runsAt: 'local',
    poll: true,
  }),
  'folder.attach': method({
    input: z.object({
      offerId: z.string().regex(/^[0-9a-f]{24}$/),
      caseId: id,
      kind: z.enum(DOCUMENT_KINDS),
    }),
    output: caseViewSchema,
    access: OFFICER,
    windows: STAFF_WINDOW,
    runsAt: 'local',
    changes: ['cases'],
  }),
} as const satisfies Record<string, MethodSpec>;
