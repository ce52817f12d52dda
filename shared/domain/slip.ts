import { z } from 'zod';
import { priorityReasonSchema } from './priority';

/** What a slip is for: a visit's queue slip, or the receipt of an escalated case. */
export const slipTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('queue'), visitId: z.number().int().positive() }).strict(),
  z.object({ kind: z.literal('case'), caseId: z.number().int().positive() }).strict(),
]);
export type SlipTarget = z.infer<typeof slipTargetSchema>;

/** The facts a slip prints; its wording is the printer's (electron/core/printing/slip-lines.ts). */
export const slipSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('queue'),
    queueLabel: z.string(),
    /** The check-in's time stamp (UTC); printed in WIB. */
    issuedAt: z.string(),
    priority: priorityReasonSchema.nullable(),
  }),
  z.object({
    kind: z.literal('case'),
    caseCode: z.string(),
    queueLabel: z.string(),
    escalatedAt: z.string(),
  }),
]);
export type Slip = z.infer<typeof slipSchema>;

/** A slip and how often it was handed out: a reprint is asked for first. */
export const slipViewSchema = z.object({
  slip: slipSchema,
  printedCount: z.number().int().nonnegative(),
  lastPrintedAt: z.string().nullable(),
});
export type SlipView = z.infer<typeof slipViewSchema>;

export const SLIP_VIAS = ['thermal', 'pdf'] as const;
export const slipViaSchema = z.enum(SLIP_VIAS);
export type SlipVia = z.infer<typeof slipViaSchema>;

/** How the follow-up of an escalated case is asked about (the LKPP service standard). */
export const FOLLOW_UP_CONTACT = {
  callCenter: '144',
  phone: '021-29935577',
  email: 'helpdesk-lpse@lkpp.go.id',
} as const;
