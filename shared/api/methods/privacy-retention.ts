import { retentionSettingsSchema } from '../../domain/retention';
import { method, STAFF_WINDOW, empty, type MethodSpec } from './method';

export const privacyRetentionMethods = {
  'privacy.retentionSettings': method({
    input: empty,
    output: retentionSettingsSchema,
    access: ['admin', 'supervisor'],
    windows: STAFF_WINDOW,
  }),
  'privacy.saveRetentionSettings': method({
    input: retentionSettingsSchema,
    output: retentionSettingsSchema,
    access: ['admin'],
    windows: STAFF_WINDOW,
    changes: ['settings'],
  }),
} as const satisfies Record<string, MethodSpec>;
