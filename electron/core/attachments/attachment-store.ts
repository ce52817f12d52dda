import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { open, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../errors';
import { checkContent } from './content-check';
import { sharedPdfInspector, type PdfInspector } from './pdf-inspector';
import { SNIFF_BYTES, sniffType, type AllowedMime } from './sniff-type';

export interface StoredFile {
  sha256: string;
  size: number;
  mime: AllowedMime;
  extension: string;
  /** Pages of a PDF or TIFF, 1 for other images: counted once here, in a worker for a PDF. */
  pageCount: number;
  /** The same bytes were already in the store (attached before, to this case or another). */
  alreadyStored: boolean;
}

export const DEFAULT_MAX_FILE_BYTES = 10 * 1024 * 1024;
export const DEFAULT_MAX_CASE_BYTES = 50 * 1024 * 1024;
const TEMP_PREFIX = '.incoming-';
const CHUNK = 256 * 1024;

/** Where the store keeps a file: the housekeeping worker removes files without a store of its own. */
export function attachmentPath(rootDir: string, sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new AppError('NOT_FOUND');
  return join(rootDir, sha256.slice(0, 2), sha256);
}

/**
 * Supporting documents on disk under their SHA-256, never under a name a user chose. A file is
 * written to a temporary name while it is hashed and checked, fsynced, then renamed into place
 * and the folder fsynced: a crash leaves either the whole file or nothing under its hash.
 * Before it is renamed into place its content is checked (see content-check.ts): nothing that
 * fails the check is ever stored or forwarded.
 */
export class AttachmentStore {
  private readonly incoming: string;

  constructor(
    private readonly rootDir: string,
    private readonly maxFileBytes: number = DEFAULT_MAX_FILE_BYTES,
    private readonly pdf: PdfInspector = sharedPdfInspector(),
  ) {
    this.incoming = join(rootDir, 'incoming');
    mkdirSync(this.incoming, { recursive: true, mode: 0o700 });
    for (const leftover of readdirSync(this.incoming)) {
      if (leftover.startsWith(TEMP_PREFIX)) rmSync(join(this.incoming, leftover), { force: true });
    }
  }

  pathOf(sha256: string): string {
    return attachmentPath(this.rootDir, sha256);
  }

  /** Stores a file from disk (read in chunks, never whole) or from memory. */
  async put(source: { path: string } | { bytes: Uint8Array }): Promise<StoredFile> {
    const temp = join(this.incoming, `${TEMP_PREFIX}${randomBytes(8).toString('hex')}`);
    const out = await open(temp, 'wx', 0o600);
    const hash = createHash('sha256');
    let size = 0;
    let head = Buffer.alloc(0);
    try {
      for await (const chunk of this.chunks(source)) {
        size += chunk.length;
        if (size > this.maxFileBytes) throw new AppError('ATTACHMENT_TOO_LARGE');
        if (head.length < SNIFF_BYTES)
          head = Buffer.concat([head, chunk.subarray(0, SNIFF_BYTES - head.length)]);
        hash.update(chunk);
        await out.write(chunk);
      }
      if (size === 0) throw new AppError('ATTACHMENT_EMPTY');
      const type = await sniffType(head);
      if (!type) throw new AppError('ATTACHMENT_TYPE_NOT_ALLOWED');
      await out.sync();
      await out.close();
      // At most the file cap (10 MB) in memory, once, for the check.
      const { pageCount } = await checkContent(type.mime, await readFile(temp), this.pdf);
      const sha256 = hash.digest('hex');
      const final = this.pathOf(sha256);
      const alreadyStored = await this.has(sha256);
      if (alreadyStored) {
        await rm(temp, { force: true });
      } else {
        mkdirSync(join(this.rootDir, sha256.slice(0, 2)), { recursive: true, mode: 0o700 });
        await rename(temp, final);
        await this.syncDir(join(this.rootDir, sha256.slice(0, 2)));
      }
      return {
        sha256,
        size,
        mime: type.mime,
        extension: type.extension,
        pageCount,
        alreadyStored,
      };
    } catch (err) {
      await out.close().catch(() => {});
      await rm(temp, { force: true });
      throw err;
    }
  }

  async has(sha256: string): Promise<boolean> {
    try {
      return (await stat(this.pathOf(sha256))).isFile();
    } catch {
      return false;
    }
  }

  read(sha256: string): Promise<Buffer> {
    return readFile(this.pathOf(sha256));
  }

  /** For retention purges: a file no case refers to any more. */
  async remove(sha256: string): Promise<void> {
    await rm(this.pathOf(sha256), { force: true });
  }

  private async *chunks(source: { path: string } | { bytes: Uint8Array }): AsyncGenerator<Buffer> {
    if ('bytes' in source) {
      for (let i = 0; i < source.bytes.length; i += CHUNK)
        yield Buffer.from(source.bytes.subarray(i, i + CHUNK));
      return;
    }
    for await (const chunk of createReadStream(source.path, { highWaterMark: CHUNK }))
      yield chunk as Buffer;
  }

  private async syncDir(dir: string): Promise<void> {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  }
}
