import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/core/db/open-database';
import { HelpdeskConfig } from '../../../electron/core/settings/helpdesk-settings';
import { FileSecretStore } from '../../../electron/core/settings/secret-store';
import { RtConnector } from '../../../electron/core/sync/connectors/rt-connector';
import { JsonConnector } from '../../../electron/core/sync/connectors/json-connector';
import { createCore } from '../../../electron/core/core';
import { ADMIN, cleanup, startWithAdmin, tempDir } from '../../helpers/temp-core';

describe('the configured helpdesk connector', () => {
  it('stays the same object while nothing changes, so its login session is reused', () => {
    const dir = tempDir();
    const db = openDatabase(join(dir, 'loket.sqlite'));
    const config = new HelpdeskConfig(db, new FileSecretStore(join(dir, 'secret')));
    const rt = {
      kind: 'rt',
      url: 'http://127.0.0.1:9',
      queue: 'Loket Escalations',
      username: 'loket',
      lateAfterMinutes: 30,
    } as const;
    expect(config.connector()).toBeNull();

    config.save({ ...rt, secret: 'rahasia-1' });
    const first = config.connector();
    expect(first).toBeInstanceOf(RtConnector);
    expect(config.connector()).toBe(first);
    // Asked before every delivery, it reads the settings and the secret again only after a save.
    new FileSecretStore(join(dir, 'secret')).set('dari-luar');
    expect(config.connector()).toBe(first);
    config.save({ ...rt, lateAfterMinutes: 60, secret: 'rahasia-1' });
    expect(config.connector()).toBe(first);

    config.save({ ...rt, secret: 'rahasia-2' });
    const second = config.connector();
    expect(second).not.toBe(first);
    config.save({ ...rt, username: 'loket2' });
    expect(config.connector()).not.toBe(second);

    config.save({ kind: 'json', url: 'https://helpdesk.test', lateAfterMinutes: 30, secret: 't' });
    expect(config.connector()).toBeInstanceOf(JsonConnector);
    db.close();
  });
});

describe('the helpdesk address', () => {
  const rt = {
    kind: 'rt',
    queue: 'Loket Escalations',
    username: 'loket',
    secret: 'rahasia',
  } as const;

  it('must be https:// except on loopback: the bearer secret and personal data must not travel in clear', async () => {
    const t = await startWithAdmin();
    try {
      for (const url of [
        'http://helpdesk.lkpp.go.id/rt',
        'http://10.0.0.5:8080',
        'http://127.0.0.1.nip.io',
        'http://localhost.evil.test',
      ]) {
        const r = await t.call('helpdesk.saveSettings', { ...rt, url });
        expect(r.ok, url).toBe(false);
        if (!r.ok) expect(r.error.fields?.url, url).toBe('validation.urlHttps');
      }
      for (const url of [
        'https://helpdesk.lkpp.go.id/rt',
        'http://127.0.0.1:9',
        'http://127.8.9.10',
        'http://localhost:8080/rt',
        'http://[::1]:8080',
      ]) {
        const r = await t.call('helpdesk.saveSettings', { ...rt, url });
        expect(r.ok, url).toBe(true);
      }
    } finally {
      await cleanup(t);
    }
  });

  it('stored as http:// by an older Loket is not used: the worker reports a setup problem', async () => {
    const t = await startWithAdmin();
    try {
      await t.must('helpdesk.saveSettings', { ...rt, url: 'https://helpdesk.lkpp.go.id/rt' });
      t.core.db
        .prepare(
          "UPDATE app_setting SET value = 'http://helpdesk.lkpp.go.id/rt' WHERE key = 'helpdesk_url'",
        )
        .run();
      t.close();
      t.core = createCore({ dataDir: t.dataDir, now: t.clock.now, logError: () => {} });
      const login = await t.must('auth.login', { username: ADMIN.username, pin: ADMIN.pin });
      t.token = login.sessionToken;
      const status = await t.must('sync.status', {});
      expect(status.configured).toBe(false);
      expect(status.setupProblem).toBe('insecure_url');
      expect(await t.must('helpdesk.checkSetup', {})).toEqual({
        problems: [{ code: 'insecure_url' }],
      });
    } finally {
      await cleanup(t);
    }
  });
});
