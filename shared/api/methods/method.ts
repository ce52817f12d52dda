import { z } from 'zod';
import type { Role, WindowKind } from '../../domain/roles';
import type { Topic } from '../topics';

/**
 * Who may call a method: 'public' needs no login (first-run setup, login), 'staff' any
 * logged-in staff member, 'survey_display' the visitor-facing survey screen an officer opened,
 * otherwise a staff member with one of the listed roles.
 */
export type Access = 'public' | 'staff' | 'survey_display' | readonly Role[];

export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  access: Access;
  windows: readonly WindowKind[];
  /** Called by a screen on a timer, not by a user's action: it does not keep a session alive. */
  poll?: boolean;
  /** What a successful call may have changed: announced on the push stream to every screen. */
  changes?: readonly Topic[];
  /**
   * Where a station runs it: 'local' on the station's own PC (its hardware, its pairing),
   * otherwise ('hub', the default) it is forwarded to the hub. All-in-one runs everything itself.
   */
  runsAt?: 'local' | 'hub';
}

export function method<I extends z.ZodType, O extends z.ZodType>(
  spec: MethodSpec<I, O>,
): MethodSpec<I, O> {
  return spec;
}

export const STAFF_WINDOW = ['staff'] as const;
/** The visitor-facing survey screen may call these and nothing else. */
export const SURVEY_WINDOW = ['survey'] as const;
export const OFFICER = ['officer'] as const;
export const empty = z.object({}).strict();
export const id = z.number().int().positive();
export const ok = z.object({ ok: z.literal(true) });
export const scannerDevice = z.string().min(1).max(200);
