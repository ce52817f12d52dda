import { request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core, type CoreOptions } from '../../electron/core/core';
import { startHttpHost, type HttpHost, type HttpLimits } from '../../electron/server/http-host';
import { ADMIN, TestClock, tempDir } from '../helpers/temp-core';

const TOKEN = 'launch-token-for-tests';

interface Running {
  core: Core;
  host: HttpHost;
  port: number;
  dataDir: string;
  clock: TestClock;
}
let running: Running | undefined;

async function start(
  limits: Partial<HttpLimits> = {},
  coreOptions: Partial<CoreOptions> = {},
  extraHostNames: readonly string[] = [],
): Promise<Running> {
  const dataDir = tempDir('loket-limits-');
  const rendererDir = tempDir('loket-renderer-');
  mkdirSync(join(rendererDir, 'assets'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Loket</title>');
  const clock = new TestClock();
  const core = createCore({ dataDir, now: clock.now, logError: () => {}, ...coreOptions });
  const host = await startHttpHost({
    dispatch: core.dispatch,
    stageUpload: core.stageUpload,
    rendererDir,
    launchToken: TOKEN,
    limits,
    extraHostNames,
  });
  running = { core, host, port: Number(new URL(host.url).port), dataDir, clock };
  return running;
}

afterEach(async () => {
  if (!running) return;
  await running.host.close();
  running.core.close();
  rmSync(running.dataDir, { recursive: true, force: true });
  running = undefined;
});

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(
  path: string,
  options: {
    method?: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
  } = {},
): Promise<Reply> {
  const port = running?.port;
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

const apiHeaders = (extra: Record<string, string> = {}) => ({
  'Content-Type': 'application/json',
  Authorization: `Bearer ${TOKEN}`,
  ...extra,
});

const api = (method: string, input: unknown, headers: Record<string, string> = {}) =>
  send(`/api/staff/${method}`, {
    method: 'POST',
    headers: apiHeaders(headers),
    body: JSON.stringify({ input }),
  });

/** The host is still there: a plain call gets its ordinary answer. */
async function expectHostAnswers(): Promise<void> {
  const r = await api('setup.status', {});
  expect(r.status).toBe(200);
  expect(JSON.parse(r.body)).toMatchObject({ ok: true });
}

function rawSocket(): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(running?.port ?? 0, '127.0.0.1', () => resolve(socket));
    socket.on('error', () => {}); // a reset by the host is one of the outcomes under test
    socket.once('error', reject);
  });
}

