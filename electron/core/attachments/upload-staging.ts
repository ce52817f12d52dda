import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../errors';

/** An upload is attached right after it arrives; one left this long was abandoned. */
export const STAGED_UPLOAD_MAX_AGE_MS = 15 * 60_000;
export const STAGING_SWEEP_INTERVAL_MS = 60_000;
/** A case holds at most 50 MB; a staff member dropping a whole case at once fits with room. */
export const MAX_STAGED_BYTES_PER_OWNER = 64 * 1024 * 1024;

export interface StagingLimits {
  maxFileBytes: number;
  maxAgeMs: number;
  sweepIntervalMs: number;
  /** Bytes staged and not yet attached, per owner (a staff member), counted while they arrive. */
  maxBytesPerOwner: number;
}

interface Staged {
  owner: string;
  bytes: number;
  stagedAt: number;
}

const UPLOAD_ID = /^[0-9a-f]{32}$/;

/**
 * Files on their way from a window to a case. Bytes do not travel inside JSON calls: the host
 * streams them here (HTTP body or IPC buffer) and the API call names the upload by its id.
 * Each upload belongs to the staff member who sent it; it is removed once attached or refused,
 * and a timer removes the ones never attached. Files left by an earlier run are removed at start.
 */
export class UploadStaging {
  private readonly staged = new Map<string, Staged>();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly dir: string,
    private readonly limits: StagingLimits,
    private readonly now: () => Date = () => new Date(),
  ) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    for (const name of readdirSync(dir)) rmSync(join(dir, name), { force: true });
    this.timer = setInterval(() => void this.sweep(), limits.sweepIntervalMs);
    this.timer.unref();
  }

  private stagedBytesOf(owner: string): number {
    let total = 0;
    for (const s of this.staged.values()) if (s.owner === owner) total += s.bytes;
    return total;
  }

  async stage(owner: string, source: Readable | Uint8Array): Promise<string> {
    const id = randomBytes(16).toString('hex');
    const path = join(this.dir, id);
    const entry: Staged = { owner, bytes: 0, stagedAt: this.now().getTime() };
    const { maxFileBytes, maxBytesPerOwner } = this.limits;
    const alreadyStaged = this.stagedBytesOf(owner);
    // Counted as the bytes arrive, so parallel uploads cannot overrun the cap together.
    this.staged.set(id, entry);
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        entry.bytes += chunk.length;
        if (entry.bytes > maxFileBytes) return done(new AppError('ATTACHMENT_TOO_LARGE'));
        if (alreadyStaged + entry.bytes > maxBytesPerOwner) {
          return done(new AppError('UPLOAD_STAGING_FULL'));
        }
        done(null, chunk);
      },
    });
    try {
      const input = source instanceof Uint8Array ? [Buffer.from(source)] : source;
      await pipeline(input, counter, createWriteStream(path, { mode: 0o600 }));
    } catch (err) {
      this.staged.delete(id);
      await rm(path, { force: true });
      throw err;
    }
    return id;
  }

  /** The staged file's path, or NOT_FOUND for an unknown or expired id or another owner's. */
  pathOf(uploadId: string, owner: string): string {
    const entry = UPLOAD_ID.test(uploadId) ? this.staged.get(uploadId) : undefined;
    if (!entry || entry.owner !== owner || this.expired(entry)) throw new AppError('NOT_FOUND');
    return join(this.dir, uploadId);
  }

  /** Removes an upload of this owner; someone else's id is left alone. */
  async discard(uploadId: string, owner: string): Promise<void> {
    const entry = UPLOAD_ID.test(uploadId) ? this.staged.get(uploadId) : undefined;
    if (!entry || entry.owner !== owner) return;
    this.staged.delete(uploadId);
    await rm(join(this.dir, uploadId), { force: true });
  }

  private expired(entry: Staged): boolean {
    return this.now().getTime() - entry.stagedAt > this.limits.maxAgeMs;
  }

  /** Removes uploads never attached; an upload still arriving is counted from its start. */
  async sweep(): Promise<void> {
    for (const [id, entry] of this.staged) {
      if (!this.expired(entry)) continue;
      this.staged.delete(id);
      await rm(join(this.dir, id), { force: true }).catch(() => {});
    }
  }

  close(): void {
    clearInterval(this.timer);
  }
}
