import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { AppError } from '../errors';

/**
 * Files on their way from a window to a case. Bytes do not travel inside JSON calls: the host
 * streams them here (HTTP body or IPC buffer) and the API call names the upload by its id.
 * Uploads not attached within the hour, or left by a crash, are removed.
 */
export class UploadStaging {
  private static readonly MAX_AGE_MS = 60 * 60 * 1000;

  constructor(
    private readonly dir: string,
    private readonly maxBytes: number,
  ) {
    mkdirSync(dir, { recursive: true });
    for (const name of readdirSync(dir)) rmSync(join(dir, name), { force: true });
  }

  async stage(source: Readable | Uint8Array): Promise<string> {
    const id = randomBytes(16).toString('hex');
    const path = join(this.dir, id);
    let size = 0;
    const limit = this.maxBytes;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        size += chunk.length;
        done(size > limit ? new AppError('ATTACHMENT_TOO_LARGE') : null, chunk);
      },
    });
    try {
      if (source instanceof Uint8Array) {
        if (source.length > limit) throw new AppError('ATTACHMENT_TOO_LARGE');
        await pipeline([Buffer.from(source)], createWriteStream(path, { mode: 0o600 }));
      } else {
        await pipeline(source, counter, createWriteStream(path, { mode: 0o600 }));
      }
    } catch (err) {
      await rm(path, { force: true });
      throw err;
    }
    return id;
  }

  /** The staged file's path, or NOT_FOUND for an unknown or expired id. */
  async pathOf(uploadId: string): Promise<string> {
    if (!/^[0-9a-f]{32}$/.test(uploadId)) throw new AppError('NOT_FOUND');
    const path = join(this.dir, uploadId);
    try {
      const s = await stat(path);
      if (Date.now() - s.mtimeMs > UploadStaging.MAX_AGE_MS) throw new Error('expired');
    } catch {
      throw new AppError('NOT_FOUND');
    }
    return path;
  }

  async discard(uploadId: string): Promise<void> {
    if (/^[0-9a-f]{32}$/.test(uploadId)) await rm(join(this.dir, uploadId), { force: true });
  }
}
