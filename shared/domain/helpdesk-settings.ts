import { z } from 'zod';
import { requiredText } from './text';

/** Request Tracker's REST2, or a backend of Loket's own HTTPS JSON contract. */
export const HELPDESK_KINDS = ['rt', 'json'] as const;
export type HelpdeskKind = (typeof HELPDESK_KINDS)[number];

/**
 * Whether Loket may send personal data and the helpdesk secret to this address: only over
 * https://, or plain http:// to this same machine (127.0.0.0/8, ::1, localhost), as tests do.
 */
export function isAllowedHelpdeskUrl(address: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(address);
  } catch {
    return false;
  }
  if (parsed.protocol === 'https:') return true;
  if (parsed.protocol !== 'http:') return false;
  const host = parsed.hostname;
  return host === 'localhost' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);
}

const url = z
  .url({ protocol: /^https?$/, error: 'validation.url' })
  .max(500)
  .refine(isAllowedHelpdeskUrl, { error: 'validation.urlHttps' });
/** Left out to keep the secret on file. */
const secret = z.string().min(1).max(500).optional();
/** After how long in the send queue a case puts a banner on every staff screen. */
export const DEFAULT_LATE_AFTER_MINUTES = 30;
const lateAfterMinutes = z
  .number({ error: 'validation.lateMinutes' })
  .int({ error: 'validation.lateMinutes' })
  .min(5, { error: 'validation.lateMinutes' })
  .max(1440, { error: 'validation.lateMinutes' })
  .default(DEFAULT_LATE_AFTER_MINUTES);

/** What the core accepts: each kind with exactly what it needs. */
export const helpdeskSettingsInputSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('rt'),
    url,
    queue: requiredText(200),
    username: requiredText(200),
    secret,
    lateAfterMinutes,
  }),
  z.object({ kind: z.literal('json'), url, secret, lateAfterMinutes }),
]);
export type HelpdeskSettingsInput = z.output<typeof helpdeskSettingsInputSchema>;

/**
 * The admin form: one set of fields whatever the kind (switching kind keeps what was typed),
 * turned into the core's input; an empty secret keeps the one on file.
 */
export const helpdeskSettingsFormSchema = z
  .object({
    kind: z.enum(HELPDESK_KINDS),
    url: z.string().trim(),
    queue: z.string(),
    username: z.string(),
    secret: z.string(),
    lateAfterMinutes: z.number(),
  })
  .transform((f, ctx): HelpdeskSettingsInput => {
    const input =
      f.kind === 'rt'
        ? { kind: f.kind, url: f.url, queue: f.queue, username: f.username }
        : { kind: f.kind, url: f.url };
    Object.assign(input, { lateAfterMinutes: f.lateAfterMinutes });
    const parsed = helpdeskSettingsInputSchema.safeParse({
      ...input,
      ...(f.secret !== '' && { secret: f.secret }),
    });
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) ctx.addIssue({ ...issue, code: 'custom' });
    return z.NEVER;
  });

/** The settings as the core shows them: of the secret, only whether one is kept. */
export const helpdeskSettingsSchema = z.object({
  kind: z.enum(HELPDESK_KINDS),
  url: z.string(),
  /** RT only. */
  queue: z.string(),
  /** RT only. */
  username: z.string(),
  hasSecret: z.boolean(),
  lateAfterMinutes: z.number().int(),
});
export type HelpdeskSettings = z.infer<typeof helpdeskSettingsSchema>;
