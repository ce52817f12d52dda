/** The backups in a folder, each read through its sealed manifest. */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupListEntry } from '../../../shared/domain/backup';
import { AppError } from '../errors';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import { deriveKey, type BackupKey } from './backup-key';
import { createdAtOfSet, folderFailure, isSetId, setsDir } from './backup-folder';
import { LOKET_VERSION, isNewerVersion } from './loket-version';
import { MANIFEST_FILE, manifestSchema, type Manifest } from './manifest';
import { openSealedText, readSealedHeader } from './sealed-file';

export async function readManifest(file: string, key: BackupKey): Promise<Manifest> {
  const { text } = await openSealedText(file, key);
  try {
    const parsed = manifestSchema.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
  } catch {
    // falls through: not Loket's manifest
  }
  throw new AppError('BACKUP_DAMAGED', {}, { file });
}

export function manifestFileOf(folder: string, id: string): string {
  if (!isSetId(id)) throw new AppError('BACKUP_NOT_FOUND');
  return join(setsDir(folder), id, MANIFEST_FILE);
}

/** A backup made by a newer Loket, or of a newer database schema, is not restored here. */
export function assertNotNewer(m: { schemaVersion: number; loketVersion: string }): void {
  if (m.schemaVersion > LATEST_SCHEMA_VERSION || isNewerVersion(m.loketVersion, LOKET_VERSION))
    throw new AppError('BACKUP_NEWER_VERSION', {}, { version: m.loketVersion });
}

/**
 * The key that opens a backup: the one kept on this PC when it was sealed with it, otherwise
 * derived from the passphrase the admin typed with the salt the backup names.
 */
export async function keyForSet(
  folder: string,
  id: string,
  kept: BackupKey | null,
  passphrase: string | undefined,
): Promise<BackupKey> {
  const { header } = await readSealedHeader(manifestFileOf(folder, id));
  if (passphrase !== undefined && passphrase !== '') return deriveKey(passphrase, header.kdf);
  if (kept && kept.kdf.salt === header.kdf.salt) return kept;
  throw new AppError('BACKUP_WRONG_PASSPHRASE');
}

/** Newest first; a set that cannot be read is listed with why, never left out silently. */
export async function listBackups(
  folder: string,
  kept: BackupKey | null,
  passphrase?: string,
): Promise<BackupListEntry[]> {
  let ids: string[];
  try {
    ids = readdirSync(setsDir(folder)).filter(isSetId);
  } catch (err) {
    // A folder with no backups yet is an empty list; a folder that is not there is an error.
    if (isMissing(err) && existsSync(folder)) return [];
    throw folderFailure(err, folder);
  }
  ids.sort().reverse();
  const derived = new Map<string, BackupKey>();
  const entries: BackupListEntry[] = [];
  for (const id of ids) {
    try {
      const { header } = await readSealedHeader(manifestFileOf(folder, id));
      let key: BackupKey | undefined = derived.get(header.kdf.salt);
      if (!key) {
        key = await keyForSet(folder, id, kept, passphrase);
        derived.set(header.kdf.salt, key);
      }
      const m = await readManifest(manifestFileOf(folder, id), key);
      entries.push({ readable: true, id, summary: m.summary });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      const problem =
        err.code === 'BACKUP_WRONG_PASSPHRASE' || err.code === 'BACKUP_NEWER_VERSION'
          ? err.code
          : 'BACKUP_DAMAGED';
      entries.push({ readable: false, id, createdAt: createdAtOfSet(id), problem });
    }
  }
  return entries;
}

function isMissing(err: unknown): boolean {
  return err instanceof Error && (err as NodeJS.ErrnoException).code === 'ENOENT';
}
