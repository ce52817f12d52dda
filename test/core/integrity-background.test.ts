import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/core';
import { checkInBackground } from '../../electron/core/db/integrity-check';
import { currentNotice } from '../../shared/domain/privacy-notice';
import { damageLeafPageOf } from '../helpers/damage';
import { cleanup, startWithAdmin, testCoreOf, type TestCore } from '../helpers/temp-core';
import { until } from '../helpers/until';

let t: TestCore | undefined;
afterEach(async () => {
  await cleanup(t);
  t = undefined;
});

const visitor = (i: number) => ({
  fullName: `Pengunjung Uji ${i}`,
  phone: `0812${String(i).padStart(8, '0')}`,
  purpose: 'Konsultasi SPSE dengan keterangan yang cukup panjang untuk mengisi halaman basis data',
  noticeVersion: currentNotice().version,
  noticeDelivery: 'read_out' as const,
});

describe('the integrity check of a large database, after start-up', () => {
  it('starts at once on a damaged large file, then turns read-only when the check finds it', async () => {
    t = await startWithAdmin();
    for (let i = 0; i < 200; i++) await t.must('visit.checkIn', visitor(i));
    const dataDir = t.dataDir;
    t.close();
    const file = join(dataDir, 'loket.sqlite');
    // A page the start itself does not read (the audit trail), so only the check can find it.
    damageLeafPageOf(file, 'audit');

    // Every file counts as large here: the start does not read every page, it answers.
    const core = createCore({ dataDir, logError: () => {}, checkAtOpenMaxBytes: 0 });
    t = testCoreOf(core, dataDir);
    const { sessionToken } = await t.must('auth.login', { username: 'siti', pin: '135790' });
    t.token = sessionToken;
    await until(
      () => t!.must('storage.status', {}),
      (s) => s.damaged,
      { tries: 400 },
    );
    const refused = await t.call('visit.checkIn', visitor(999));
    expect(refused.ok ? 'OK' : refused.error.code).toBe('DB_DAMAGED');
    expect(core.db.pragma('query_only', { simple: true })).toBe(1);
  }, 40_000);

  it('finds nothing wrong with a sound file, read while the host writes', async () => {
    t = await startWithAdmin();
    for (let i = 0; i < 50; i++) await t.must('visit.checkIn', visitor(i));
    const check = checkInBackground(join(t.dataDir, 'loket.sqlite'));
    await t.must('visit.checkIn', visitor(51));
    expect(await check.result).toBe(true);
    expect((await t.must('storage.status', {})).damaged).toBe(false);
  }, 30_000);
});
