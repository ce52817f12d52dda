import { z } from 'zod';
import type { DisplayKind, Role, WindowKind } from '../../domain/roles';
import type { Topic } from '../topics';

/**
 * Who may call a method: 'public' needs no login (first-run setup, login), 'staff' any
 * logged-in staff member, `{ display }` the visitor-facing screen of that kind a staff member
 * opened (never with a staff session), otherwise a staff member with one of the listed roles.
 */
export type Access = 'public' | 'staff' | { readonly display: DisplayKind } | readonly Role[];

/** The display session an access names, or null for the staff and public ones. */
export function displayOf(access: Access): DisplayKind | null {
  return typeof access === 'object' && 'display' in access ? access.display : null;
}

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
  /**
   * Shows a person's details or a case, or exports a register or a report: the dispatcher
   * records who did it in the read log (the record's id only, never the data). The id is the
   * input's `<entity>Id`, or for a list the output's items' `<entity>Id`; a register or report
   * is named by its day or period.
   */
  reads?: ReadEntity;
}

export const READ_ENTITIES = ['visitor', 'visit', 'case', 'register', 'report'] as const;
export type ReadEntity = (typeof READ_ENTITIES)[number];

export function method<I extends z.ZodType, O extends z.ZodType>(
  spec: MethodSpec<I, O>,
): MethodSpec<I, O> {
  return spec;
}

export const STAFF_WINDOW = ['staff'] as const;
/** The visitor-facing survey screen may call these and nothing else. */
export const SURVEY_WINDOW = ['survey'] as const;
export const SURVEY_DISPLAY = { display: 'survey' } as const;
/** The waiting-room board: read-only, queue labels only. */
export const DISPLAY_WINDOW = ['display'] as const;
export const BOARD_DISPLAY = { display: 'display' } as const;
export const OFFICER = ['officer'] as const;
export const empty = z.object({}).strict();
export const id = z.number().int().positive();
export const ok = z.object({ ok: z.literal(true) });
export const scannerDevice = z.string().min(1).max(200);
