import { z } from 'zod';

export const ROLES = ['receptionist', 'officer', 'supervisor', 'admin'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export {
  DISPLAY_KINDS,
  WINDOW_KINDS,
  windowKindSchema,
  type DisplayKind,
  type WindowKind,
} from './station-kinds';
