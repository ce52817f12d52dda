/**
 * The backup folder the admin chose: checked before anything is written, and every file system
 * failure in it told apart (missing, read-only, full), so the admin reads what to do.
 *
 *   <folder>/loket-backup/sets/<id>/{database,manifest}.lbk   one folder per backup
 *   <folder>/loket-backup/documents/<key id>/<ab>/<name>.lbk  documents, shared by the backups
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { open, statfs } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../errors';

export const BACKUP_ROOT = 'loket-backup';
export const SET_PARTIAL_PREFIX = '.partial-';

export function setsDir(folder: string): string {
  return join(folder, BACKUP_ROOT, 'sets');
}

export function documentPoolDir(folder: string, keyId: string): string {
  return join(folder, BACKUP_ROOT, 'documents', keyId);
}

export function documentPath(folder: string, keyId: string, name: string): string {
  return join(documentPoolDir(folder, keyId), name.slice(0, 2), `${name}.lbk`);
}

const SET_ID = /^(\d{8}T\d{6}Z)-[0-9a-f]{6}$/;

export function newSetId(now: Date): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  return `${stamp}-${randomBytes(3).toString('hex')}`;
}

export function isSetId(id: string): boolean {
  return SET_ID.test(id);
}

/** When a backup was made, read from its folder's name (no passphrase needed). */
export function createdAtOfSet(id: string): string | null {
  const m = SET_ID.exec(id)?.[1];
  if (!m) return null;
  return `${m.slice(0, 4)}-${m.slice(4, 6)}-${m.slice(6, 8)}T${m.slice(9, 11)}:${m.slice(11, 13)}:${m.slice(13, 15)}Z`;
}

function codeOf(err: unknown): string {
  return err instanceof Error ? ((err as NodeJS.ErrnoException).code ?? '') : '';
}

/** What a file system failure in the backup folder means, or the error itself. */
export function folderFailure(err: unknown, folder: string): unknown {
  if (err instanceof AppError) return err;
  const code = codeOf(err);
  if (code === 'ENOENT' || code === 'ENOTDIR')
    return new AppError('BACKUP_FOLDER_MISSING', {}, { folder });
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
    return new AppError('BACKUP_FOLDER_READONLY', {}, { folder });
  if (code === 'ENOSPC' || code === 'EDQUOT')
    return new AppError('BACKUP_FOLDER_FULL', {}, { folder });
  return err;
}

/**
 * The folder exists (a USB disk that is not plugged in is not silently replaced by an empty
 * folder on the PC's own disk), and a file can be written and synced in it.
 */
export async function checkWritableFolder(folder: string): Promise<void> {
  try {
    if (!statSync(folder).isDirectory())
      throw new AppError('BACKUP_FOLDER_MISSING', {}, { folder });
  } catch (err) {
    throw folderFailure(err, folder);
  }
  const probe = join(folder, `.loket-probe-${randomBytes(4).toString('hex')}`);
  try {
    const fh = await open(probe, 'wx', 0o600);
    try {
      await fh.write(Buffer.alloc(4096));
      await fh.sync();
    } finally {
      await fh.close();
    }
  } catch (err) {
    throw folderFailure(err, folder);
  } finally {
    rmSync(probe, { force: true });
  }
}

/** Free bytes for this user in the folder's file system, or null where the OS does not say. */
export async function freeBytesIn(folder: string): Promise<number | null> {
  try {
    const s = await statfs(folder);
    return s.bavail * s.bsize;
  } catch {
    return null;
  }
}

export function makePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
}

export async function syncDir(dir: string): Promise<void> {
  try {
    const fh = await open(dir, 'r');
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
  } catch {
    // Windows cannot open a folder to fsync it; its rename is durable on NTFS.
  }
}

/**
 * Flushes many files at once: in parallel the file system commits them in a few journal
 * transactions, where one fsync after each file costs a commit each (most of a backup of many
 * small documents onto a USB disk).
 */
export async function syncFiles(files: readonly string[], parallel = 32): Promise<void> {
  for (let i = 0; i < files.length; i += parallel) {
    await Promise.all(
      files.slice(i, i + parallel).map(async (file) => {
        const fh = await open(file, 'r+');
        try {
          await fh.sync();
        } finally {
          await fh.close();
        }
      }),
    );
  }
}

export function writePrivateFile(file: string, text: string): void {
  writeFileSync(file, text, { mode: 0o600 });
}
