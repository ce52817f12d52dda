import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { request } from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractId } from '../../shared/api/lan-protocol';
import { currentNotice } from '../../shared/domain/privacy-notice';
import { ADMIN, tempDir } from '../helpers/temp-core';
import {
  hubCall,
  hubMust,
  lan,
  lanCall,
  pairStation,
  spawnHub,
  type HubProcess,
} from '../helpers/lan-hub';

const RINA = {
  fullName: 'Rina Wulandari',
  username: 'rina',
  pin: '975310',
  roles: ['officer', 'receptionist'],
};
const OFFICER_ONLY = { fullName: 'Dodi', username: 'dodi', pin: '864202', roles: ['officer'] };

let hub: HubProcess;
let admin: string;
let reception: string;
let receptionB: string;
let consultation: string;
let survey: string;
let display: string;

beforeAll(async () => {
  hub = await spawnHub(tempDir('loket-hub-'));
  await hubMust(hub, 'setup.createFirstAdmin', ADMIN);
  admin = (
    await hubMust<{ sessionToken: string }>(hub, 'auth.login', {
      username: ADMIN.username,
      pin: ADMIN.pin,
    })
  ).sessionToken;
  await hubMust(hub, 'staff.create', RINA, admin);
  await hubMust(hub, 'staff.create', OFFICER_ONLY, admin);
  reception = (await pairStation(hub, admin, 'reception', 'Resepsionis PTSP')).credential;
  receptionB = (await pairStation(hub, admin, 'reception', 'Resepsionis 2')).credential;
  consultation = (await pairStation(hub, admin, 'consultation', 'Meja 1')).credential;
  survey = (await pairStation(hub, admin, 'survey', 'Layar survei 1')).credential;
  display = (await pairStation(hub, admin, 'display', 'Ruang tunggu')).credential;
}, 60_000);

afterAll(async () => {
  await hub?.stop();
});

const loginAt = async (credential: string, who: { username: string; pin: string }) => {
  const answer = await lanCall(hub, credential, 'staff', 'auth.login', who);
  expect(answer.json.ok).toBe(true);
  return (answer.json.value as { sessionToken: string; staff: { roles: string[] } }).sessionToken;
};

const checkIn = (fullName: string) => ({
  fullName,
  phone: '081234567890',
  purpose: 'Konsultasi SPSE',
  noticeVersion: currentNotice().version,
  noticeDelivery: 'read_out' as const,
});

