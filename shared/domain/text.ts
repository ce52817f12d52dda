import { z } from 'zod';

/**
 * Text from a person: trimmed, control characters refused, a length cap that says so in the
 * user's language. `max` counts code points so that emoji and combined letters are not cut.
 */
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export function requiredText(max: number) {
  return z
    .string({ error: 'validation.required' })
    .trim()
    .min(1, { error: 'validation.required' })
    .refine((s) => [...s].length <= max, { error: `validation.tooLong:${max}` })
    .refine((s) => !CONTROL_CHARS.test(s), { error: 'validation.controlChars' });
}

/** An optional field: an empty string means "not given". */
export function optionalText(max: number) {
  return z
    .string({ error: 'validation.invalid' })
    .trim()
    .refine((s) => [...s].length <= max, { error: `validation.tooLong:${max}` })
    .refine((s) => !CONTROL_CHARS.test(s), { error: 'validation.controlChars' })
    .transform((s) => (s === '' ? undefined : s))
    .optional();
}