/** Whether the host closed the socket within `ms`, and what it sent before. */
function closedWithin(socket: Socket, ms: number): Promise<{ closed: boolean; received: string }> {
  return new Promise((resolve) => {
    let received = '';
    socket.on('data', (c: Buffer) => (received += c.toString()));
    if (socket.destroyed) return resolve({ closed: true, received });
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ closed: false, received });
    }, ms);
    socket.once('close', () => {
      clearTimeout(timer);
      resolve({ closed: true, received });
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function officerSession(): Promise<string> {
  const core = running?.core;
  if (!core) throw new Error('no host');
  const created = await core.dispatch('setup.createFirstAdmin', ADMIN, { window: 'staff' });
  expect(created.ok).toBe(true);
  const login = await core.dispatch(
    'auth.login',
    { username: ADMIN.username, pin: ADMIN.pin },
    { window: 'staff' },
  );
  if (!login.ok) throw new Error('login failed');
  return (login.value as { sessionToken: string }).sessionToken;
}

const upload = (session: string, body: string | Buffer) =>
  send('/api/upload/staff', {
    method: 'POST',
    headers: {
      'Content-Type': 'application/octet-stream',
      Authorization: `Bearer ${TOKEN}`,
      'X-Loket-Session': session,
    },
    body,
  });

const staged = () => readdirSync(join(running?.dataDir ?? '', 'uploads'));

describe('nothing a request sends ends the host', () => {
  it('answers 400 to malformed percent escapes in an API path, without a token, and keeps answering', async () => {
    await start();
    for (const path of [
      '/api/staff/%',
      '/api/staff/%E0%A4%A',
      '/api/survey/%zz',
      '/api/staff/a%',
    ]) {
      expect((await send(path)).status, path).toBe(400);
      const posted = await send(path, { method: 'POST', headers: apiHeaders(), body: '{}' });
      expect(posted.status, path).toBe(400);
    }
    await expectHostAnswers();
  });

  it('survives requests aborted mid-body, reset sockets and garbage on the wire', async () => {
    await start();
    const half = await rawSocket();
    half.write(
      `POST /api/staff/setup.status HTTP/1.1\r\nHost: 127.0.0.1:${running?.port}\r\n` +
        `Authorization: Bearer ${TOKEN}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"inp`,
    );
    await sleep(50);
    half.resetAndDestroy();

    const upload = await rawSocket();
    upload.write(
      `POST /api/upload/staff HTTP/1.1\r\nHost: 127.0.0.1:${running?.port}\r\n` +
        `Authorization: Bearer ${TOKEN}\r\nContent-Length: 100000\r\n\r\n%PDF-1.4`,
    );
    await sleep(50);
    upload.destroy();

    const garbage = await rawSocket();
    garbage.write('\x00\x01\x02 not http at all\r\n\r\n');
    expect((await closedWithin(garbage, 2000)).closed).toBe(true);

    const badHeader = await rawSocket();
    badHeader.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${running?.port}\r\nX-Bad: a\x01b\r\n\r\n`);
    expect((await closedWithin(badHeader, 2000)).received).toMatch(/^HTTP\/1\.1 400/);

    await sleep(50);
    await expectHostAnswers();
  });

  it('checks the Host before routing, so a foreign name never reaches the path decoding', async () => {
    await start();
    const r = await send('/api/staff/%', { headers: { Host: 'evil.example' } });
    expect(r.status).toBe(421);
    await expectHostAnswers();
  });
});

describe('HTTP limits', () => {
  it('closes a half-sent request after the header timeout', async () => {
    await start({ headersTimeoutMs: 200 });
    const socket = await rawSocket();
    socket.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${running?.port}\r\nX-Slow: 1`);
    const started = Date.now();
    const { closed } = await closedWithin(socket, 3000);
    expect(closed).toBe(true);
    expect(Date.now() - started).toBeLessThan(2000);
    await expectHostAnswers();
  });

  it('closes a connection that never sends a request', async () => {
    await start({ headersTimeoutMs: 200, socketIdleTimeoutMs: 300 });
    const socket = await rawSocket();
    expect((await closedWithin(socket, 3000)).closed).toBe(true);
  });

  it('cuts off a JSON body sent too slowly, but gives uploads longer', async () => {
    await start({ requestTimeoutMs: 300, uploadRequestTimeoutMs: 5000, socketIdleTimeoutMs: 2000 });
    const session = await officerSession();
    const slowly = async (path: string, headers: string, chunks: string[]) => {
      const socket = await rawSocket();
      const outcome = closedWithin(socket, 4000);
      socket.write(
        `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1:${running?.port}\r\nAuthorization: Bearer ${TOKEN}\r\n` +
          `X-Loket-Session: ${session}\r\nConnection: close\r\n${headers}` +
          `Content-Length: ${chunks.join('').length}\r\n\r\n`,
      );
      for (const chunk of chunks) {
        await sleep(150);
        if (!socket.destroyed) socket.write(chunk);
      }
      return outcome;
    };
    const json = await slowly('/api/staff/setup.status', 'Content-Type: application/json\r\n', [
      '{"in',
      'put"',
      ':{}',
      '}',
    ]);
    expect(json.closed).toBe(true);
    expect(json.received).not.toMatch(/"ok":true/);

    const file = await slowly('/api/upload/staff', 'Content-Type: application/octet-stream\r\n', [
      '%PDF',
      '-1.4',
      ' pre',
      'tend',
    ]);
    expect(file.received).toMatch(/^HTTP\/1\.1 200/);
    expect(file.received).toMatch(/"uploadId":"[0-9a-f]{32}"/);
  });

  it('refuses connections beyond the cap, and takes new ones once others have gone', async () => {
    await start({ maxConnections: 4, headersTimeoutMs: 5000, socketIdleTimeoutMs: 5000 });
    const held = await Promise.all([1, 2, 3, 4].map(() => rawSocket()));
    await sleep(50);
    const extra = await rawSocket();
    expect((await closedWithin(extra, 1000)).closed).toBe(true);
    for (const s of held) s.destroy();
    await sleep(50);
    await expectHostAnswers();
  });

  it('survives a burst of half-sent requests past the cap: all are closed, then it answers', async () => {
    await start({ maxConnections: 20, headersTimeoutMs: 300, socketIdleTimeoutMs: 2000 });
    const sockets = await Promise.all(Array.from({ length: 60 }, () => rawSocket()));
    for (const s of sockets) {
      if (!s.destroyed) s.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${running?.port}\r\nX-Slow: 1`);
    }
    const outcomes = await Promise.all(sockets.map((s) => closedWithin(s, 3000)));
    expect(outcomes.filter((o) => !o.closed)).toHaveLength(0);
    await expectHostAnswers();
  });

  it('answers an oversized JSON body with a 413 response the client receives', async () => {
    await start();
    const withLength = await send('/api/staff/setup.status', {
      method: 'POST',
      headers: apiHeaders(),
      body: JSON.stringify({ input: { x: 'a'.repeat(1_100_000) } }),
    });
    expect(withLength.status).toBe(413);
    expect(withLength.headers.connection).toBe('close');

    const chunked = await new Promise<number>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: running?.port,
          path: '/api/staff/setup.status',
          method: 'POST',
          headers: apiHeaders({ 'Transfer-Encoding': 'chunked' }),
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      for (let i = 0; i < 40; i++) req.write('a'.repeat(64 * 1024));
      req.end();
    });
    expect(chunked).toBe(413);
    await expectHostAnswers();
  });

  it('accepts exactly application/json, with parameters, in any case', async () => {
    await start();
    for (const type of ['application/jsonx', 'application/json-patch', 'text/plain', '']) {
      expect((await api('setup.status', {}, { 'Content-Type': type })).status, type).toBe(415);
    }
    expect(
      (await api('setup.status', {}, { 'Content-Type': 'application/json;charset=latin1' })).status,
    ).toBe(415);
    for (const type of [
      'application/json',
      'application/json; charset=utf-8',
      'Application/JSON;Charset="UTF-8"',
    ]) {
      expect((await api('setup.status', {}, { 'Content-Type': type })).status, type).toBe(200);
    }
  });

  it('allows the origins that match the allowed host names', async () => {
    const { port, host } = await start();
    const local = { Host: `localhost:${port}`, Origin: `http://localhost:${port}` };
    expect((await api('setup.status', {}, local)).status).toBe(200);
    expect((await api('setup.status', {}, { Origin: host.url })).status).toBe(200);
    expect((await api('setup.status', {}, { Host: `LOCALHOST:${port}` })).status).toBe(200);
    expect((await api('setup.status', {}, { Origin: `http://localhost:${port + 1}` })).status).toBe(
      403,
    );
    expect((await api('setup.status', {}, { Origin: 'null' })).status).toBe(403);
  });

  it('allows the extra host names it is given, as Host and as Origin, and nothing else', async () => {
    const { port } = await start({}, {}, ['loket-desk.lan']);
    const lan = { Host: `loket-desk.lan:${port}`, Origin: `http://loket-desk.lan:${port}` };
    expect((await api('setup.status', {}, lan)).status).toBe(200);
    expect((await api('setup.status', {}, { Host: `other.lan:${port}` })).status).toBe(421);
  });
});

describe('staged uploads', () => {
  it('are swept on a timer while the host runs', async () => {
    const { clock } = await start({}, { uploadStaging: { maxAgeMs: 60_000, sweepIntervalMs: 20 } });
    const session = await officerSession();
    const first = JSON.parse((await upload(session, '%PDF-1.4 old')).body) as {
      value: { uploadId: string };
    };
    expect(staged()).toEqual([first.value.uploadId]);
    clock.advance(61_000);
    const second = JSON.parse((await upload(session, '%PDF-1.4 new')).body) as {
      value: { uploadId: string };
    };
    await sleep(150);
    expect(staged()).toEqual([second.value.uploadId]);
  });

  it('are capped per staff member with a clear refusal, and the cap frees once used', async () => {
    await start({}, { uploadStaging: { maxBytesPerOwner: 1000 } });
    const session = await officerSession();
    const first = JSON.parse((await upload(session, Buffer.alloc(600, 1))).body) as {
      ok: boolean;
      value: { uploadId: string };
    };
    expect(first.ok).toBe(true);
    const over = await upload(session, Buffer.alloc(600, 2));
    expect(over.status).toBe(200);
    expect(JSON.parse(over.body)).toEqual({
      ok: false,
      error: { code: 'UPLOAD_STAGING_FULL', message: expect.stringMatching(/unggah/i) as string },
    });
    expect(staged()).toEqual([first.value.uploadId]);
    // Using the first upload (here: naming an unknown case) gives its bytes back.
    await api(
      'case.attachUpload',
      {
        caseId: 424242,
        uploadId: first.value.uploadId,
        originalName: 'a.pdf',
        kind: 'other',
        source: 'file',
      },
      { 'X-Loket-Session': session },
    );
    expect(JSON.parse((await upload(session, Buffer.alloc(600, 3))).body)).toMatchObject({
      ok: true,
    });
  });

  it('refuse an upload over the file cap with a response, not a reset', async () => {
    await start({}, { maxFileBytes: 1000 });
    const session = await officerSession();
    const r = await upload(session, Buffer.alloc(200_000, 1));
    expect(JSON.parse(r.body)).toMatchObject({
      ok: false,
      error: { code: 'ATTACHMENT_TOO_LARGE' },
    });
    expect(staged()).toEqual([]);
    await expectHostAnswers();
  });

  it('attaching to an unknown case removes the staged file', async () => {
    await start();
    const session = await officerSession();
    const { value } = JSON.parse((await upload(session, '%PDF-1.4 x')).body) as {
      value: { uploadId: string };
    };
    expect(staged()).toEqual([value.uploadId]);
    const r = await api(
      'case.attachUpload',
      {
        caseId: 424242,
        uploadId: value.uploadId,
        originalName: 'a.pdf',
        kind: 'other',
        source: 'file',
      },
      { 'X-Loket-Session': session },
    );
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(staged()).toEqual([]);
  });
});