describe('the hub as its own process, over TLS on a LAN address', () => {
  it('answers hello with the certificate whose SHA-256 fingerprint it shows the admin', async () => {
    const hello = await lan(hub, '/lan/hello');
    expect(hello.status).toBe(200);
    expect(hello.json).toMatchObject({ service: 'loket-hub', contractId: contractId() });
    expect(hello.fingerprint).toBe(hub.info.fingerprint);
    expect(hub.info.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    const info = await hubMust<{ fingerprint: string; listening: unknown }>(
      hub,
      'stations.hubInfo',
      {},
      admin,
    );
    expect(info.fingerprint).toBe(hub.info.fingerprint);
    expect(info.listening).toEqual({ host: '127.0.0.2', port: hub.info.lanPort });
  });

  it('never answers plain HTTP on the LAN port', async () => {
    const outcome = await new Promise<string>((resolve) => {
      const req = httpRequest(
        { host: hub.info.lanHost, port: hub.info.lanPort, path: '/lan/hello', agent: false },
        (res) => resolve(`answered ${res.statusCode}`),
      );
      req.once('error', () => resolve('refused'));
      req.setTimeout(3000, () => req.destroy(new Error('timeout')));
      req.end();
    });
    // Node's TLS server answers a plain request with a bare 400 and never the API.
    expect(outcome === 'refused' || outcome === 'answered 400').toBe(true);
    const body = await lan(hub, '/lan/hello');
    expect(body.status).toBe(200);
  });
});

describe('pairing', () => {
  it('trades a code for a credential once; the code shown as XXXX-XXXX and refused on reuse', async () => {
    const { code, expiresAt } = await hubMust<{ code: string; expiresAt: string }>(
      hub,
      'stations.createPairingCode',
      { kind: 'consultation' },
      admin,
    );
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    const minutes = (Date.parse(expiresAt) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(9);
    expect(minutes).toBeLessThanOrEqual(10);
    const body = JSON.stringify({
      code: code.toLowerCase(),
      name: 'Meja 7',
      version: '0.1.0',
      contractId: contractId(),
    });
    const first = await lan(hub, '/lan/pair', { body });
    expect(first.status).toBe(200);
    const value = first.json.value as { credential: string; kind: string; stationId: number };
    expect(value.kind).toBe('consultation');
    expect(value.credential.length).toBeGreaterThanOrEqual(40);
    const again = await lan(hub, '/lan/pair', { body, localAddress: '127.0.0.5' });
    expect(again.status).toBe(403);
    expect(again.json.error?.code).toBe('PAIRING_CODE_INVALID');
    expect(again.json.error?.message).toContain('Kode pemasangan salah');
    const list = await hubMust<{ id: number; name: string; kind: string; address: string }[]>(
      hub,
      'stations.list',
      {},
      admin,
    );
    expect(list.find((s) => s.id === value.stationId)).toMatchObject({
      name: 'Meja 7',
      kind: 'consultation',
      address: '127.0.0.1',
      version: '0.1.0',
      revoked: false,
    });
  });

  it('refuses a station of another contract before taking its code', async () => {
    const { code } = await hubMust<{ code: string }>(
      hub,
      'stations.createPairingCode',
      { kind: 'reception' },
      admin,
    );
    const body = JSON.stringify({ code, name: 'Lama', version: '0.0.9', contractId: 'ffff' });
    const refused = await lan(hub, '/lan/pair', { body });
    expect(refused.status).toBe(409);
    expect(refused.json.error?.code).toBe('VERSION_MISMATCH');
    expect(refused.json.hub).toEqual({ version: '0.1.0', contractId: contractId() });
    expect(refused.json.error?.message).toContain('Loket di PC ini');
    const ok = await lan(hub, '/lan/pair', {
      body: JSON.stringify({ code, name: 'Baru', version: '0.1.0', contractId: contractId() }),
    });
    expect(ok.status).toBe(200);
  });
});

describe('who may do what', () => {
  it('refuses an unknown credential in the caller locale and dispatches nothing', async () => {
    const id = await lanCall(
      hub,
      'not-a-credential-0123456789abcdefghij',
      'staff',
      'setup.status',
      {},
    );
    expect(id.status).toBe(401);
    expect(id.json.error?.code).toBe('STATION_UNKNOWN');
    expect(id.json.error?.message).toContain('PC ini tidak dikenal oleh hub');
    const en = await lan(hub, '/lan/events', { credential: 'nope', locale: 'en' });
    expect(en.status).toBe(401);
    expect(en.json.error?.code).toBe('STATION_UNKNOWN');
    expect(en.json.error?.message).not.toContain('PC ini');
    const none = await lan(hub, '/lan/api/staff/setup.status', { body: '{}' });
    expect(none.status).toBe(401);
  });

  it('refuses another contract with the hub version and contract id', async () => {
    const answer = await lanCall(hub, reception, 'staff', 'setup.status', {}, { contract: 'x' });
    expect(answer.status).toBe(409);
    expect(answer.json.error?.code).toBe('VERSION_MISMATCH');
    expect(answer.json.hub).toEqual({ version: '0.1.0', contractId: contractId() });
  });

  it('lets each station kind open only its windows', async () => {
    const staffAtDisplay = await lanCall(hub, display, 'staff', 'queue.callNext', {});
    expect(staffAtDisplay.status).toBe(403);
    expect(staffAtDisplay.json.error?.code).toBe('WINDOW_NOT_ALLOWED');
    const loginAtDisplay = await lanCall(hub, display, 'staff', 'auth.login', RINA);
    expect(loginAtDisplay.json.error?.code).toBe('WINDOW_NOT_ALLOWED');
    const staffAtSurvey = await lanCall(hub, survey, 'staff', 'setup.status', {});
    expect(staffAtSurvey.json.error?.code).toBe('WINDOW_NOT_ALLOWED');
    const surveyAtReception = await lanCall(hub, reception, 'survey', 'survey.current', {});
    expect(surveyAtReception.json.error?.code).toBe('WINDOW_NOT_ALLOWED');
    const surveyAtConsultation = await lanCall(hub, consultation, 'survey', 'survey.current', {});
    expect(surveyAtConsultation.status).toBe(200);
    expect(surveyAtConsultation.json.error?.code).toBe('UNAUTHENTICATED');
    const displayAtConsultation = await lanCall(hub, consultation, 'display', 'setup.status', {});
    expect(displayAtConsultation.json.error?.code).toBe('WINDOW_NOT_ALLOWED');
    // The display's own window is open to it; a staff method there is still no staff method.
    const staffMethodAsDisplay = await lanCall(hub, display, 'display', 'queue.callNext', {});
    expect(staffMethodAsDisplay.status).toBe(200);
    expect(staffMethodAsDisplay.json.error?.code).toBe('WINDOW_NOT_ALLOWED');
  });

  it('gives a paired display station its own display session: board.calls answered, nothing else', async () => {
    const board = await lanCall(hub, display, 'display', 'board.calls', {});
    expect(board.status).toBe(200);
    expect(board.json.ok).toBe(true);
    expect(board.json.value).toMatchObject({ current: [], recent: [] });
    const overview = await lanCall(hub, display, 'display', 'queue.overview', {});
    expect(overview.json.ok).toBe(false);
    expect(overview.json.error?.code).toBe('WINDOW_NOT_ALLOWED');
    // Its display session is the display's kind only: the survey's methods stay closed to it.
    const survey = await lanCall(hub, display, 'display', 'survey.current', {});
    expect(survey.json.ok).toBe(false);
    // The board is no staff station's: a consultation station gets no session for it.
    const atConsultation = await lanCall(hub, consultation, 'staff', 'board.calls', {});
    expect(atConsultation.json.ok).toBe(false);
  });

  it("lets a reception station's officer act only as receptionist: queue.callNext is refused there", async () => {
    const atReception = await loginAt(reception, RINA);
    const me = await lanCall(hub, reception, 'staff', 'auth.me', {}, { session: atReception });
    expect((me.json.value as { roles: string[] }).roles).toEqual(['receptionist']);
    const checked = await lanCall(hub, reception, 'staff', 'visit.checkIn', checkIn('Budi'), {
      session: atReception,
    });
    expect(checked.json.ok).toBe(true);
    const call = await lanCall(
      hub,
      reception,
      'staff',
      'queue.callNext',
      {},
      {
        session: atReception,
      },
    );
    expect(call.json.error?.code).toBe('FORBIDDEN');
    const atConsultation = await loginAt(consultation, RINA);
    const called = await lanCall(
      hub,
      consultation,
      'staff',
      'queue.callNext',
      {},
      {
        session: atConsultation,
      },
    );
    expect(called.json.ok).toBe(true);
    // An officer who is nothing else cannot log in at reception at all.
    const dodi = await lanCall(hub, reception, 'staff', 'auth.login', OFFICER_ONLY);
    expect(dodi.json.error?.code).toBe('FORBIDDEN');
  });

  it('refuses a session made at station A at station B and on the hub PC itself', async () => {
    const atA = await loginAt(reception, RINA);
    const atB = await lanCall(hub, receptionB, 'staff', 'auth.me', {}, { session: atA });
    expect(atB.json.error?.code).toBe('UNAUTHENTICATED');
    const onHub = await hubCall(hub, 'auth.me', {}, atA);
    expect(onHub.error?.code).toBe('UNAUTHENTICATED');
    const hubOwn = await lanCall(hub, reception, 'staff', 'auth.me', {}, { session: admin });
    expect(hubOwn.json.error?.code).toBe('UNAUTHENTICATED');
    const atAStill = await lanCall(hub, reception, 'staff', 'auth.me', {}, { session: atA });
    expect(atAStill.json.ok).toBe(true);
  });

  it('refuses oversized, malformed and browser requests', async () => {
    const big = await lan(hub, '/lan/api/staff/setup.status', {
      credential: reception,
      body: JSON.stringify({ input: { pad: 'x'.repeat(1024 * 1024 + 10) } }),
    });
    expect(big.status).toBe(413);
    const malformed = await lan(hub, '/lan/api/staff/setup.status', {
      credential: reception,
      body: '{"input":',
    });
    expect(malformed.status).toBe(400);
    const wrongType = await lan(hub, '/lan/api/staff/setup.status', {
      credential: reception,
      body: '{}',
      headers: { 'content-type': 'text/plain' },
    });
    expect(wrongType.status).toBe(415);
    const fromPage = await lan(hub, '/lan/api/staff/setup.status', {
      credential: reception,
      body: '{}',
      headers: { origin: 'https://127.0.0.2' },
    });
    expect(fromPage.status).toBe(403);
    const rebound = await lan(hub, '/lan/hello', { headers: { host: 'evil.example:443' } });
    expect(rebound.status).toBe(421);
    const unknownWindow = await lanCall(hub, reception, 'admin', 'setup.status', {});
    expect(unknownWindow.status).toBe(404);
  });
});

/** Opens the station's push stream and collects its events until closed. */
function openEvents(credential: string) {
  const events: { event: string; data: string }[] = [];
  let raw = '';
  let closed = false;
  let status = 0;
  const req = request(
    {
      host: hub.info.lanHost,
      port: hub.info.lanPort,
      path: '/lan/events',
      headers: { authorization: `Bearer ${credential}`, 'x-loket-contract': contractId() },
      ca: hub.pem,
      agent: false,
      checkServerIdentity: (_h, cert) =>
        cert.fingerprint256 === hub.info.fingerprint ? undefined : new Error('pin'),
    },
    (res) => {
      status = res.statusCode ?? 0;
      res.on('data', (c: Buffer) => {
        raw += c.toString();
        const blocks = raw.split('\n\n');
        raw = blocks.pop() ?? '';
        for (const block of blocks) {
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event && data) events.push({ event, data });
        }
      });
      res.on('close', () => (closed = true));
    },
  );
  req.on('error', () => (closed = true));
  req.end();
  return {
    events,
    closed: () => closed,
    status: () => status,
    close: () => req.destroy(),
  };
}

async function waitFor(check: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('uploads from a station', () => {
  it("stages an officer's file per station and refuses other kinds and roles", async () => {
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
      'base64',
    );
    const upload = (credential: string, session?: string) =>
      lan(hub, '/lan/upload', {
        credential,
        body: png,
        headers: { 'content-type': 'application/octet-stream' },
        ...(session !== undefined && { session }),
      });
    const officer = await loginAt(consultation, RINA);
    const staged = await upload(consultation, officer);
    expect(staged.json.ok).toBe(true);
    expect((staged.json.value as { uploadId: string }).uploadId).toMatch(/\S{8,}/);
    const atReception = await loginAt(reception, RINA);
    expect((await upload(reception, atReception)).json.error?.code).toBe('FORBIDDEN');
    expect((await upload(receptionB, officer)).json.error?.code).toBe('UNAUTHENTICATED');
    const fromDisplay = await upload(display);
    expect(fromDisplay.status).toBe(403);
    expect(fromDisplay.json.error?.code).toBe('WINDOW_NOT_ALLOWED');
  });
});

describe('the push stream', () => {
  it('keeps at most four streams per station, closing the oldest', async () => {
    const streams = [1, 2, 3, 4].map(() => openEvents(receptionB));
    await waitFor(() => streams.every((s) => s.events.length >= 1));
    const fifth = openEvents(receptionB);
    await waitFor(() => fifth.events.length >= 1);
    await waitFor(() => streams[0]?.closed() === true, 2000);
    expect(streams.slice(1).map((s) => s.closed())).toEqual([false, false, false]);
    for (const s of [...streams, fifth]) s.close();
  });

  it('says hello first, then a change event after a check-in at another station', async () => {
    const stream = openEvents(consultation);
    await waitFor(() => stream.events.length >= 1);
    expect(stream.events[0]?.event).toBe('hello');
    expect(JSON.parse(stream.events[0]?.data ?? '{}')).toMatchObject({
      service: 'loket-hub',
      contractId: contractId(),
    });
    const session = await loginAt(reception, RINA);
    const started = Date.now();
    await lanCall(hub, reception, 'staff', 'visit.checkIn', checkIn('Sari'), { session });
    await waitFor(() => stream.events.some((e) => e.event === 'change'));
    expect(Date.now() - started).toBeLessThan(1000);
    const change = stream.events.find((e) => e.event === 'change');
    expect(JSON.parse(change?.data ?? '{}')).toEqual({ type: 'change', topics: ['queue'] });
    stream.close();
  });

  it('announces a newly paired station, so the admin list shows it without a reload', async () => {
    const stream = openEvents(consultation);
    await waitFor(() => stream.events.length >= 1);
    await pairStation(hub, admin, 'reception', 'Resepsionis baru');
    await waitFor(() => stream.events.some((e) => e.event === 'change'));
    const change = stream.events.find((e) => e.event === 'change');
    expect(JSON.parse(change?.data ?? '{}')).toEqual({ type: 'change', topics: ['stations'] });
    stream.close();
  });
});

describe('the survey screen as a station', () => {
  it('waits for an officer, shows the surveys of the one who bound it, and waits again after logout', async () => {
    const waiting = await lanCall(hub, survey, 'survey', 'survey.current', {});
    expect(waiting.json.error?.code).toBe('SURVEY_WAITING_FOR_OFFICER');
    const officer = await loginAt(consultation, RINA);
    const screens = await lanCall(
      hub,
      consultation,
      'staff',
      'stations.surveyScreens',
      {},
      {
        session: officer,
      },
    );
    const screen = (screens.json.value as { id: number; name: string; boundToMe: boolean }[]).find(
      (s) => s.name === 'Layar survei 1',
    );
    expect(screen?.boundToMe).toBe(false);
    const bound = await lanCall(
      hub,
      consultation,
      'staff',
      'stations.bindSurvey',
      {
        stationId: screen?.id,
      },
      { session: officer },
    );
    expect(bound.json.ok).toBe(true);
    const current = await lanCall(hub, survey, 'survey', 'survey.current', {});
    expect(current.json.ok).toBe(true);
    expect(current.json.value).toMatchObject({ state: 'idle' });
    // A staff token sent by the survey screen is ignored: it never acts as anyone's session.
    const withToken = await lanCall(
      hub,
      survey,
      'survey',
      'survey.current',
      {},
      {
        session: officer,
      },
    );
    expect(withToken.json.ok).toBe(true);
    await lanCall(hub, consultation, 'staff', 'auth.logout', {}, { session: officer });
    const after = await lanCall(hub, survey, 'survey', 'survey.current', {});
    expect(after.json.error?.code).toBe('SURVEY_WAITING_FOR_OFFICER');
  });
});

describe('revoking a station', () => {
  it('refuses its credential at once and closes its open push stream', async () => {
    const { credential, stationId } = await pairStation(hub, admin, 'reception', 'Dicabut');
    const stream = openEvents(credential);
    await waitFor(() => stream.events.length >= 1);
    expect(stream.closed()).toBe(false);
    await hubMust(hub, 'stations.revoke', { stationId }, admin);
    await waitFor(() => stream.closed(), 2000);
    const refused = await lanCall(hub, credential, 'staff', 'setup.status', {});
    expect(refused.status).toBe(401);
    expect(refused.json.error?.code).toBe('STATION_REVOKED');
    expect(refused.json.error?.message).toContain('dicabut');
    const events = await lan(hub, '/lan/events', { credential });
    expect(events.status).toBe(401);
    const list = await hubMust<{ id: number; revoked: boolean }[]>(hub, 'stations.list', {}, admin);
    expect(list.find((s) => s.id === stationId)?.revoked).toBe(true);
  });
});

describe('a hub with short-lived codes and its guess throttle', () => {
  let short: HubProcess;
  let shortAdmin: string;
  beforeAll(async () => {
    short = await spawnHub(
      tempDir('loket-hub-short-'),
      ['--code-lifetime-ms', '1500'],
      '127.0.0.3',
    );
    await hubMust(short, 'setup.createFirstAdmin', ADMIN);
    shortAdmin = (
      await hubMust<{ sessionToken: string }>(short, 'auth.login', {
        username: ADMIN.username,
        pin: ADMIN.pin,
      })
    ).sessionToken;
  }, 60_000);
  afterAll(async () => {
    await short?.stop();
  });
  const pairWith = (code: string, localAddress?: string) =>
    lan(short, '/lan/pair', {
      body: JSON.stringify({ code, name: 'PC', version: '0.1.0', contractId: contractId() }),
      ...(localAddress !== undefined && { localAddress }),
    });

  it('refuses an expired code', async () => {
    const { code } = await hubMust<{ code: string }>(
      short,
      'stations.createPairingCode',
      { kind: 'display' },
      shortAdmin,
    );
    await new Promise((r) => setTimeout(r, 1700));
    const late = await pairWith(code, '127.0.0.9');
    expect(late.status).toBe(403);
    expect(late.json.error?.code).toBe('PAIRING_CODE_INVALID');
  });

  it('throttles guesses per source address, even a right code, and tells how long to wait', async () => {
    for (let i = 0; i < 5; i++) {
      const wrong = await pairWith('2222-2222', '127.0.0.7');
      expect(wrong.json.error?.code).toBe('PAIRING_CODE_INVALID');
    }
    const { code } = await hubMust<{ code: string }>(
      short,
      'stations.createPairingCode',
      { kind: 'display' },
      shortAdmin,
    );
    const throttled = await pairWith(code, '127.0.0.7');
    expect(throttled.status).toBe(429);
    expect(throttled.json.error?.code).toBe('PAIRING_THROTTLED');
    expect(throttled.json.error?.retryAfterSeconds).toBeGreaterThan(500);
    expect(throttled.headers['retry-after']).toBe(String(throttled.json.error?.retryAfterSeconds));
    expect(throttled.json.error?.message).toContain('Tunggu');
    // Another PC is not held up by one guesser.
    const other = await pairWith(code, '127.0.0.8');
    expect(other.status).toBe(200);
    const audited = await hubMust<unknown>(short, 'stations.list', {}, shortAdmin);
    expect(JSON.stringify(audited)).not.toContain('2222');
  });
});

describe('the hub across restarts', () => {
  it('keeps its key and certificate, so paired stations stay paired', async () => {
    const dataDir = tempDir('loket-hub-restart-');
    const first = await spawnHub(dataDir, [], '127.0.0.4');
    await hubMust(first, 'setup.createFirstAdmin', ADMIN);
    const session = (
      await hubMust<{ sessionToken: string }>(first, 'auth.login', {
        username: ADMIN.username,
        pin: ADMIN.pin,
      })
    ).sessionToken;
    const { credential } = await pairStation(first, session, 'reception', 'PC depan');
    expect(await first.stop()).toBe(0);
    const second = await spawnHub(dataDir, [], '127.0.0.4');
    try {
      expect(second.info.fingerprint).toBe(first.info.fingerprint);
      expect(second.pem).toBe(first.pem);
      const status = await lanCall(second, credential, 'staff', 'setup.status', {});
      expect(status.json).toEqual({ ok: true, value: { needsFirstAdmin: false } });
    } finally {
      await second.stop();
    }
  }, 60_000);
});

describe("the admin's hub settings", () => {
  it('start and stop the listener, and a port in use leaves it off without failing the save', async () => {
    const plain = await spawnHub(tempDir('loket-hub-settings-'), [], null);
    const busy = createServer();
    await new Promise<void>((r) => busy.listen(0, '127.0.0.6', r));
    try {
      await hubMust(plain, 'setup.createFirstAdmin', ADMIN);
      const session = (
        await hubMust<{ sessionToken: string }>(plain, 'auth.login', {
          username: ADMIN.username,
          pin: ADMIN.pin,
        })
      ).sessionToken;
      type Info = { mode: string; listening: { port: number } | null; fingerprint: string | null };
      const before = await hubMust<Info>(plain, 'stations.hubInfo', {}, session);
      expect(before).toMatchObject({ mode: 'allInOne', listening: null, fingerprint: null });
      const bad = await hubCall(
        plain,
        'stations.setHub',
        { enabled: true, host: 'pc-hub', port: 80 },
        session,
      );
      expect(bad.error?.code).toBe('VALIDATION');
      const port = 45000 + Math.floor(Math.random() * 1000);
      const on = await hubMust<Info>(
        plain,
        'stations.setHub',
        { enabled: true, host: '127.0.0.6', port },
        session,
      );
      expect(on.mode).toBe('hub');
      expect(on.listening).toEqual({ host: '127.0.0.6', port });
      expect(on.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
      const inUse = (busy.address() as AddressInfo).port;
      const taken = await hubMust<Info>(
        plain,
        'stations.setHub',
        { enabled: true, host: '127.0.0.6', port: inUse },
        session,
      );
      expect(taken).toMatchObject({ mode: 'hub', listening: null, fingerprint: on.fingerprint });
      const off = await hubMust<Info>(
        plain,
        'stations.setHub',
        { enabled: false, host: '127.0.0.6', port },
        session,
      );
      expect(off).toMatchObject({ mode: 'allInOne', listening: null });
    } finally {
      busy.close();
      await plain.stop();
    }
  }, 60_000);
});
