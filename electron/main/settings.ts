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

export function parseShellSettings(raw: unknown): ShellSettings {
  const parsed = shellSettingsSchema.safeParse(raw ?? {});
  return parsed.success ? parsed.data : shellSettingsSchema.parse({});
}

/** The display for the visitor-facing survey: any one that is not the staff's (primary) display. */
export function pickSurveyDisplay<D extends { id: number }>(
  displays: readonly D[],
  primaryId: number,
): D | null {
  return displays.find((d) => d.id !== primaryId) ?? null;
}
