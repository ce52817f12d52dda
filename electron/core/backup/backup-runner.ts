/**
 * One backup run: an online snapshot of the database (SQLite's backup API, never a copy of the
 * live file) into the data folder, taken and checked off the host's thread, then sealed into a
 * new set in the backup folder; documents sealed once into a pool the sets share (only new ones are copied);
 * every part read back and checked before the set gets its final name; then the sets outside the
 * admin's keep rule, and documents no kept set needs, are deleted.
 */
import { existsSync, readdirSync } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { BackupSummary } from '../../../shared/domain/backup';
import type { Db } from '../db/open-database';
import { AppError } from '../errors';
import { LOKET_VERSION } from './loket-version';
import { documentNameOf, keyIdOf, type BackupKey } from './backup-key';
import {
  SET_PARTIAL_PREFIX,
  checkWritableFolder,
  createdAtOfSet,
  documentPath,
  documentPoolDir,
  folderFailure,
  freeBytesIn,
  isSetId,
  makePrivateDir,
  newSetId,
  setsDir,
  syncDir,
  syncFiles,
} from './backup-folder';
import { backupsToKeep, type KeepRule } from './keep-set';
import { DATABASE_FILE_IN_SET, MANIFEST_FILE, type Manifest } from './manifest';
import { readManifest } from './backup-catalog';
import { FLUSH_BYTES, sealFile } from './sealed-file';
import { Sealer } from './sealing';
import { SnapshotNotTaken, takeAndCheckSnapshot } from './snapshot-check';
import type { SnapshotFacts } from './snapshot-facts';

export interface BackupRunInput {
  db: Db;
  dataDir: string;
  /** Where a stored document lives (the attachment store's path by SHA-256). */
  documentPath: (sha256: string) => string;
  folder: string;
  key: BackupKey;
  keep: KeepRule;
  now: () => Date;
  trigger: BackupSummary['trigger'];
  /** Pages copied per step of the online backup (in the snapshot worker, flushed after each). */
  pagesPerStep?: number;
  /** The snapshot worker's rest after each step, so the host's commits reach the disk between. */
  pauseMs?: number;
  /** Told as each phase ends (the benchmark prints where the time goes). */
  onPhase?: (phase: 'snapshot' | 'database' | 'documents' | 'finish') => void;
}

export const WORK_DIR = 'backup-work';
/** Room left free on the backup disk beyond what the backup needs. */
const SPARE_BYTES = 16 * 1024 * 1024;

