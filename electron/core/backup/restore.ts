/**
 * Restore in two steps, so the live data is never touched by a backup that fails a check:
 *
 * 1. Stage (while Loket runs): open the chosen backup into a folder beside the live data, and check
 *    all of it (every chunk's tag, `integrity_check`, every document's hash, the versions). Only
 *    then is a marker written that names the staged folder.
 * 2. Swap (when the core next starts, before the database is opened): the live database, its WAL
 *    and the documents are moved aside into `before-restore-<time>/`, the staged ones moved in.
 *    Each move is a rename inside the data folder, and each step checks what is already done, so
 *    a power cut half-way is finished at the next start.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { rename, rm, statfs } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../errors';
import type { BackupKey } from './backup-key';
import { documentPath, makePrivateDir, setsDir, syncDir, writePrivateFile } from './backup-folder';
import { assertNotNewer, manifestFileOf, readManifest } from './backup-catalog';
import { DATABASE_FILE_IN_SET, type Manifest } from './manifest';
import { Sealer } from './sealing';
import { checkSnapshot } from './snapshot-check';

export const RESTORE_MARKER = 'restore-pending.json';
export const STAGED_DIR = 'restore-staged';
export const ASIDE_PREFIX = 'before-restore-';
const DATABASE = 'loket.sqlite';
const ATTACHMENTS = 'attachments';
/** What the swap moves: the database with its WAL and shared memory, and the documents. */
const LIVE_PARTS = [DATABASE, `${DATABASE}-wal`, `${DATABASE}-shm`, ATTACHMENTS] as const;

const markerSchema = z.object({
  backupId: z.string(),
  aside: z.string().regex(new RegExp(`^${ASIDE_PREFIX}[0-9TZ]+$`)),
  stagedAt: z.string(),
});

/** Opens and checks a backup fully without touching the live data; returns its manifest. */
export async function checkBackup(
  folder: string,
  id: string,
  key: BackupKey,
  into: string,
): Promise<Manifest> {
  const manifest = await readManifest(manifestFileOf(folder, id), key);
  assertNotNewer(manifest.summary);
  rmSync(into, { recursive: true, force: true });
  makePrivateDir(into);
  const need = manifest.database.bytes + manifest.documents.reduce((s, d) => s + d.bytes, 0);
  const fs = await statfs(into).catch(() => null);
  if (fs && fs.bavail * fs.bsize < need) throw new AppError('DISK_FULL');
  const db = join(into, DATABASE);
  const sealer = new Sealer(key);
  try {
    return await checkInto(folder, id, manifest, sealer, into, db);
  } finally {
    await sealer.close();
  }
}

async function checkInto(
  folder: string,
  id: string,
  manifest: Manifest,
  sealer: Sealer,
  into: string,
  db: string,
): Promise<Manifest> {
  const opened = await sealer.open(join(setsDir(folder), id, DATABASE_FILE_IN_SET), db);
  if (opened.sha256 !== manifest.database.sha256) throw new AppError('BACKUP_DAMAGED');
  assertNotNewer(opened.header);
  const facts = await checkSnapshot(db).catch(() => {
    throw new AppError('BACKUP_DAMAGED');
  });
  if (!facts.intact || facts.schemaVersion !== manifest.summary.schemaVersion)
    throw new AppError('BACKUP_DAMAGED');
  for (const doc of manifest.documents) {
    const dir = join(into, ATTACHMENTS, doc.sha256.slice(0, 2));
    makePrivateDir(dir);
    const out = join(dir, doc.sha256);
    const got = await sealer
      .open(documentPath(folder, manifest.keyId, doc.name), out)
      .catch((err: unknown) => {
        throw err instanceof AppError ? err : new AppError('BACKUP_DAMAGED');
      });
    if (got.sha256 !== doc.sha256) throw new AppError('BACKUP_DAMAGED');
  }
  makePrivateDir(join(into, ATTACHMENTS));
  return manifest;
}

/** Stages a checked backup in the data folder for the swap at the next start of the core. */
export async function stageRestore(input: {
  dataDir: string;
  folder: string;
  id: string;
  key: BackupKey;
  now: Date;
}): Promise<{ manifest: Manifest; aside: string }> {
  const staged = join(input.dataDir, STAGED_DIR);
  const marker = join(input.dataDir, RESTORE_MARKER);
  rmSync(marker, { force: true });
  try {
    const manifest = await checkBackup(input.folder, input.id, input.key, staged);
    await syncDir(staged);
    const aside = `${ASIDE_PREFIX}${input.now
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d{3}/, '')}`;
    const temp = `${marker}.tmp`;
    writePrivateFile(
      temp,
      JSON.stringify({ backupId: input.id, aside, stagedAt: input.now.toISOString() }),
    );
    await rename(temp, marker);
    await syncDir(input.dataDir);
    return { manifest, aside };
  } catch (err) {
    await rm(staged, { recursive: true, force: true });
    throw err;
  }
}

export function hasPendingRestore(dataDir: string): boolean {
  return existsSync(join(dataDir, RESTORE_MARKER));
}

/** Drops a staged restore the admin no longer wants (before the core restarts). */
export function cancelPendingRestore(dataDir: string): void {
  rmSync(join(dataDir, RESTORE_MARKER), { force: true });
  rmSync(join(dataDir, STAGED_DIR), { recursive: true, force: true });
}

/**
 * Finishes a staged restore: called by the core before it opens the database, with the data
 * folder's lock held. Returns the backup swapped in and the folder the replaced data went to.
 */
export function applyPendingRestore(dataDir: string): { backupId: string; aside: string } | null {
  const markerFile = join(dataDir, RESTORE_MARKER);
  if (!existsSync(markerFile)) return null;
  const parsed = markerSchema.safeParse(JSON.parse(readFileSync(markerFile, 'utf8')));
  const staged = join(dataDir, STAGED_DIR);
  if (!parsed.success) {
    cancelPendingRestore(dataDir);
    return null;
  }
  const aside = join(dataDir, parsed.data.aside);
  // The staged database still there means the swap has not finished: finish it.
  if (existsSync(join(staged, DATABASE))) {
    mkdirSync(aside, { recursive: true, mode: 0o700 });
    for (const part of LIVE_PARTS) {
      const live = join(dataDir, part);
      if (existsSync(live) && !existsSync(join(aside, part))) renameSync(live, join(aside, part));
    }
    for (const part of [ATTACHMENTS, DATABASE] as const) {
      const from = join(staged, part);
      if (existsSync(from)) renameSync(from, join(dataDir, part));
    }
  }
  rmSync(markerFile, { force: true });
  rmSync(staged, { recursive: true, force: true });
  return { backupId: parsed.data.backupId, aside };
}
