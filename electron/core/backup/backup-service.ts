/**
 * Backups as the admin sees them: settings (the key kept in the secret store, never the
 * passphrase), runs (by hand, on the daily schedule, when Loket closes; one at a time), the list,
 * the last good one that every staff screen's warning is measured against, and restore.
 */
import { isAbsolute, join } from 'node:path';
import {
  backupSettingsInputSchema,
  type BackupCounts,
  type BackupListEntry,
  type BackupSettings,
  type BackupSettingsInput,
  type BackupStatus,
  type BackupSummary,
  type DiskEncryption,
} from '../../../shared/domain/backup';
import type { AuditLog } from '../audit';
import type { Db } from '../db/open-database';
import { AppError } from '../errors';
import type { SecretStore } from '../settings/secret-store';
import {
  deriveKey,
  keyCheckOf,
  newKdf,
  parseStoredKey,
  serializeKey,
  type BackupKey,
} from './backup-key';
import { checkWritableFolder, createdAtOfSet } from './backup-folder';
import {
  assertNotNewer,
  keyForSet,
  listBackups,
  manifestFileOf,
  readManifest,
} from './backup-catalog';
import { isBackupDue } from './backup-schedule';
import { BackupSettingsStore, type BackupState } from './backup-settings';
import { runBackup } from './backup-runner';
import { diskEncryptionOf } from './disk-encryption';
import { hasPendingRestore, stageRestore } from './restore';

export interface BackupServiceDeps {
  db: Db;
  dataDir: string;
  documentPath: (sha256: string) => string;
  secrets: SecretStore;
  audit: AuditLog;
  now: () => Date;
  logError: (err: unknown) => void;
  /** Announces that the backup status changed (staff screens reload their warning). */
  changed: () => void;
  /** The host reopens the core on the restored data; null where it cannot (tests). */
  requestRestart: (() => void) | null;
}

export class BackupService {
  private readonly store: BackupSettingsStore;
  private running: Promise<BackupSummary> | null = null;
  private key: BackupKey | null | undefined;
  private disk: DiskEncryption | null = null;

  constructor(private readonly d: BackupServiceDeps) {
    this.store = new BackupSettingsStore(d.db);
  }

  private keptKey(): BackupKey | null {
    if (this.key === undefined) this.key = parseStoredKey(this.d.secrets.get());
    return this.key;
  }

  /** The kept key, if it is the one the settings name (not one left from before a restore). */
  private usableKey(): BackupKey | null {
    const key = this.keptKey();
    const s = this.store.settings();
    return key && s.keyCheck === keyCheckOf(key) ? key : null;
  }

  async settings(): Promise<BackupSettings> {
    const s = this.store.settings();
    this.disk ??= await diskEncryptionOf(this.d.dataDir);
    return {
      folder: s.folder,
      dailyAt: s.dailyAt,
      onClose: s.onClose,
      keepDaily: s.keepDaily,
      keepWeekly: s.keepWeekly,
      staleHours: s.staleHours,
      hasPassphrase: this.usableKey() !== null,
      passphraseNeedsEntry: s.keyCheck !== null && this.usableKey() === null,
      dataDiskEncryption: this.disk,
      dataDir: this.d.dataDir,
    };
  }

