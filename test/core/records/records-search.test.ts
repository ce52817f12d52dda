import { afterEach, describe, expect, it } from 'vitest';
import { currentNotice } from '../../../shared/domain/privacy-notice';
import { BackendLinks } from '../../../electron/core/sync/backend-links';
import { escalateCase } from '../../helpers/escalate';
import { cleanup, startWithAdmin, type TestCore } from '../../helpers/temp-core';

let t: TestCore | undefined;
afterEach(() => cleanup(t));

const DAY = 24 * 3600_000;

async function loginAs(core: TestCore, username: string, roles: ('officer' | 'receptionist')[]) {
  await core.must('staff.create', {
    fullName: `Petugas ${username}`,
    username,
    pin: '975310',
    roles,
  });
  return (await core.must('auth.login', { username, pin: '975310' })).sessionToken;
}

/** Two served visitors on two days: Budi's case escalated with ticket #4711, Dewi's solved. */
async function twoCases(core: TestCore) {
  const budi = await escalateCase(core, {
    fullName: 'Budi Santoso',
    phone: '0812-3456-7890',
    email: 'budi.santoso@contoh.id',
  });
  new BackendLinks(core.core.db).link(
    budi.caseId,
    {
      id: '4711',
      phase: 'in_progress',
      status: 'open',
      pauseReason: null,
      updatedAt: null,
      url: null,
    },
    core.clock.now().toISOString(),
  );
  core.clock.advance(DAY);
  const { visitId } = await core.must('visit.checkIn', {
    fullName: 'Dewi Lestari',
    phone: '0857-1111-2222',
    email: 'dewi@instansi.go.id',
    institution: 'Dinas PUPR Kota Bogor',
    purpose: 'Konsultasi',
    noticeDelivery: 'read_out' as const,
    noticeVersion: currentNotice().version,
  });
  await core.must('queue.callNext', {});
  await core.must('queue.start', { visitId });
  const dewi = await core.must('case.create', { visitId });
  await core.must('case.solve', {
    caseId: dewi.caseId,
    solution: 'Akun dibuka kembali',
    form: {
      application: 'spse',
      category: 'akun_login',
      ticketType: 'permasalahan',
      description: 'Akun terkunci',
    },
  });
  return { budi, dewi };
}

const codes = (r: { visits: { cases: { caseCode: string }[] }[] }) =>
  r.visits.flatMap((v) => v.cases.map((c) => c.caseCode));
const names = (r: { visits: { fullName: string }[] }) => r.visits.map((v) => v.fullName);

describe('records search', () => {
  it('finds a past visit and its case by each detail the visitor may remember', async () => {
    const core = (t = await startWithAdmin());
    const { budi, dewi } = await twoCases(core);
    const find = (query: string, period: { from?: string; to?: string } = {}) =>
      core.must('records.search', { query, ...period });

    expect(codes(await find(budi.caseCode))).toEqual([budi.caseCode]);
    expect(codes(await find(dewi.caseCode.toLowerCase()))).toEqual([dewi.caseCode]);
    // The day's prefix of a case number finds that day's cases.
    expect(codes(await find(dewi.caseCode.slice(0, -3)))).toEqual([dewi.caseCode]);
    const byTicket = await find('#4711');
    expect([byTicket.readAs, codes(byTicket)]).toEqual(['ticket', [budi.caseCode]]);
    expect(codes(await find('4711'))).toEqual([budi.caseCode]);
    expect(names(await find('budi santoso'))).toEqual(['Budi Santoso']);
    expect(names(await find('lestari'))).toEqual(['Dewi Lestari']);
    expect(names(await find('0857 1111 2222'))).toEqual(['Dewi Lestari']);
    expect(names(await find('+62 812-3456'))).toEqual(['Budi Santoso']);
    expect(names(await find('7890'))).toEqual(['Budi Santoso']);
    expect(names(await find('budi.santoso@contoh.id'))).toEqual(['Budi Santoso']);
    expect(names(await find('dinas pupr'))).toEqual(['Dewi Lestari']);
    // A period alone lists its visits, newest first; a period narrows a search.
    expect(names(await find('', { from: '2026-11-24', to: '2026-11-25' }))).toEqual([
      'Dewi Lestari',
      'Budi Santoso',
    ]);
    expect(names(await find('', { from: '2026-11-25' }))).toEqual(['Dewi Lestari']);
    expect(names(await find('budi', { from: '2026-11-25' }))).toEqual([]);
    expect(names(await find(budi.caseCode, { to: '2026-11-23' }))).toEqual([]);
    // Contact details leave masked, as in reception's suggestions.
    const [row] = (await find('lestari')).visits;
    expect(row!.phoneMasked).toMatch(/^0857•+222$/);
    expect(row!.emailMasked).toBe('d•••@i•••.id');
  });

  it("shows an officer their own cases and open ones, never another officer's finished case", async () => {
    const core = (t = await startWithAdmin());
    const { budi, dewi } = await twoCases(core);
    const other = await loginAs(core, 'rina', ['officer']);
    const search = (query: string) =>
      core.callRaw('records.search', { query }, other) as Promise<{
        ok: boolean;
        value: { visits: { fullName: string; cases: { caseCode: string }[] }[] };
      }>;
    // Dewi's case was solved by the administrator: not Rina's, not open.
    for (const q of [dewi.caseCode, 'lestari', '0857 1111 2222', 'dinas pupr']) {
      expect((await search(q)).value.visits).toEqual([]);
    }
    expect(names((await search('')).value)).toEqual(['Budi Santoso']);
    // Budi's case is still with the helpdesk: any officer may take the confirmation call.
    expect(codes((await search('budi')).value)).toEqual([budi.caseCode]);
    const closed = await core.callRaw('records.case', { caseId: dewi.caseId }, other);
    expect(closed.ok || closed.error.code).toBe('NOT_FOUND');
    const open = await core.callRaw('records.case', { caseId: budi.caseId }, other);
    expect(open.ok).toBe(true);
    // The supervisor (the administrator here has every role) sees both.
    expect(codes(await core.must('records.search', { query: '' }))).toEqual([
      dewi.caseCode,
      budi.caseCode,
    ]);
  });

  it('shows reception every visit with its case numbers, but no case content', async () => {
    const core = (t = await startWithAdmin());
    const { dewi } = await twoCases(core);
    const desk = await loginAs(core, 'ani', ['receptionist']);
    const r = (await core.callRaw('records.search', { query: 'lestari' }, desk)) as {
      ok: true;
      value: { visits: { cases: { caseCode: string; canOpen: boolean }[] }[] };
    };
    expect(r.value.visits[0]!.cases).toEqual([
      expect.objectContaining({ caseCode: dewi.caseCode, canOpen: false }),
    ]);
    const opened = await core.callRaw('records.case', { caseId: dewi.caseId }, desk);
    expect(opened.ok || opened.error.code).toBe('FORBIDDEN');
  });

  it('refuses a period that ends before it starts, with a message', async () => {
    const core = (t = await startWithAdmin());
    const r = await core.call('records.search', {
      query: '',
      from: '2026-11-25',
      to: '2026-11-01',
    });
    expect(r.ok || r.error.fields).toEqual({ to: 'validation.periodOrder' });
  });
});
