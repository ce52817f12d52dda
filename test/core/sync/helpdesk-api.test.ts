import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRt, type RtInstance } from '../../helpers/rt/rt-instance';
import { rtAdmin } from '../../helpers/rt/rt-setup';
import { escalateCase } from '../../helpers/escalate';
import { cleanup, startWithAdmin, type TestCore } from '../../helpers/temp-core';
import { until } from '../../helpers/until';

let rt: RtInstance;
let t: TestCore | undefined;

beforeAll(async () => {
  rt = await startRt();
  await rtAdmin(rt).setup();
}, 90_000);

afterAll(async () => {
  cleanup(t);
  await rt?.stop();
}, 30_000);

async function escalate(core: TestCore): Promise<string> {
  return (await escalateCase(core, { fullName: 'Budi' })).caseCode;
}

describe('configuring the backend helpdesk and watching the outbox', () => {
  it('keeps the secret in a private file, checks the setup, and delivers in the background', async () => {
    const core = (t = await startWithAdmin());
    const code = await escalate(core);
    expect(await core.must('sync.status', {})).toMatchObject({
      configured: false,
      oldestWaitingSince: expect.any(String),
    });
    expect(await core.must('helpdesk.checkSetup', {})).toEqual({
      problems: [{ code: 'not_configured' }],
    });

    const bad = await core.call('helpdesk.saveSettings', {
      kind: 'rt',
      url: 'javascript:alert(1)',
      queue: 'q',
      username: 'u',
    });
    expect(bad.ok ? null : bad.error.fields).toEqual({ url: 'validation.url' });

    await core.must('helpdesk.saveSettings', {
      kind: 'rt',
      url: rt.baseUrl,
      queue: 'Loket Escalations',
      username: rt.username,
      secret: 'wrong',
    });
    expect(statSync(join(core.dataDir, 'secrets', 'helpdesk')).mode & 0o777).toBe(0o600);
    expect(JSON.stringify(core.core.db.prepare('SELECT * FROM audit').all())).not.toContain(
      'wrong',
    );
    expect(await core.must('helpdesk.checkSetup', {})).toEqual({
      problems: [{ code: 'credentials' }],
    });

    core.core.startSync(50);
    const blocked = await until(
      () => core.must('sync.status', {}),
      (s) => s.blockedByCredentials,
    );
    expect(blocked).toMatchObject({ configured: true, lastErrorKind: 'auth' });
    const [waiting] = await core.must('outbox.list', {});
    expect(waiting).toMatchObject({
      caseCode: code,
      state: 'queued',
      attempts: 0,
      lastErrorKind: 'auth',
    });

    const settings = await core.must('helpdesk.saveSettings', {
      kind: 'rt',
      url: rt.baseUrl,
      queue: 'Loket Escalations',
      username: rt.username,
      secret: rt.password,
    });
    expect(settings).toEqual({
      kind: 'rt',
      url: rt.baseUrl,
      queue: 'Loket Escalations',
      username: rt.username,
      hasSecret: true,
      lateAfterMinutes: 30,
    });
    expect(await core.must('helpdesk.checkSetup', {})).toEqual({ problems: [] });
    const [delivered] = await until(
      () => core.must('outbox.list', {}),
      (l) => l[0]?.state === 'delivered',
    );
    expect(delivered).toMatchObject({ caseCode: code, state: 'delivered', lastErrorKind: null });
    expect(await core.must('sync.status', {})).toMatchObject({
      blockedByCredentials: false,
      oldestWaitingSince: null,
    });
  }, 60_000);
});
