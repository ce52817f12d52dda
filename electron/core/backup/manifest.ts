import { z } from 'zod';
import { backupSummarySchema } from '../../../shared/domain/backup';

export const MANIFEST_FILE = 'manifest.lbk';
export const DATABASE_FILE_IN_SET = 'database.lbk';

/** What one backup holds: the summary the admin reads, and how to check every part of it. */
export const manifestSchema = z.object({
  format: z.literal(1),
  summary: backupSummarySchema,
  keyId: z.string(),
  database: z.object({ sha256: z.string(), bytes: z.number().int() }),
  documents: z.array(z.object({ sha256: z.string(), name: z.string(), bytes: z.number().int() })),
});
export type Manifest = z.infer<typeof manifestSchema>;