export async function runBackup(input: BackupRunInput): Promise<Manifest> {
  const { folder, key } = input;
  await checkWritableFolder(folder);
  const work = join(input.dataDir, WORK_DIR);
  await removeAll(work);
  makePrivateDir(work);
  const snapshot = join(work, 'snapshot.sqlite');
  const startedAt = input.now();
  // The CPU work (AES-GCM, SHA-256 over every byte) runs off the host's thread.
  const sealer = new Sealer(key);
  try {
    const facts = await takeSnapshot(input.db, snapshot, {
      pagesPerStep: input.pagesPerStep ?? 1024,
      pauseMs: input.pauseMs ?? 20,
    });
    input.onPhase?.('snapshot');
    if (!facts.intact) throw new AppError('DB_DAMAGED');
    const keyId = keyIdOf(key);
    const pool = documentPoolDir(folder, keyId);
    const sets = setsDir(folder);
    const id = newSetId(startedAt);
    const partial = join(sets, `${SET_PARTIAL_PREFIX}${id}`);
    const meta = { schemaVersion: facts.schemaVersion, loketVersion: LOKET_VERSION };
    try {
      makePrivateDir(pool);
      makePrivateDir(sets);
      await removeLeftovers(sets);
      const documents = facts.files.map((f) => ({
        ...f,
        name: documentNameOf(key, f.sha256),
      }));
      const toCopy = documents.filter((d) => !existsSync(documentPath(folder, keyId, d.name)));
      const need =
        facts.files.length === 0
          ? 0
          : toCopy.reduce((sum, d) => sum + d.size, 0) + facts.files.length * 4096;
      await assertRoom(folder, need + (await sizeOf(snapshot)) + SPARE_BYTES);

      makePrivateDir(partial);
      const dbFile = join(partial, DATABASE_FILE_IN_SET);
      const sealedDb = await sealer.seal(
        snapshot,
        dbFile,
        { kind: 'database', ...meta },
        input.now(),
      );
      const reread = await sealer.open(dbFile);
      if (reread.sha256 !== sealedDb.sha256)
        throw new AppError('BACKUP_DAMAGED', {}, { file: dbFile });
      input.onPhase?.('database');

      let copied = 0;
      let missing = 0;
      const held: Manifest['documents'] = [];
      const written: string[] = [];
      // New documents are flushed a few MiB at a time: one fsync of gigabytes at the end would
      // hold every check-in's own fsync behind it.
      let unsynced: string[] = [];
      let unsyncedBytes = 0;
      for (const doc of documents) {
        const outcome = await backUpDocument(input, sealer, keyId, doc, meta);
        if (outcome === 'missing') {
          missing++;
          continue;
        }
        if (outcome === 'copied') {
          copied++;
          const file = documentPath(folder, keyId, doc.name);
          written.push(file);
          unsynced.push(file);
          unsyncedBytes += doc.size;
          if (unsyncedBytes >= FLUSH_BYTES) {
            await syncFiles(unsynced);
            unsynced = [];
            unsyncedBytes = 0;
          }
        }
        held.push({ sha256: doc.sha256, name: doc.name, bytes: doc.size });
      }
      // Every new document is on the disk before a manifest names it.
      await syncFiles(unsynced);
      for (const dir of new Set(written.map((f) => dirname(f)))) await syncDir(dir);
      input.onPhase?.('documents');

      const manifest: Manifest = {
        format: 1,
        keyId,
        database: { sha256: sealedDb.sha256, bytes: sealedDb.plainBytes },
        documents: held,
        summary: {
          id,
          createdAt: startedAt.toISOString(),
          finishedAt: input.now().toISOString(),
          trigger: input.trigger,
          schemaVersion: facts.schemaVersion,
          loketVersion: LOKET_VERSION,
          counts: facts.counts,
          databaseBytes: sealedDb.plainBytes,
          documentFiles: held.length,
          documentBytes: held.reduce((sum, d) => sum + d.bytes, 0),
          documentsCopied: copied,
          documentsMissing: missing,
        },
      };
      const manifestFile = join(partial, MANIFEST_FILE);
      await sealFile(
        Buffer.from(JSON.stringify(manifest), 'utf8'),
        manifestFile,
        key,
        { kind: 'manifest', ...meta },
        input.now(),
      );
      await readManifest(manifestFile, key);
      await syncDir(partial);
      await rename(partial, join(sets, id));
      await syncDir(sets);
      await prune(folder, key, input.keep);
      input.onPhase?.('finish');
      return manifest;
    } catch (err) {
      await removeAll(partial);
      throw folderFailure(err, folder);
    }
  } finally {
    await sealer.close();
    await removeAll(work);
  }
}

/**
 * The online snapshot and its check, both in the snapshot worker on its own connection: the
 * host's thread steps nothing and holds no lock, so its check-ins wait for neither.
 */
async function takeSnapshot(
  db: Db,
  file: string,
  pace: { pagesPerStep: number; pauseMs: number },
): Promise<SnapshotFacts> {
  try {
    return await takeAndCheckSnapshot(db.name, file, pace);
  } catch (err) {
    if (err instanceof SnapshotNotTaken && (err.code === 'SQLITE_FULL' || err.code === 'ENOSPC'))
      throw new AppError('DISK_FULL');
    throw err;
  }
}

/**
 * A document already in the pool is read back and checked; a damaged one (a bad sector on the
 * USB disk) is sealed again from the store. A new one is sealed under a temporary name first.
 */
