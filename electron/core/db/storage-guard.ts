import { statfs } from 'node:fs/promises';
import type { Db } from './open-database';
import { AppError } from '../errors';

/** Below this much free space in the data folder every staff screen warns (1 GiB). */
export const LOW_DISK_FREE_BYTES = 1024 ** 3;
/** Free space is read from the OS at most this often: every staff screen polls it. */
const FREE_SPACE_CACHE_MS = 30_000;

export type StorageFailure = 'DB_DAMAGED' | 'DISK_FULL';

function codeOf(err: unknown): string {
  if (typeof err !== 'object' || err === null || !('code' in err)) return '';
  return typeof err.code === 'string' ? err.code : '';
}

/** What a failure of the disk or the database file means for the user, if it is one. */
export function storageFailureOf(err: unknown): StorageFailure | null {
  const code = codeOf(err);
  // Extended codes too: SQLITE_CORRUPT_INDEX, SQLITE_CORRUPT_SEQUENCE, SQLITE_IOERR_… of ENOSPC.
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return 'DB_DAMAGED';
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') return 'DISK_FULL';
  return null;
}

export interface StorageStatus {
  /** The database was found damaged while running: Loket is read-only until restored. */
  damaged: boolean;
  /** Free bytes in the data folder's file system, or null where the OS does not say. */
  freeBytes: number | null;
  lowDisk: boolean;
}

/**
 * Watches for a damaged database file and a full disk. A damaged page switches the connection
 * to read-only (`query_only`): nothing more is written into a damaged file, and what can still
 * be read is still shown, each refusal with the code that says what happened and what to do.
 */
export class StorageGuard {
  private damaged = false;
  private free: { at: number; bytes: number | null } | null = null;

  constructor(
    private readonly db: Db,
    private readonly dataDir: string,
    private readonly now: () => Date,
    private readonly lowDiskFreeBytes = LOW_DISK_FREE_BYTES,
  ) {}

  /** The refusal a storage failure becomes (switching to read-only on damage), or null. */
  refusalFor(err: unknown): AppError | null {
    const failure = storageFailureOf(err);
    if (failure === 'DB_DAMAGED') this.enterReadOnly();
    if (failure) return new AppError(failure);
    // Writes refused by the switch above.
    if (this.damaged && codeOf(err) === 'SQLITE_READONLY') return new AppError('DB_DAMAGED');
    return null;
  }

  /** Background work (deliveries, housekeeping) notices damage too. */
  observe(err: unknown): void {
    this.refusalFor(err);
  }

  /** Whether the file was found damaged: nothing more is written into it. */
  isDamaged(): boolean {
    return this.damaged;
  }

  /** Writing files (uploads) is refused once the database is damaged. */
  assertWritable(): void {
    if (this.damaged) throw new AppError('DB_DAMAGED');
  }

  async status(): Promise<StorageStatus> {
    const at = this.now().getTime();
    if (!this.free || at - this.free.at >= FREE_SPACE_CACHE_MS || at < this.free.at) {
      this.free = { at, bytes: await freeBytesOf(this.dataDir) };
    }
    const bytes = this.free.bytes;
    return {
      damaged: this.damaged,
      freeBytes: bytes,
      lowDisk: bytes !== null && bytes < this.lowDiskFreeBytes,
    };
  }

  private enterReadOnly(): void {
    if (this.damaged) return;
    this.damaged = true;
    try {
      this.db.pragma('query_only = ON');
    } catch {
      // A closed connection writes nothing anyway.
    }
  }
}

async function freeBytesOf(dir: string): Promise<number | null> {
  try {
    const s = await statfs(dir);
    return s.bavail * s.bsize;
  } catch {
    return null;
  }
}
