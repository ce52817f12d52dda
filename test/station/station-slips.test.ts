import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { writeStationConfig } from '../../electron/station/station-config';
import { startStation } from '../../electron/station/station-host';
import { pairWithHub } from '../../electron/station/station-pairing';
import { decodeEscPos, printedText } from '../helpers/escpos-decode';
import { startFakePrinter } from '../helpers/fake-printer';
import { tempDir } from '../helpers/temp-core';
import { apiCalls, FakeHub, makeHubKey, type HubKey } from './fake-hub';

const TOKEN = 's'.repeat(32);
let key: HubKey;
const cleanups: (() => Promise<void>)[] = [];
beforeAll(async () => {
  key = await makeHubKey();
}, 60_000);
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const ok = (value: unknown) => ({ status: 200, body: { ok: true, value } });

describe("a reception station's own slip printer", () => {
  it('prints the slip the hub describes on the printer at the desk, and tells the hub it did', async () => {
    const printer = await startFakePrinter();
    cleanups.push(() => printer.close());
    const hub = await new FakeHub(key).start();
    cleanups.push(() => hub.stop());
    let printedCount = 0;
    hub.answer = (_w, method) => {
      if (method === 'auth.me') {
        return ok({
          id: 3,
          fullName: 'Rina',
          username: 'rina',
          roles: ['receptionist', 'admin'],
          active: true,
          lockedUntil: null,
        });
      }
      if (method === 'slip.get') {
        return ok({
          slip: {
            kind: 'queue',
            queueLabel: 'K-007',
            issuedAt: '2026-11-24T03:15:00.000Z',
            priority: 'disabilitas',
          },
          printedCount,
          lastPrintedAt: null,
        });
      }
      if (method === 'slip.recordPrinted') return ok({ printedCount: ++printedCount });
      return { status: 200, body: { ok: false, error: { code: 'UNKNOWN_METHOD', message: 'x' } } };
    };
    const dataDir = tempDir();
    writeStationConfig(
      dataDir,
      await pairWithHub(hub.address, key.fingerprint, 'ABCD2345', 'Resepsionis 1'),
    );
    const station = await startStation({ dataDir, rendererDir: dataDir, launchToken: TOKEN });
    cleanups.push(() => station.stop());
    const call = async (method: string, input: unknown) =>
      (await (
        await fetch(`${station.http.url}/api/staff/${method}`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${TOKEN}`,
            'content-type': 'application/json',
            'x-loket-session': 'sesi',
          },
          body: JSON.stringify({ input }),
        })
      ).json()) as { ok: boolean; value?: unknown; error?: { code: string } };

    expect(
      (await call('printer.save', { kind: 'thermal', address: printer.address, width: 58 })).ok,
    ).toBe(true);
    const job = printer.nextJob();
    const target = { kind: 'queue', visitId: 7 };
    expect(await call('slip.print', { target, reprint: false })).toEqual({
      ok: true,
      value: { printedCount: 1 },
    });
    const text = printedText(decodeEscPos(await job));
    expect(text).toContain('NOMOR ANTREAN K-007 Prioritas: Penyandang disabilitas');
    expect(text).toContain('Pukul 10.15 WIB');
    // The hub knows the slip and keeps the record; the printer and its setting stay here.
    const methods = apiCalls(hub).map((r) => r.path.split('/').pop());
    expect(methods).toContain('slip.recordPrinted');
    expect(methods).not.toContain('slip.print');
    expect(methods).not.toContain('printer.save');
    expect((await call('slip.print', { target, reprint: false })).error?.code).toBe(
      'SLIP_ALREADY_PRINTED',
    );
    expect(printer.jobs).toHaveLength(1);
  });
});
