import { z } from 'zod';

/** A file the core made for the user to save (the register, the IKM report), as base64. */
export const exportedFileSchema = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  base64: z.string(),
});
export type ExportedFile = z.infer<typeof exportedFileSchema>;
