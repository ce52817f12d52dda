/**
 * One encrypted backup file: a plain header (format, schema and Loket version, the key's salt)
 * authenticated with every chunk, then the content in chunks sealed with AES-256-GCM. Each chunk's
 * additional data names the header, its index and whether it is the last one, so a flipped byte,
 * chunks swapped or a file cut short are all refused. Read and written one chunk at a time: the
 * memory used does not grow with the file.
 *
 *   "LOKETBK1" | u32 header length | header JSON | (u32 sealed length | ciphertext | tag)*
 */
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';
import { z } from 'zod';
import { AppError } from '../errors';
import { kdfSchema, keyCheckOf, type BackupKey } from './backup-key';

const MAGIC = Buffer.from('LOKETBK1', 'latin1');
export const SEALED_FORMAT = 1;
export const CHUNK_BYTES = 1024 * 1024;
/**
 * Written data is flushed this often: the page cache of a big machine holds gigabytes of dirty
 * pages before the kernel writes them, and one fsync of all of it at the end holds every
 * check-in's own fsync (`synchronous=FULL`) behind it for seconds.
 */
export const FLUSH_BYTES = 8 * 1024 * 1024;
const TAG_BYTES = 16;
const MAX_HEADER_BYTES = 16 * 1024;

export const sealedKindSchema = z.enum(['database', 'document', 'manifest']);
export type SealedKind = z.infer<typeof sealedKindSchema>;

const headerSchema = z.object({
  format: z.number().int(),
  kind: sealedKindSchema,
  schemaVersion: z.number().int().nonnegative(),
  loketVersion: z.string().max(40),
  createdAt: z.string(),
  kdf: kdfSchema,
  keyCheck: z.string(),
  fileSalt: z.string(),
  noncePrefix: z.string(),
  chunkBytes: z
    .number()
    .int()
    .positive()
    .max(16 * CHUNK_BYTES),
  plainBytes: z.number().int().nonnegative(),
});
export type SealedHeader = z.infer<typeof headerSchema>;

export type SealedMeta = Pick<SealedHeader, 'kind' | 'schemaVersion' | 'loketVersion'>;

function damaged(file: string): AppError {
  return new AppError('BACKUP_DAMAGED', {}, { file });
}

function fileKey(key: BackupKey, fileSalt: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', key.bytes, fileSalt, 'loket-backup-file', 32));
}

function chunkAad(headerDigest: Buffer, index: number, last: boolean): Buffer {
  const tail = Buffer.alloc(5);
  tail.writeUInt32BE(index, 0);
  tail.writeUInt8(last ? 1 : 0, 4);
  return Buffer.concat([headerDigest, tail]);
}

function nonceOf(prefix: Buffer, index: number): Buffer {
  const nonce = Buffer.alloc(12);
  prefix.copy(nonce, 0, 0, 8);
  nonce.writeUInt32BE(index, 8);
  return nonce;
}

async function readExactly(fh: FileHandle, length: number, position: number): Promise<Buffer> {
  const buf = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const { bytesRead } = await fh.read(buf, done, length - done, position + done);
    if (bytesRead === 0) break;
    done += bytesRead;
  }
  return done === length ? buf : buf.subarray(0, done);
}

/**
 * Seals `source` (a file that does not change while it is read: a snapshot or a stored
 * document) into `dest`, created new (0600), fsynced. Returns the plaintext's SHA-256.
 */
export async function sealFile(
  source: string | Buffer,
  dest: string,
  key: BackupKey,
  meta: SealedMeta,
  now: Date,
  /** False when the caller fsyncs many files together afterwards (see syncFiles). */
  sync = true,
): Promise<{ sha256: string; plainBytes: number; sealedBytes: number }> {
  const input = typeof source === 'string' ? await open(source, 'r') : null;
  let output: FileHandle | undefined;
  try {
    const plainBytes = input ? (await input.stat()).size : (source as Buffer).length;
    const fileSalt = randomBytes(16);
    const noncePrefix = randomBytes(8);
    const header: SealedHeader = {
      format: SEALED_FORMAT,
      ...meta,
      createdAt: now.toISOString(),
      kdf: key.kdf,
      keyCheck: keyCheckOf(key),
      fileSalt: fileSalt.toString('base64'),
      noncePrefix: noncePrefix.toString('base64'),
      chunkBytes: CHUNK_BYTES,
      plainBytes,
    };
    const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
    const headerDigest = createHash('sha256').update(MAGIC).update(headerBytes).digest();
    const k = fileKey(key, fileSalt);
    output = await open(dest, 'wx', 0o600);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(headerBytes.length);
    let position = 0;
    let flushedAt = 0;
    const write = async (buf: Buffer) => {
      await output!.write(buf, 0, buf.length, position);
      position += buf.length;
      if (position - flushedAt >= FLUSH_BYTES) {
        await output!.datasync();
        flushedAt = position;
      }
    };
    await write(Buffer.concat([MAGIC, length, headerBytes]));
    const hash = createHash('sha256');
    const chunks = Math.max(1, Math.ceil(plainBytes / CHUNK_BYTES));
    const buf = Buffer.alloc(CHUNK_BYTES);
    for (let i = 0; i < chunks; i++) {
      const want = Math.min(CHUNK_BYTES, plainBytes - i * CHUNK_BYTES);
      let plain: Buffer;
      if (input) {
        const { bytesRead } = await input.read(buf, 0, want, i * CHUNK_BYTES);
        if (bytesRead !== want) throw new Error('a file changed while it was sealed');
        plain = buf.subarray(0, want);
      } else {
        plain = (source as Buffer).subarray(i * CHUNK_BYTES, i * CHUNK_BYTES + want);
      }
      hash.update(plain);
      const cipher = createCipheriv('aes-256-gcm', k, nonceOf(noncePrefix, i));
      cipher.setAAD(chunkAad(headerDigest, i, i === chunks - 1));
      const sealed = Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
      const len = Buffer.alloc(4);
      len.writeUInt32BE(sealed.length);
      await write(Buffer.concat([len, sealed]));
    }
    if (sync) await output.sync();
    return { sha256: hash.digest('hex'), plainBytes, sealedBytes: position };
  } finally {
    await input?.close();
    await output?.close();
  }
}