  async saveSettings(input: BackupSettingsInput, actorId: number): Promise<BackupSettings> {
    const parsed = backupSettingsInputSchema.parse(input);
    if (!isAbsolute(parsed.folder))
      throw new AppError('VALIDATION', { fields: { folder: 'validation.backupFolderPath' } });
    if (parsed.passphrase === undefined && this.usableKey() === null)
      throw new AppError('VALIDATION', {
        fields: { passphrase: 'validation.backupPassphraseRequired' },
      });
    await checkWritableFolder(parsed.folder);
    let key = this.usableKey();
    if (parsed.passphrase !== undefined) {
      key = await deriveKey(parsed.passphrase, newKdf());
      // First the key: a keychain that refuses it must leave the settings as they were.
      this.d.secrets.set(serializeKey(key));
      this.key = key;
    }
    this.d.db.transaction(() => {
      this.store.saveSettings({
        folder: parsed.folder,
        dailyAt: parsed.dailyAt,
        onClose: parsed.onClose,
        keepDaily: parsed.keepDaily,
        keepWeekly: parsed.keepWeekly,
        staleHours: parsed.staleHours,
        keyCheck: key ? keyCheckOf(key) : null,
      });
      this.d.audit.record({
        actorId,
        action: 'backup.settings',
        entity: 'settings',
        entityId: 'backup',
        detail: {
          folder: parsed.folder,
          dailyAt: parsed.dailyAt,
          onClose: parsed.onClose,
          keepDaily: parsed.keepDaily,
          keepWeekly: parsed.keepWeekly,
          staleHours: parsed.staleHours,
          passphraseChanged: parsed.passphrase !== undefined,
        },
      });
    })();
    this.d.changed();
    return this.settings();
  }

  status(): BackupStatus {
    const s = this.store.settings();
    const st = this.store.state();
    const configured = s.folder !== '' && s.keyCheck !== null;
    const limit = s.staleHours * 3_600_000;
    const age = st.lastGood ? this.d.now().getTime() - new Date(st.lastGood.at).getTime() : null;
    return {
      configured,
      running: this.running !== null,
      lastGood: st.lastGood ? { id: st.lastGood.id, at: st.lastGood.at } : null,
      lastFailure: st.lastFailure,
      staleHours: s.staleHours,
      stale: configured && (age === null || age > limit),
    };
  }

  /**
   * Runs a backup now. Asked for by hand while one runs, it waits for that one and then takes
   * its own: what it returns always holds everything saved before the admin asked.
   */
  async run(trigger: BackupSummary['trigger'], actorId: number | null): Promise<BackupSummary> {
    while (this.running && trigger === 'manual') await this.running.catch(() => undefined);
    return this.start(trigger, actorId);
  }

  private start(trigger: BackupSummary['trigger'], actorId: number | null): Promise<BackupSummary> {
    if (this.running) return Promise.reject(new AppError('BACKUP_BUSY'));
    if (hasPendingRestore(this.d.dataDir)) return Promise.reject(new AppError('BACKUP_BUSY'));
    const s = this.store.settings();
    const key = this.usableKey();
    if (s.folder === '' || !key) return Promise.reject(new AppError('BACKUP_NOT_CONFIGURED'));
    const started = this.d.now().toISOString();
    const job = (async () => {
      try {
        const manifest = await runBackup({
          db: this.d.db,
          dataDir: this.d.dataDir,
          documentPath: this.d.documentPath,
          folder: s.folder,
          key,
          keep: { daily: s.keepDaily, weekly: s.keepWeekly },
          now: this.d.now,
          trigger,
        });
        this.record(
          {
            lastGood: { id: manifest.summary.id, at: manifest.summary.createdAt, folder: s.folder },
          },
          started,
          actorId,
          { id: manifest.summary.id, trigger, documentsCopied: manifest.summary.documentsCopied },
        );
        return manifest.summary;
      } catch (err) {
        const code = err instanceof AppError ? err.code : 'INTERNAL';
        this.record({ lastFailure: { at: this.d.now().toISOString(), code } }, started, actorId, {
          trigger,
          failed: code,
        });
        throw err;
      } finally {
        this.running = null;
        this.d.changed();
      }
    })();
    this.running = job;
    this.d.changed();
    return job;
  }

  private record(
    outcome: Partial<BackupState>,
    attemptAt: string,
    actorId: number | null,
    detail: Record<string, unknown>,
  ): void {
    try {
      this.d.db.transaction(() => {
        const before = this.store.state();
        this.store.saveState({
          ...before,
          ...outcome,
          lastAttemptAt: attemptAt,
          ...(outcome.lastGood && { lastFailure: null }),
        });
        this.d.audit.record({ actorId, action: 'backup.run', entity: 'backup', detail });
      })();
    } catch (err) {
      this.d.logError(err);
    }
  }

