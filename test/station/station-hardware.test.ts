import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { writeStationConfig } from '../../electron/station/station-config';
import { startStation } from '../../electron/station/station-host';
import { pairWithHub } from '../../electron/station/station-pairing';
import { tempDir } from '../helpers/temp-core';
import { until } from '../helpers/until';
import { apiCalls, FakeHub, makeHubKey, type HubKey } from './fake-hub';

const TOKEN = 'h'.repeat(32);
let key: HubKey;
const cleanups: (() => Promise<void>)[] = [];
beforeAll(async () => {
  key = await makeHubKey();
}, 60_000);
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe("a consultation station's scan-to folder", () => {
  it('offers its own files and attaches one through the hub staging, checked there', async () => {
    const hub = await new FakeHub(key).start();
    cleanups.push(() => hub.stop());
    hub.answer = (_w, method, input) => {
      if (method === 'auth.me') {
        return {
          status: 200,
          body: {
            ok: true,
            value: {
              id: 5,
              fullName: 'Budi',
              username: 'budi',
              roles: ['officer'],
              active: true,
              lockedUntil: null,
            },
          },
        };
      }
      if (method === 'case.attachUpload') {
        return { status: 200, body: { ok: false, error: { code: 'CASE_CLOSED', message: 'x' } } };
      }
      return { status: 200, body: { ok: true, value: { echo: input } } };
    };
    const dataDir = tempDir();
    const scanFolder = tempDir();
    writeStationConfig(
      dataDir,
      await pairWithHub(hub.address, key.fingerprint, 'ABCD2345', 'Meja 2'),
    );
    const station = await startStation({
      dataDir,
      rendererDir: dataDir,
      launchToken: TOKEN,
      scanFolder,
      scanFolderStableMs: 100,
    });
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

    writeFileSync(join(scanFolder, 'ktp.pdf'), '%PDF-1.4 isi berkas uji\n%%EOF\n');
    const offers = await until(
      () => call('folder.offers', {}),
      (r) => Array.isArray(r.value) && r.value.length === 1,
    );
    const [offer] = offers.value as { id: string; name: string }[];
    expect(offer!.name).toBe('ktp.pdf');

    // The hub refuses (its case is closed): its refusal stands and the offer stays for another try.
    const attached = await call('folder.attach', { offerId: offer!.id, caseId: 9, kind: 'other' });
    expect(attached.error?.code).toBe('CASE_CLOSED');
    const upload = hub.seen.find((r) => r.path === '/lan/upload');
    expect(upload?.body).toBe('%PDF-1.4 isi berkas uji\n%%EOF\n');
    expect(upload?.headers['x-loket-session']).toBe('sesi');
    const attach = apiCalls(hub).find((r) => r.path.endsWith('/case.attachUpload'));
    expect(JSON.parse(attach!.body)).toEqual({
      input: {
        caseId: 9,
        kind: 'other',
        source: 'folder',
        originalName: 'ktp.pdf',
        uploadId: 'f'.repeat(32),
      },
    });
    expect(((await call('folder.offers', {})).value as unknown[]).length).toBe(1);
  });
});