/** The header as written, unauthenticated until a chunk was opened with it. */
export async function readSealedHeader(
  file: string,
): Promise<{ header: SealedHeader; headerEnd: number; headerDigest: Buffer }> {
  const fh = await open(file, 'r').catch((err: unknown) => {
    throw isMissing(err) ? new AppError('BACKUP_NOT_FOUND', {}, { file }) : err;
  });
  try {
    const start = await readExactly(fh, MAGIC.length + 4, 0);
    if (start.length < MAGIC.length + 4 || !start.subarray(0, MAGIC.length).equals(MAGIC))
      throw damaged(file);
    const headerLength = start.readUInt32BE(MAGIC.length);
    if (headerLength > MAX_HEADER_BYTES) throw damaged(file);
    const headerBytes = await readExactly(fh, headerLength, MAGIC.length + 4);
    if (headerBytes.length !== headerLength) throw damaged(file);
    let parsed: unknown;
    try {
      parsed = JSON.parse(headerBytes.toString('utf8'));
    } catch {
      throw damaged(file);
    }
    const header = headerSchema.safeParse(parsed);
    if (!header.success) throw damaged(file);
    const headerDigest = createHash('sha256').update(MAGIC).update(headerBytes).digest();
    return { header: header.data, headerEnd: MAGIC.length + 4 + headerLength, headerDigest };
  } finally {
    await fh.close();
  }
}

/**
 * Opens a sealed file chunk by chunk, handing each authenticated chunk to `sink` (a file being
 * written, a hash). Refuses a wrong key (BACKUP_WRONG_PASSPHRASE), a damaged or cut file
 * (BACKUP_DAMAGED), a file of a newer format; returns the plaintext's SHA-256.
 */
export async function openSealedFile(
  file: string,
  key: BackupKey,
  sink?: (chunk: Buffer) => Promise<void> | void,
): Promise<{ header: SealedHeader; sha256: string }> {
  const { header, headerEnd, headerDigest } = await readSealedHeader(file);
  if (header.format > SEALED_FORMAT) throw new AppError('BACKUP_NEWER_VERSION');
  if (header.keyCheck !== keyCheckOf(key)) throw new AppError('BACKUP_WRONG_PASSPHRASE');
  const k = fileKey(key, Buffer.from(header.fileSalt, 'base64'));
  const prefix = Buffer.from(header.noncePrefix, 'base64');
  const chunks = Math.max(1, Math.ceil(header.plainBytes / header.chunkBytes));
  const fh = await open(file, 'r');
  const hash = createHash('sha256');
  try {
    let position = headerEnd;
    for (let i = 0; i < chunks; i++) {
      const len = await readExactly(fh, 4, position);
      if (len.length !== 4) throw damaged(file);
      const sealedLength = len.readUInt32BE(0);
      if (sealedLength < TAG_BYTES || sealedLength > header.chunkBytes + TAG_BYTES)
        throw damaged(file);
      const sealed = await readExactly(fh, sealedLength, position + 4);
      if (sealed.length !== sealedLength) throw damaged(file);
      position += 4 + sealedLength;
      const decipher = createDecipheriv('aes-256-gcm', k, nonceOf(prefix, i));
      decipher.setAAD(chunkAad(headerDigest, i, i === chunks - 1));
      decipher.setAuthTag(sealed.subarray(sealedLength - TAG_BYTES));
      let plain: Buffer;
      try {
        plain = Buffer.concat([
          decipher.update(sealed.subarray(0, sealedLength - TAG_BYTES)),
          decipher.final(),
        ]);
      } catch {
        throw damaged(file);
      }
      hash.update(plain);
      await sink?.(plain);
    }
    // Anything after the last chunk was not written by Loket.
    if ((await fh.stat()).size !== position) throw damaged(file);
    return { header, sha256: hash.digest('hex') };
  } finally {
    await fh.close();
  }
}

/** Opens a sealed file into `dest` (created new, 0600, fsynced). */
export async function unsealFile(
  file: string,
  dest: string,
  key: BackupKey,
): Promise<{ header: SealedHeader; sha256: string }> {
  const out = await open(dest, 'wx', 0o600);
  let position = 0;
  try {
    const result = await openSealedFile(file, key, async (chunk) => {
      await out.write(chunk, 0, chunk.length, position);
      position += chunk.length;
    });
    await out.sync();
    return result;
  } finally {
    await out.close();
  }
}

/** A small sealed file (the manifest) read whole into memory. */
export async function openSealedText(
  file: string,
  key: BackupKey,
): Promise<{ header: SealedHeader; text: string }> {
  const parts: Buffer[] = [];
  const { header } = await openSealedFile(file, key, (chunk) => {
    parts.push(chunk);
  });
  return { header, text: Buffer.concat(parts).toString('utf8') };
}

function isMissing(err: unknown): boolean {
  return err instanceof Error && (err as NodeJS.ErrnoException).code === 'ENOENT';
}
