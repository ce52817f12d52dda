import { existsSync, statSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { contractId, LAN_HEADERS } from '../../shared/api/lan-protocol';
import type { PushEvent } from '../../shared/api/push-events';
import { AppError } from '../../electron/core/errors';
import { stationConfigPath, writeStationConfig } from '../../electron/station/station-config';
import { startStation, type Station } from '../../electron/station/station-host';
import { inspectHub, pairWithHub } from '../../electron/station/station-pairing';
import { tempDir } from '../helpers/temp-core';
import { until } from '../helpers/until';
import { apiCalls, FakeHub, makeHubKey, type HubKey } from './fake-hub';

const TOKEN = 't'.repeat(32);
let hubKey: HubKey;
let otherKey: HubKey;
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  [hubKey, otherKey] = await Promise.all([makeHubKey(), makeHubKey()]);
}, 60_000);

afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function hub(key = hubKey, port = 0): Promise<FakeHub> {
  const h = await new FakeHub(key).start(port);
  cleanups.push(() => h.stop());
  return h;
}

async function pairedStation(h: FakeHub, events = { minBackoffMs: 50, maxBackoffMs: 200 }) {
  const dataDir = tempDir();
  const config = await pairWithHub(h.address, hubKey.fingerprint, 'abcd-2345', 'Meja 3');
  writeStationConfig(dataDir, config);
  const station = await startStation({ dataDir, rendererDir: dataDir, launchToken: TOKEN, events });
  cleanups.push(() => station.stop());
  const heard: PushEvent[] = [];
  station.subscribe((e) => heard.push(e));
  return { station, heard, dataDir };
}

