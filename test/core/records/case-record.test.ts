import { afterEach, describe, expect, it } from 'vitest';
import { escalateCase } from '../../helpers/escalate';
import { ReferenceHelpdesk } from '../../helpers/json-helpdesk/reference-backend';
import { cleanup, startWithAdmin, type TestCore } from '../../helpers/temp-core';
import { until } from '../../helpers/until';

let t: TestCore | undefined;
let backend: ReferenceHelpdesk | undefined;
afterEach(async () => {
  await cleanup(t);
  await backend?.stop();
  t = backend = undefined;
});

const MIN = 60_000;

describe("a case's whole record", () => {
  it('shows every event from check-in to confirmation in order, and stays under "Selesai"', async () => {
    const core = (t = await startWithAdmin());
    const helpdesk = (backend = new ReferenceHelpdesk());
    await helpdesk.start();
    await core.must('helpdesk.saveSettings', {
      kind: 'json',
      url: helpdesk.baseUrl,
      secret: helpdesk.token,
    });
    const { caseId, caseCode } = await escalateCase(core, {
      documents: [{ name: 'tangkapan-layar.png', bytes: PNG }],
      beforeEscalating: async (id) => {
        core.clock.advance(MIN);
        await core.must('case.addNote', { caseId: id, text: 'Sudah dicoba reset kata sandi' });
      },
    });
    const [item] = await until(
      () => core.must('followup.list', {}),
      (l) => l[0]?.ticketId !== null,
    );
    core.clock.advance(10 * MIN);
    await core.must('case.pause', { caseId, reason: 'user' });
    core.clock.advance(10 * MIN);
    await core.must('case.resume', { caseId });
    core.clock.advance(10 * MIN);
    helpdesk.setStatus(item!.ticketId!, 'paused', 'infrastructure');
    await core.must('followup.refresh', {});
    core.clock.advance(60 * MIN);
    helpdesk.setStatus(item!.ticketId!, 'resolved');
    await core.must('followup.refresh', {});
    core.clock.advance(30 * MIN);
    await core.must('case.confirm', {
      caseId,
      channel: 'phone',
      confirmedAt: core.clock.now().toISOString(),
      outcome: 'accepted',
    });

    const record = await core.must('records.case', { caseId });
    expect(record.view).toMatchObject({ caseCode, status: 'closed' });
    expect(record.ticket).toMatchObject({ id: item!.ticketId, phase: 'resolved' });
    expect(record.view.notes.map((n) => n.text)).toEqual(['Sudah dicoba reset kata sandi']);
    expect(record.view.attachments.map((a) => a.originalName)).toEqual(['tangkapan-layar.png']);
    expect(record.confirmations).toEqual([
      expect.objectContaining({
        channel: 'phone',
        outcome: 'accepted',
        officerName: 'Siti Rahayu',
      }),
    ]);
    expect(record.timeline.map((e) => e.kind)).toEqual([
      'checked_in',
      'called',
      'started',
      'case_created',
      'document_added',
      'note_added',
      'escalated',
      'delivered',
      'paused',
      'resumed',
      'backend_paused',
      'backend_resumed',
      'backend_resolved',
      'confirmed',
    ]);
    const times = record.timeline.map((e) => e.at);
    expect([...times].sort()).toEqual(times);
    const line = (kind: string) => record.timeline.find((e) => e.kind === kind);
    expect(line('note_added')).toMatchObject({
      actorName: 'Siti Rahayu',
      detail: 'Sudah dicoba reset kata sandi',
    });
    expect(line('document_added')?.detail).toBe('tangkapan-layar.png');
    expect(line('paused')?.detail).toBe('user');
    expect(line('backend_paused')).toMatchObject({ actorName: null, detail: 'infrastructure' });
    expect(line('delivered')?.detail).toBe(item!.ticketId);

    // Closed: gone from the open list, kept under "Selesai" with its 1x24 figure.
    expect(await core.must('followup.list', {})).toEqual([]);
    const closed = await core.must('followup.closed', {});
    expect(closed.items).toEqual([
      expect.objectContaining({
        caseCode,
        ticketId: item!.ticketId,
        // Escalated to resolved: 10 + 10 + 10 + 60 minutes, less 10 (officer) and 60 (helpdesk).
        netMs: 20 * MIN,
        overdue: false,
      }),
    ]);
    expect(closed.next).toBeNull();
    // And the records search still finds it by its ticket number.
    const found = await core.must('records.search', { query: `#${item!.ticketId}` });
    expect(found.visits[0]?.cases[0]).toMatchObject({ caseCode, status: 'closed', canOpen: true });
  }, 60_000);
});

/** A 1x1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64',
);