async function backUpDocument(
  input: BackupRunInput,
  sealer: Sealer,
  keyId: string,
  doc: { sha256: string; name: string },
  meta: { schemaVersion: number; loketVersion: string },
): Promise<'copied' | 'present' | 'missing'> {
  const target = documentPath(input.folder, keyId, doc.name);
  if (existsSync(target) && (await holds(sealer, target, doc.sha256))) return 'present';
  const source = input.documentPath(doc.sha256);
  if (!existsSync(source)) return 'missing';
  makePrivateDir(join(target, '..'));
  const temp = `${target}.partial`;
  await rm(temp, { force: true });
  const sealed = await sealer.seal(source, temp, { kind: 'document', ...meta }, input.now(), false);
  // The store's file must be what its name says: a damaged one is not passed off as a backup.
  if (sealed.sha256 !== doc.sha256) {
    await rm(temp, { force: true });
    throw new AppError('BACKUP_DOCUMENT_DAMAGED', {}, { sha256: doc.sha256 });
  }
  await rename(temp, target);
  if (!(await holds(sealer, target, doc.sha256)))
    throw new AppError('BACKUP_DAMAGED', {}, { file: target });
  return 'copied';
}

async function holds(sealer: Sealer, file: string, sha256: string): Promise<boolean> {
  try {
    return (await sealer.open(file)).sha256 === sha256;
  } catch (err) {
    if (err instanceof AppError) return false;
    throw err;
  }
}

async function sizeOf(file: string): Promise<number> {
  return (await stat(file)).size;
}

async function assertRoom(folder: string, bytes: number): Promise<void> {
  const free = await freeBytesIn(folder);
  if (free !== null && free < bytes) throw new AppError('BACKUP_FOLDER_FULL', {}, { folder });
}

/** Sets a run that stopped half-way left behind (power cut, disk pulled out). */
async function removeLeftovers(sets: string): Promise<void> {
  for (const name of readdirSync(sets)) {
    if (name.startsWith(SET_PARTIAL_PREFIX)) await removeAll(join(sets, name));
  }
}

/**
 * Deletes off the host's thread: unlinking a file of gigabytes (the snapshot, an old set's
 * database) frees its extents through the file system's journal, which can take seconds on a
 * busy disk, and a check-in must not wait for it.
 */
function removeAll(path: string): Promise<void> {
  return rm(path, { recursive: true, force: true });
}

/**
 * Deletes the sets outside the keep rule (dated by their folder names, so sets sealed with an
 * older passphrase are kept or dropped the same way), then the documents no kept set names.
 */
async function prune(folder: string, key: BackupKey, keep: KeepRule): Promise<void> {
  const sets = setsDir(folder);
  const dated = readdirSync(sets)
    .filter(isSetId)
    .map((id) => ({ id, createdAt: createdAtOfSet(id) ?? '' }));
  const kept = backupsToKeep(dated, keep);
  for (const s of dated) {
    if (!kept.has(s.id)) await removeAll(join(sets, s.id));
  }
  const keyId = keyIdOf(key);
  const needed = new Set<string>();
  const otherKeys = new Set<string>();
  for (const id of kept) {
    try {
      const m = await readManifest(join(sets, id, MANIFEST_FILE), key);
      for (const d of m.documents) needed.add(d.name);
    } catch (err) {
      // Sealed with an earlier passphrase: its documents are in that key's pool, kept whole.
      if (err instanceof AppError && err.code === 'BACKUP_WRONG_PASSPHRASE') {
        otherKeys.add('*');
        continue;
      }
      // A damaged kept set cannot say which documents it needs: delete nothing this time.
      return;
    }
  }
  const pool = documentPoolDir(folder, keyId);
  for (const prefix of readdirSync(pool)) {
    const dir = join(pool, prefix);
    for (const file of readdirSync(dir)) {
      const name = file.replace(/\.lbk(\.partial)?$/, '');
      if (!needed.has(name) || file.endsWith('.partial')) await removeAll(join(dir, file));
    }
  }
  if (otherKeys.size > 0) return;
  const pools = join(pool, '..');
  for (const other of readdirSync(pools)) {
    if (other !== keyId) await removeAll(join(pools, other));
  }
}
