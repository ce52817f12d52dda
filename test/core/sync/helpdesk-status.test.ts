import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SessionStore } from '../../../electron/core/auth/sessions';
import { createDispatcher, type Handlers } from '../../../electron/core/api/dispatcher';
import { openDatabase } from '../../../electron/core/db/open-database';
import { MIGRATIONS } from '../../../electron/core/db/migrations';
import { FileSecretStore } from '../../../electron/core/settings/secret-store';
import { ConnectorError } from '../../../electron/core/sync/connectors/helpdesk-connector';
import { REQUEUE_SETUP_SQL, WAITING_SQL } from '../../../electron/core/sync/outbox-store';
import { translate } from '../../../shared/i18n/messages';
import { escalateCase } from '../../helpers/escalate';
import { cleanup, startWithAdmin, tempDir, type TestCore } from '../../helpers/temp-core';

let t: TestCore | undefined;
afterEach(() => {
  cleanup(t);
  t = undefined;
});

/** The private-file store, counting its reads (in the desktop app each is a keychain decrypt). */
class CountingSecretStore extends FileSecretStore {
  reads = 0;
  override get(): string | null {
    this.reads++;
    return super.get();
  }
}

describe('what staff are told about delivery to the helpdesk', () => {
  it('reads the helpdesk secret only after a save, not on every banner poll', async () => {
    const dir = tempDir();
    const secrets = new CountingSecretStore(join(dir, 'secrets', 'helpdesk'));
    const core = (t = await startWithAdmin({ dataDir: dir, secretStore: secrets }));
    await core.must('helpdesk.saveSettings', {
      kind: 'json',
      url: 'https://127.0.0.1:1/v1',
      secret: 'rahasia',
    });
    await core.must('sync.status', {});
    const before = secrets.reads;
    for (let i = 0; i < 5; i++) await core.must('sync.status', {});
    expect(secrets.reads).toBe(before);
    expect(await core.must('helpdesk.getSettings', {})).toMatchObject({ hasSecret: true });
    expect(secrets.reads).toBe(before);
  });

  it('counts the cases that cannot be sent while no helpdesk is set up', async () => {
    const core = (t = await startWithAdmin());
    await escalateCase(core, { fullName: 'Budi' });
    await escalateCase(core, { fullName: 'Ani', phone: '081311112222' });
    expect(await core.must('sync.status', {})).toMatchObject({
      configured: false,
      waitingCount: 2,
      parkedForSetup: 0,
    });
  });

  it('answers a helpdesk failure leaking from a handler with its own code and reason, not INTERNAL', async () => {
    const logged: unknown[] = [];
    const dispatch = createDispatcher(
      {
        'setup.status': () => {
          throw new ConnectorError('timeout', 'GET /health: no answer within 30000 ms');
        },
      } as unknown as Handlers,
      new SessionStore(
        { idleMs: 60_000, maxMs: 60_000, endAtServiceDayEnd: false },
        () => new Date(),
      ),
      (err) => logged.push(err),
    );
    const r = await dispatch('setup.status', {}, { window: 'staff', locale: 'id' });
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'HELPDESK_UNREACHABLE',
        message: translate('id', 'errors.HELPDESK_UNREACHABLE'),
      },
    });
    expect(r.ok ? '' : r.error.message).toContain('Helpdesk tidak dapat dihubungi');
    expect(logged).toEqual([]);
  });
});

describe('migration 10: the waiting outbox by state', () => {
  const db = openDatabase(join(tempDir(), 'm11.sqlite'), MIGRATIONS);
  const plan = (sql: string, ...args: unknown[]) =>
    (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[]).map(
      (p) => p.detail,
    );

  it('counts what waits for the banner from the index, never walking delivered entries', () => {
    const steps = plan(WAITING_SQL);
    expect(steps.join('\n')).toContain('outbox_waiting');
    expect(steps.filter((d) => d.startsWith('SCAN'))).toEqual([]);
  });

  it('finds the entries parked for the setup from the index too', () => {
    const steps = plan(REQUEUE_SETUP_SQL, 'x', 'x');
    expect(steps.join('\n')).toContain('outbox_waiting');
    expect(steps.filter((d) => d.startsWith('SCAN'))).toEqual([]);
  });

  it('keeps a poll error on the link', () => {
    const columns = db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('backend_link');
    expect(columns).toEqual(expect.arrayContaining(['poll_error', 'poll_error_at']));
  });
});