async function call(station: Station, method: string, input: unknown, window = 'staff') {
  const res = await fetch(`${station.http.url}/api/${window}/${method}`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${TOKEN}`,
      'content-type': 'application/json',
      'x-loket-session': 'sesi-petugas',
      'x-loket-locale': 'id',
    },
    body: JSON.stringify({ input }),
  });
  return (await res.json()) as {
    ok: boolean;
    value?: unknown;
    error?: { code: string; message: string };
  };
}

describe('pairing with a hub over TLS', () => {
  it('shows the certificate the hub presents, before anything is trusted', async () => {
    const h = await hub();
    const seen = await inspectHub(h.address);
    expect(seen.fingerprint).toBe(hubKey.fingerprint);
    expect(seen.hello.hubName).toBe('Hub PTSP Uji');
  });

  it('sends the pairing code only to the certificate the user confirmed', async () => {
    const h = await hub(otherKey);
    const err = await pairWithHub(h.address, hubKey.fingerprint, 'ABCD2345', 'Meja 3').catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('HUB_CERT_MISMATCH');
    expect(h.seen.filter((r) => r.path === '/lan/pair')).toHaveLength(0);
  });

  it('keeps the pairing in a file only this user can read', async () => {
    const h = await hub();
    const { dataDir, station } = await pairedStation(h);
    expect(statSync(stationConfigPath(dataDir)).mode & 0o777).toBe(0o600);
    expect(station.config).toMatchObject({ stationId: 7, kind: 'consultation', name: 'Meja 3' });
    const pair = h.seen.find((r) => r.path === '/lan/pair');
    expect(JSON.parse(pair!.body)).toMatchObject({ code: 'ABCD2345', contractId: contractId() });
  });

  it('passes on the hub refusing a wrong code', async () => {
    const h = await hub();
    const err = await pairWithHub(h.address, hubKey.fingerprint, 'ZZZZ2345', 'Meja 3').catch(
      (e: unknown) => e,
    );
    expect((err as AppError).code).toBe('PAIRING_CODE_INVALID');
  });
});

describe('a station forwarding to its hub', () => {
  it('forwards a call with the credential, contract, session and locale', async () => {
    const h = await hub();
    const { station } = await pairedStation(h);
    const result = await call(station, 'visit.checkIn', { fullName: 'Siti' });
    expect(result).toEqual({ ok: true, value: { echo: { fullName: 'Siti' } } });
    const [sent] = apiCalls(h);
    expect(sent!.path).toBe('/lan/api/staff/visit.checkIn');
    expect(sent!.headers.authorization).toBe(`Bearer ${h.credential}`);
    expect(sent!.headers[LAN_HEADERS.contract]).toBe(contractId());
    expect(sent!.headers[LAN_HEADERS.session]).toBe('sesi-petugas');
    expect(sent!.headers[LAN_HEADERS.locale]).toBe('id');
  });

  it('answers its own status locally, without asking the hub', async () => {
    const h = await hub();
    const { station } = await pairedStation(h);
    const status = await call(station, 'station.status', {});
    expect(status.value).toMatchObject({
      mode: 'station',
      hubName: 'Hub PTSP Uji',
      kind: 'consultation',
    });
    expect(apiCalls(h)).toHaveLength(0);
  });

  it('refuses a hub with another key on the pinned address, sending it nothing', async () => {
    const h = await hub();
    const { station } = await pairedStation(h);
    const port = h.port;
    await h.stop();
    const impostor = await hub(otherKey, port);
    const result = await call(station, 'visit.checkIn', { fullName: 'Siti' });
    expect(result.error?.code).toBe('HUB_CERT_MISMATCH');
    expect(station.link.current()).toMatchObject({ state: 'refused', code: 'HUB_CERT_MISMATCH' });
    expect(impostor.seen).toHaveLength(0);
  });

  it('says the hub is unreachable since when, then reconnects and resyncs the screens', async () => {
    const h = await hub();
    const { station, heard } = await pairedStation(h);
    await until(
      async () => h.streams.size,
      (n) => n === 1,
    );
    const port = h.port;
    await h.stop();
    const result = await call(station, 'visit.checkIn', { fullName: 'Siti' });
    expect(result.error?.code).toBe('HUB_UNREACHABLE');
    const away = station.link.current();
    expect(away.state).toBe('unreachable');
    expect(heard).toContainEqual({ type: 'hub', state: 'unreachable', since: away.since });
    // A second failure does not move "sejak": the banner says when the hub went away.
    await call(station, 'visit.checkIn', { fullName: 'Siti' });
    expect(station.link.current().since).toBe(away.since);

    const back = await hub(hubKey, port);
    await until(
      async () => back.streams.size,
      (n) => n === 1,
      { tries: 200 },
    );
    await until(
      async () => heard,
      (e) => e.some((x) => x.type === 'resync'),
    );
    expect(station.link.current().state).toBe('connected');
    const afterResync = heard.slice(heard.findIndex((x) => x.type === 'resync'));
    expect(heard.some((x) => x.type === 'hub' && x.state === 'connected')).toBe(true);
    expect(afterResync[0]).toEqual({ type: 'resync' });
  });

  it('relays what changed on the hub to its screens', async () => {
    const h = await hub();
    const { heard } = await pairedStation(h);
    await until(
      async () => h.streams.size,
      (n) => n === 1,
    );
    h.push({ type: 'change', topics: ['queue'] });
    await until(
      async () => heard,
      (e) => e.some((x) => x.type === 'change'),
    );
    expect(heard).toContainEqual({ type: 'change', topics: ['queue'] });
  });

  it("streams the hub's changes to its own screens over /api/events, without a local session", async () => {
    const h = await hub();
    const { station } = await pairedStation(h);
    await until(
      async () => h.streams.size,
      (n) => n === 1,
    );
    const res = await fetch(`${station.http.url}/api/events/staff`, {
      headers: { Authorization: `Bearer ${TOKEN}` },
    });
    expect(res.status).toBe(200);
    const reader = res.body?.getReader();
    const decoder = new TextDecoder();
    let text = '';
    h.push({ type: 'change', topics: ['queue'] });
    while (reader && !text.includes('"topics":["queue"]')) {
      const chunk = await reader.read();
      if (chunk.done) break;
      text += decoder.decode(chunk.value);
    }
    await reader?.cancel();
    expect(text).toContain('"topics":["queue"]');
  });

  it('never sends a write twice when its answer was lost', async () => {
    const h = await hub();
    const { station } = await pairedStation(h);
    h.answer = () => 'drop';
    const result = await call(station, 'visit.checkIn', { fullName: 'Siti' });
    expect(result.error?.code).toBe('HUB_UNREACHABLE');
    expect(apiCalls(h)).toHaveLength(1);
  });

  it('refuses every call itself after the hub answers with another contract, naming the side', async () => {
    const h = await hub();
    const { station } = await pairedStation(h);
    h.answer = () => ({
      status: 409,
      body: {
        ok: false,
        error: { code: 'VERSION_MISMATCH', message: 'versi lain' },
        hub: { version: '0.2.0', contractId: 'ffffffffffffffff' },
      },
    });
    const first = await call(station, 'visit.checkIn', { fullName: 'Siti' });
    expect(first.error?.code).toBe('VERSION_MISMATCH');
    expect(first.error?.message).toContain('0.2.0');
    expect(first.error?.message).toContain('PC ini');
    expect(station.link.current()).toMatchObject({ state: 'incompatible', update: 'station' });
    const second = await call(station, 'queue.overview', {});
    expect(second.error?.code).toBe('VERSION_MISMATCH');
    expect(apiCalls(h)).toHaveLength(1);
  });

  it('makes no call at all once the hub revoked it', async () => {
    const h = await hub();
    const { station } = await pairedStation(h);
    h.answer = () => ({
      status: 403,
      body: { ok: false, error: { code: 'STATION_REVOKED', message: 'dicabut' } },
    });
    expect((await call(station, 'visit.checkIn', {})).error?.code).toBe('STATION_REVOKED');
    expect((await call(station, 'queue.overview', {})).error?.code).toBe('STATION_REVOKED');
    expect(apiCalls(h)).toHaveLength(1);
    expect(station.link.current()).toMatchObject({ state: 'refused', code: 'STATION_REVOKED' });
  });
});

describe('turning a station back into an all-in-one', () => {
  const me = (roles: string[]) => ({
    status: 200,
    body: {
      ok: true,
      value: { id: 1, fullName: 'A', username: 'a', roles, active: true, lockedUntil: null },
    },
  });

  it('is for an administrator the hub knows, and forgets the pairing', async () => {
    const h = await hub();
    const dataDir = tempDir();
    writeStationConfig(dataDir, await pairWithHub(h.address, hubKey.fingerprint, 'ABCD2345', 'M'));
    let unpaired = false;
    const station = await startStation({
      dataDir,
      rendererDir: dataDir,
      launchToken: TOKEN,
      onUnpaired: () => (unpaired = true),
    });
    cleanups.push(() => station.stop());

    h.answer = (_w, method) => (method === 'auth.me' ? me(['officer']) : 'drop');
    expect((await call(station, 'station.unpair', { confirm: true })).error?.code).toBe(
      'FORBIDDEN',
    );
    expect(existsSync(stationConfigPath(dataDir))).toBe(true);

    h.answer = (_w, method) => (method === 'auth.me' ? me(['admin']) : 'drop');
    expect((await call(station, 'station.unpair', { confirm: true })).ok).toBe(true);
    expect(existsSync(stationConfigPath(dataDir))).toBe(false);
    await until(
      async () => unpaired,
      (u) => u,
    );
  });
});
