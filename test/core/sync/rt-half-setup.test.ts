import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RT_FIELDS } from '../../../electron/core/sync/connectors/rt-connector';
import { startRt, type RtInstance } from '../../helpers/rt/rt-instance';
import { rtAdmin } from '../../helpers/rt/rt-setup';
import { escalateCase } from '../../helpers/escalate';
import { cleanup, startWithAdmin, type TestCore } from '../../helpers/temp-core';
import { until } from '../../helpers/until';

let rt: RtInstance;
let t: TestCore | undefined;
const QUEUE = 'Loket Setengah Jadi';

beforeAll(async () => {
  rt = await startRt();
}, 90_000);

afterAll(async () => {
  cleanup(t);
  await rt?.stop();
}, 30_000);

describe('a Request Tracker set up halfway', () => {
  it('parks a case for the missing custom fields, and sends it once the completed setup passes its check', async () => {
    const admin = rtAdmin(rt);
    const queue = await admin.call('POST', '/queue', { Name: QUEUE });
    expect(queue.status).toBe(201);
    const core = (t = await startWithAdmin());
    await core.must('helpdesk.saveSettings', {
      kind: 'rt',
      url: rt.baseUrl,
      queue: QUEUE,
      username: rt.username,
      secret: rt.password,
    });
    const { caseCode } = await escalateCase(core, { fullName: 'Budi' });
    const [parked] = await until(
      () => core.must('outbox.list', {}),
      (l) => l[0]?.state === 'failed',
      { tries: 200 },
    );
    expect(parked).toMatchObject({ caseCode, lastErrorKind: 'setup' });
    expect(await core.must('sync.status', {})).toMatchObject({ parkedForSetup: 1 });
    expect((await core.must('helpdesk.checkSetup', {})).problems).toContainEqual({
      code: 'field_missing',
      name: RT_FIELDS.caseId,
    });
    expect((await core.must('outbox.list', {}))[0]?.state).toBe('failed');

    // The RT administrator creates the fields; "Periksa pengaturan" passes and sends the case.
    for (const name of Object.values(RT_FIELDS)) {
      const cf = await admin.call('POST', '/customfield', {
        Name: name,
        Type: 'Freeform',
        MaxValues: 1,
        LookupType: 'RT::Queue-RT::Ticket',
        Queue: Number(queue.json.id),
      });
      expect(cf.status).toBe(201);
    }
    expect(await core.must('helpdesk.checkSetup', {})).toEqual({ problems: [] });
    const [delivered] = await until(
      () => core.must('outbox.list', {}),
      (l) => l[0]?.state === 'delivered',
      { tries: 200 },
    );
    expect(delivered).toMatchObject({ caseCode, lastErrorKind: null });
    const [item] = await core.must('followup.list', {});
    const ticket = await admin.call('GET', `/ticket/${item!.ticketId}`);
    const fields = ticket.json.CustomFields as { name: string; values: string[] }[];
    expect(fields.find((f) => f.name === RT_FIELDS.caseId)?.values).toEqual([caseCode]);
    expect(
      core.core.db
        .prepare("SELECT actor_id, entity_id FROM audit WHERE action = 'outbox.requeuedAfterSetup'")
        .all(),
    ).toEqual([{ actor_id: 1, entity_id: String(parked!.id) }]);
    expect(await core.must('sync.status', {})).toMatchObject({
      parkedForSetup: 0,
      waitingCount: 0,
    });
  }, 90_000);
});