  /** After a restore the live data is exactly that backup's (its run was not in the snapshot). */
  noteRestored(backupId: string): void {
    const at = createdAtOfSet(backupId);
    const s = this.store.settings();
    if (!at) return;
    const before = this.store.state();
    if (before.lastGood && before.lastGood.at >= at) return;
    this.store.saveState({ ...before, lastGood: { id: backupId, at, folder: s.folder } });
  }

  /** The schedule's minute tick: runs the daily backup when it is due. */
  tick(): void {
    const s = this.store.settings();
    const st = this.store.state();
    if (this.running || s.folder === '' || !this.usableKey()) return;
    const due = isBackupDue({
      now: this.d.now(),
      dailyAt: s.dailyAt,
      lastSuccessAt: st.lastGood?.at ?? null,
      lastAttemptAt: st.lastAttemptAt,
    });
    if (due) this.run('schedule', null).catch((err: unknown) => this.d.logError(err));
  }

  /** When Loket closes: the backup the admin asked for then, and any run still going. */
  async beforeClose(): Promise<void> {
    if (this.running) await this.running.catch(() => undefined);
    const s = this.store.settings();
    if (!s.onClose || s.folder === '' || !this.usableKey() || hasPendingRestore(this.d.dataDir))
      return;
    await this.run('close', null).catch((err: unknown) => this.d.logError(err));
  }

  list(folder?: string, passphrase?: string): Promise<BackupListEntry[]> {
    return listBackups(this.folderOf(folder), this.keptKey(), passphrase);
  }

  private folderOf(folder: string | undefined): string {
    const f = folder?.trim() || this.store.settings().folder;
    if (!f) throw new AppError('BACKUP_NOT_CONFIGURED');
    if (!isAbsolute(f))
      throw new AppError('VALIDATION', { fields: { folder: 'validation.backupFolderPath' } });
    return f;
  }

  /** What a backup holds (its manifest, authenticated) next to what the live data holds now. */
  async inspect(input: {
    folder?: string;
    id: string;
    passphrase?: string;
  }): Promise<{ summary: BackupSummary; current: BackupCounts }> {
    const folder = this.folderOf(input.folder);
    const key = await keyForSet(folder, input.id, this.keptKey(), input.passphrase);
    const manifest = await readManifest(manifestFileOf(folder, input.id), key);
    assertNotNewer(manifest.summary);
    return { summary: manifest.summary, current: this.currentCounts() };
  }

  /**
   * Checks the whole backup and stages it; the host then restarts the core, which swaps it in
   * and keeps the replaced data aside. Nothing live is touched when a check fails.
   */
  async restore(
    input: { folder?: string; id: string; passphrase?: string },
    actorId: number,
  ): Promise<{ summary: BackupSummary; asideFolder: string; restarting: boolean }> {
    if (this.running) throw new AppError('BACKUP_BUSY');
    const folder = this.folderOf(input.folder);
    const key = await keyForSet(folder, input.id, this.keptKey(), input.passphrase);
    const { manifest, aside } = await stageRestore({
      dataDir: this.d.dataDir,
      folder,
      id: input.id,
      key,
      now: this.d.now(),
    });
    this.d.audit.record({
      actorId,
      action: 'backup.restoreStaged',
      entity: 'backup',
      entityId: input.id,
      detail: { folder, aside, counts: manifest.summary.counts },
    });
    const restart = this.d.requestRestart;
    // After the answer has gone out: the host closes this core and opens one on the restored data.
    if (restart) setTimeout(restart, 200).unref();
    return {
      summary: manifest.summary,
      asideFolder: join(this.d.dataDir, aside),
      restarting: restart !== null,
    };
  }

  private currentCounts(): BackupCounts {
    const n = (table: string) =>
      (this.d.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    return {
      visitors: n('visitor'),
      visits: n('visit'),
      cases: n('problem_case'),
      documents: n('attachment'),
      surveyResponses: n('survey_response'),
    };
  }
}
