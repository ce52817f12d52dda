import { z } from 'zod';
import { LOCALES } from '../../shared/i18n/messages';

/** The desk's own settings (electron-store), validated whenever they are read. */
export const shellSettingsSchema = z.object({
  kiosk: z.boolean().default(false),
  locale: z.enum(LOCALES).default('id'),
  /** Open the visitor-facing survey on a second display when one is connected. */
  surveyOnSecondDisplay: z.boolean().default(true),
  /** Where the office scanners drop their files ("scan to folder"), if anywhere. */
  scanFolder: z.string().min(1).optional(),
});
export type ShellSettings = z.infer<typeof shellSettingsSchema>;

/**
 * Field by field: one malformed value falls back to its default and takes nothing else with it
 * (a typo in the locale must not turn a kiosk desk's lockdown off).
 */
export function parseShellSettings(raw: unknown): ShellSettings {
  const source: Record<string, unknown> =
    typeof raw === 'object' && raw !== null && !Array.isArray(raw)
      ? (raw as Record<string, unknown>)
      : {};
  const fields = shellSettingsSchema.shape;
  const kept: Record<string, unknown> = {};
  for (const key of Object.keys(fields) as (keyof typeof fields)[]) {
    if (fields[key].safeParse(source[key]).success) kept[key] = source[key];
  }
  return shellSettingsSchema.parse(kept);
}

/** The display for the visitor-facing survey: any one that is not the staff's (primary) display. */
export function pickSurveyDisplay<D extends { id: number }>(
  displays: readonly D[],
  primaryId: number,
): D | null {
  return displays.find((d) => d.id !== primaryId) ?? null;
}
