import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/core/db/open-database';
import { HelpdeskConfig } from '../../../electron/core/settings/helpdesk-settings';
import { FileSecretStore } from '../../../electron/core/settings/secret-store';
import { RtConnector } from '../../../electron/core/sync/connectors/rt-connector';
import { JsonConnector } from '../../../electron/core/sync/connectors/json-connector';
import { tempDir } from '../../helpers/temp-core';

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
