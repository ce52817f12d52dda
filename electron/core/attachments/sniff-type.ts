import { fileTypeFromBuffer } from 'file-type';

/** The supporting documents Loket accepts, decided by content (magic bytes), never by name. */
export const ALLOWED_TYPES = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/tiff': 'tif',
  'image/webp': 'webp',
} as const;
export type AllowedMime = keyof typeof ALLOWED_TYPES;

/** Enough of the head of a file for every signature file-type looks at. */
export const SNIFF_BYTES = 4100;

export async function sniffType(
  head: Uint8Array,
): Promise<{ mime: AllowedMime; extension: string } | null> {
  const found = await fileTypeFromBuffer(head);
  if (!found || !(found.mime in ALLOWED_TYPES)) return null;
  const mime = found.mime as AllowedMime;
  return { mime, extension: ALLOWED_TYPES[mime] };
}
