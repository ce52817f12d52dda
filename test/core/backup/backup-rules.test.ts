import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BACKUP_SETTING_SQL } from '../../../electron/core/backup/backup-settings';
import { openDatabase } from '../../../electron/core/db/open-database';
import { tempDir } from '../../helpers/temp-core';
import { backupsToKeep } from '../../../electron/core/backup/keep-set';
import { isBackupDue } from '../../../electron/core/backup/backup-schedule';
import { linuxVerdict, diskEncryptionOf } from '../../../electron/core/backup/disk-encryption';
import { createdAtOfSet, newSetId } from '../../../electron/core/backup/backup-folder';

/** One backup a day at 17:30 WIB (10:30 UTC) for `days` days ending 2026-12-02, plus extras. */
function daily(days: number): { id: string; createdAt: string }[] {
  const out = [];
  for (let i = 0; i < days; i++) {
    const at = new Date(Date.UTC(2026, 11, 2 - i, 10, 30));
    out.push({ id: `d${i}`, createdAt: at.toISOString() });
  }
  return out;
}

describe('the keep rule', () => {
  it('keeps the newest of each of the last 7 days and of each of the last 4 weeks, nothing else', () => {
    const sets = [...daily(60), { id: 'morning', createdAt: '2026-12-02T02:00:00.000Z' }];
    const kept = backupsToKeep(sets, { daily: 7, weekly: 4 });
    // 2026-12-02 is a Wednesday: days d0..d6; weeks end on Sundays d3, d10, d17 (and d0's week).
    expect([...kept].sort()).toEqual(['d0', 'd1', 'd10', 'd17', 'd2', 'd3', 'd4', 'd5', 'd6']);
    expect(kept.has('morning')).toBe(false);
  });

  it('always keeps the newest, even with nothing asked', () => {
    expect([...backupsToKeep(daily(3), { daily: 0, weekly: 0 })]).toEqual(['d0']);
  });
});

describe('the daily schedule', () => {
  const at = (iso: string) => new Date(iso);
  it('is due once the WIB time has passed and nothing succeeded since, retrying a failure hourly', () => {
    const base = { dailyAt: '17:30', lastSuccessAt: '2026-12-01T10:31:00Z', lastAttemptAt: null };
    expect(isBackupDue({ ...base, now: at('2026-12-02T10:29:00Z') })).toBe(false);
    expect(isBackupDue({ ...base, now: at('2026-12-02T10:29:00Z'), lastSuccessAt: null })).toBe(
      true,
    );
    expect(isBackupDue({ ...base, now: at('2026-12-02T10:30:00Z') })).toBe(true);
    expect(
      isBackupDue({
        ...base,
        now: at('2026-12-02T11:00:00Z'),
        lastSuccessAt: '2026-12-02T10:30:05Z',
      }),
    ).toBe(false);
    const failed = { ...base, lastAttemptAt: '2026-12-02T10:30:00Z' };
    expect(isBackupDue({ ...failed, now: at('2026-12-02T11:00:00Z') })).toBe(false);
    expect(isBackupDue({ ...failed, now: at('2026-12-02T11:31:00Z') })).toBe(true);
    // A PC switched off at 17:30 backs up the next morning as soon as Loket opens.
    expect(isBackupDue({ ...base, now: at('2026-12-03T01:00:00Z') })).toBe(true);
  });
});

describe('disk encryption of the data folder', () => {
  it('reads a LUKS layer under the mount from lsblk, and says unknown where it cannot tell', async () => {
    expect(linuxVerdict('/dev/mapper/luks-1', 'crypt luks-1\npart nvme0n1p3\ndisk nvme0n1\n')).toBe(
      'encrypted',
    );
    expect(linuxVerdict('/dev/sda2', 'part sda2\ndisk sda\n')).toBe('not_encrypted');
    expect(linuxVerdict('tmpfs', '')).toBe('unknown');
    const run = async (cmd: string) =>
      cmd === 'findmnt' ? '/dev/mapper/root[/home]\n' : 'crypt root\npart sda3\n';
    expect(await diskEncryptionOf('/home/x', 'linux', run)).toBe('encrypted');
    expect(await diskEncryptionOf('C:\\Loket', 'win32', run)).toBe('unknown');
    const fails = async () => {
      throw new Error('lsblk: not found');
    };
    expect(await diskEncryptionOf('/home/x', 'linux', fails)).toBe('unknown');
  });
});

describe('backup set names', () => {
  it('carry their time, so old sets are kept or dropped without their passphrase', () => {
    const id = newSetId(new Date('2026-12-02T10:30:05.123Z'));
    expect(createdAtOfSet(id)).toBe('2026-12-02T10:30:05Z');
  });
});

describe("the staff screens' backup warning", () => {
  it('reads its settings and state on each poll by the primary key, never a scan', () => {
    const db = openDatabase(join(tempDir(), 'plans.sqlite'));
    try {
      const plan = (
        db.prepare(`EXPLAIN QUERY PLAN ${BACKUP_SETTING_SQL}`).all('backup_state') as {
          detail: string;
        }[]
      )
        .map((p) => p.detail)
        .join('\n');
      expect(plan).toMatch(
        /SEARCH app_setting USING INDEX sqlite_autoindex_app_setting_1 \(key=\?\)/,
      );
    } finally {
      db.close();
    }
  });
});
