import { z } from 'zod';
import { optionalText } from './text';

/**
 * Why a visitor is served first (UU 25/2009 Pasal 29, perlakuan khusus). Stored on the visit as
 * these codes, so that reports count them; 'lainnya' needs a note saying what it is.
 */
export const PRIORITY_REASONS = [
  'disabilitas',
  'lanjut_usia',
  'ibu_hamil',
  'membawa_anak',
  'lainnya',
] as const;
export const priorityReasonSchema = z.enum(PRIORITY_REASONS);
export type PriorityReason = z.infer<typeof priorityReasonSchema>;

export const PRIORITY_NOTE_MAX = 120;

/**
 * The check-in form's priority fields. Marking a visitor as priority without saying why is
 * refused (validation.priorityReasonRequired), and so is 'lainnya' without a note.
 */
export const priorityFields = {
  priority: z.boolean().optional(),
  priorityReason: z.enum(['', ...PRIORITY_REASONS], { error: 'validation.invalid' }).optional(),
  priorityNote: optionalText(PRIORITY_NOTE_MAX),
};

export interface PriorityInput {
  priority?: boolean | undefined;
  priorityReason?: '' | PriorityReason | undefined;
  priorityNote?: string | undefined;
}

/** The field errors of the priority fields, as message keys by field. */
export function priorityIssues(v: PriorityInput): { path: string; message: string }[] {
  if (!v.priority) return [];
  if (!v.priorityReason) {
    return [{ path: 'priorityReason', message: 'validation.priorityReasonRequired' }];
  }
  if (v.priorityReason === 'lainnya' && !v.priorityNote) {
    return [{ path: 'priorityNote', message: 'validation.priorityNoteRequired' }];
  }
  return [];
}

/** What is stored: the reason (null for a regular visitor) and the note only with 'lainnya'. */
export function storedPriority(v: PriorityInput): {
  reason: PriorityReason | null;
  note: string | null;
} {
  if (!v.priority || !v.priorityReason) return { reason: null, note: null };
  return {
    reason: v.priorityReason,
    note: v.priorityReason === 'lainnya' ? (v.priorityNote ?? null) : null,
  };
}

/** How staff screens carry the mark: null for a regular visitor. */
export const visitPrioritySchema = z
  .object({ reason: priorityReasonSchema, note: z.string().nullable() })
  .nullable();
export type VisitPriority = z.infer<typeof visitPrioritySchema>;
