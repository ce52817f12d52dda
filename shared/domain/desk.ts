import { z } from 'zod';
import { requiredText } from './text';

/**
 * The rooms a visitor can be sent to. A fixed list, because each one is announced from a
 * recorded clip (shared/domain/announcement.ts): a room typed by an administrator could not be
 * spoken the same on every PC.
 */
export const ROOMS = ['konsultasi', 'layanan'] as const;
export const roomSchema = z.enum(ROOMS, { error: 'validation.invalid' });
export type Room = z.infer<typeof roomSchema>;

export const MAX_DESK = 99;
export const deskNoSchema = z
  .number({ error: 'validation.invalid' })
  .int({ error: 'validation.invalid' })
  .min(1, { error: 'validation.invalid' })
  .max(MAX_DESK, { error: 'validation.invalid' });

/** Where an officer sits: one room and desk number; one officer per desk. */
export const deskSchema = z.object({ room: roomSchema, desk: deskNoSchema }).strict();
export type Desk = z.infer<typeof deskSchema>;

/** Where a visitor is sent when called: a room and desk, or back to reception. */
export const callPlaceSchema = z.object({
  room: roomSchema.or(z.literal('resepsionis')).nullable(),
  desk: z.number().int().nullable(),
});
export type CallPlace = z.infer<typeof callPlaceSchema>;

/** Why a visitor is handed on; kept in the visit's event trail. */
export const transferReasonSchema = requiredText(300);

/** Whom a called or served visitor is handed to. */
export const transferTargetSchema = z.discriminatedUnion('to', [
  z.object({ to: z.literal('officer'), officerId: z.number().int().positive() }).strict(),
  z.object({ to: z.literal('desk'), room: roomSchema, desk: deskNoSchema }).strict(),
  z.object({ to: z.literal('reception') }).strict(),
]);
export type TransferTarget = z.infer<typeof transferTargetSchema>;
