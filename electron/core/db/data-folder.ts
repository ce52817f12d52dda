import {
  chmodSync,
  closeSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  linkSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../errors';

const PRIVATE_DIR = 0o700;
const PRIVATE_FILE = 0o600;
export const LOCK_FILE = 'loket.lock';

/**
 * Makes the data folder private to the user running Loket: the folder and every folder in it
 * 0700, every file 0600 (a folder or database left world-readable by an older Loket included).
 * Symbolic links are left alone: chmod would follow them out of the folder.
 */
export function protectDataFolder(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR });
  if (process.platform === 'win32') return; // NTFS permissions are the per-user profile's
  const walk = (path: string): void => {
    const stat = lstatSync(path);
    if (stat.isDirectory()) {
      if ((stat.mode & 0o777) !== PRIVATE_DIR) chmodSync(path, PRIVATE_DIR);
      for (const name of readdirSync(path)) walk(join(path, name));
    } else if (stat.isFile() && (stat.mode & 0o077) !== 0) {
      chmodSync(path, PRIVATE_FILE);
    }
  };
  walk(dir);
}

/** Creates the database file 0600 before SQLite does: SQLite gives its -wal and -shm the same mode. */
export function createPrivateFile(file: string): void {
  closeSync(openSync(file, 'a', PRIVATE_FILE));
}

export type HostKind = 'browser' | 'desktop' | 'other';

const holderSchema = z.object({
  pid: z.number().int().positive(),
  /** Tells a live holder from another process that got its pid after a crash (Linux only). */
  processStart: z.string().nullable(),
  host: z.enum(['browser', 'desktop', 'other']),
  hostname: z.string(),
  startedAt: z.string(),
});
export type LockHolder = z.infer<typeof holderSchema>;

export interface DataFolderLock {
  release(): void;
}

/**
 * One Loket per data folder: a second host would sweep the first one's staged uploads and send
 * its deliveries in flight a second time. The lock is a file created exclusively (O_EXCL) that
 * names its holder; one left by a process that died (SIGKILL, power loss) is taken over once
 * that process is known to be gone. Taken before the database is opened or staging is touched.
 */
export function lockDataFolder(dir: string, host: HostKind, now: () => Date): DataFolderLock {
  const file = join(dir, LOCK_FILE);
  const me: LockHolder = {
    pid: process.pid,
    processStart: processStartOf(process.pid),
    host,
    hostname: hostname(),
    startedAt: now().toISOString(),
  };
  const content = JSON.stringify(me);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      createExclusively(file, content);
      return {
        release: () => {
          // Only our own lock: never one a host took over after deciding we were gone.
          if (readHolderText(file) === content) unlinkSync(file);
        },
      };
    } catch (err) {
      if (!isCode(err, 'EEXIST')) throw err;
    }
    const text = readHolderText(file);
    if (text === null) continue; // released meanwhile
    const holder = parseHolder(text);
    if (holder && isAlive(holder)) {
      throw new AppError('DATA_FOLDER_IN_USE', {}, describeHolder(holder, dir));
    }
    // Unreadable (a crash while writing it) or its process is gone: take it over.
    unlinkIfUnchanged(file, text);
  }
  throw new AppError('DATA_FOLDER_IN_USE', {}, describeHolder(null, dir));
}

/**
 * The lock appears with its content in one step (a hard link of a finished file, which fails
 * if the name exists), so another host never reads a half-written lock and takes it as stale.
 * Where the file system has no hard links, an O_EXCL create.
 */
function createExclusively(file: string, content: string): void {
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(temp, content, { mode: PRIVATE_FILE, flag: 'wx' });
  try {
    linkSync(temp, file);
    return;
  } catch (err) {
    if (!isCode(err, 'EPERM') && !isCode(err, 'ENOTSUP') && !isCode(err, 'ENOSYS')) throw err;
  } finally {
    unlinkSync(temp);
  }
  const fd = openSync(file, 'wx', PRIVATE_FILE);
  try {
    writeSync(fd, content);
  } finally {
    closeSync(fd);
  }
}

function describeHolder(holder: LockHolder | null, dir: string): Record<string, string> {
  return {
    dir,
    lockFile: join(dir, LOCK_FILE),
    pid: holder ? String(holder.pid) : '?',
    host: holder?.host ?? 'other',
    hostname: holder?.hostname ?? '?',
    since: holder?.startedAt ?? '?',
  };
}

function readHolderText(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    if (isCode(err, 'ENOENT')) return null;
    throw err;
  }
}

function parseHolder(text: string): LockHolder | null {
  try {
    const parsed = holderSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function unlinkIfUnchanged(file: string, text: string): void {
  if (readHolderText(file) !== text) return;
  try {
    unlinkSync(file);
  } catch (err) {
    if (!isCode(err, 'ENOENT')) throw err;
  }
}

function isAlive(holder: LockHolder): boolean {
  // Another computer's process (a folder on a network share) cannot be checked from here.
  if (holder.hostname !== hostname()) return true;
  try {
    process.kill(holder.pid, 0);
  } catch (err) {
    if (isCode(err, 'ESRCH')) return false;
  }
  if (holder.processStart === null) return true;
  const start = processStartOf(holder.pid);
  return start === null || start === holder.processStart;
}

/** The boot and the clock tick the process started at (Linux's /proc), or null elsewhere. */
function processStartOf(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 22 (starttime), counted after the command name, which may itself hold spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const bootId = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    const start = fields[19];
    return start ? `${bootId}:${start}` : null;
  } catch {
    return null;
  }
}

function isCode(err: unknown, code: string): boolean {
  return err instanceof Error && (err as NodeJS.ErrnoException).code === code;
}
