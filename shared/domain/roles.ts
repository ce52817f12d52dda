import { z } from 'zod';

export const ROLES = ['receptionist', 'officer', 'supervisor', 'admin'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/** The kinds of window that may call the API; each has its own allow-list of methods. */
export const WINDOW_KINDS = ['staff', 'survey'] as const;
export const windowKindSchema = z.enum(WINDOW_KINDS);
export type WindowKind = z.infer<typeof windowKindSchema>;
