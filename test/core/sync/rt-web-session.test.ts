import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JsonHttp } from '../../../electron/core/sync/connectors/json-http';
import { RtWebSession } from '../../../electron/core/sync/connectors/rt-web-session';
import { connectorFailure } from '../../helpers/connector-failure';
import { startRt, type RtInstance } from '../../helpers/rt/rt-instance';

describe('RT web session against a real RT', () => {
  let rt: RtInstance;
  beforeAll(async () => {
    rt = await startRt();
  }, 60_000);
  afterAll(async () => {
    await rt?.stop();
  }, 20_000);

  const session = (password: string) =>
    new RtWebSession({ webRoot: rt.baseUrl, username: 'root', password, timeoutMs: 10_000 });

  it('logs in once: the cookie alone reads and writes through REST2, no password checked', async () => {
    const s = session(rt.password);
    const headers = await s.headers();
    expect(headers.Cookie).toMatch(/^RT_SID_/);
    expect(await s.headers()).toEqual(headers);

    const read = await fetch(`${rt.baseUrl}/REST/2.0/rt`, { headers });
    expect(read.status).toBe(200);
    const create = await fetch(`${rt.baseUrl}/REST/2.0/ticket`, {
      method: 'POST',
      headers: { ...headers, 'Content-Type': 'application/json' },
      body: JSON.stringify({ Queue: 'General', Subject: 'lewat sesi' }),
    });
    expect(create.status).toBe(201);
  });

  it('opens no session with a wrong password, so the Basic answer names the problem', async () => {
    expect(await session('salah').headers()).toEqual({});
  });

  describe('a cookie RT does not take', () => {
    const cookieName = () => `RT_SID_loket.test.${new URL(rt.baseUrl).port}`;
    const http = (password: string, headers: Record<string, string>) => {
      let refusals = 0;
      const client = new JsonHttp({
        apiUrl: `${rt.baseUrl}/REST/2.0`,
        authorization: `Basic ${Buffer.from(`root:${password}`).toString('base64')}`,
        timeoutMs: 10_000,
        minUploadBytesPerSecond: 50_000,
        session: { headers: async () => headers, refused: () => void refusals++ },
      });
      return { client, refusals: () => refusals };
    };
    const newTicket = { Queue: 'General', Subject: 'sesi ditolak' };

    it('never costs a request that the password alone would have carried', async () => {
      const dead = http(rt.password, {
        Cookie: `${cookieName()}=00000000000000000000000000000000`,
        Referer: `${rt.baseUrl}/`,
      });
      expect(await dead.client.json('POST', '/ticket', 201, newTicket)).toMatchObject({
        type: 'ticket',
      });
      // RT itself falls back to the password when the cookie is merely dead.
      expect(dead.refusals()).toBe(0);

      // A live cookie sent from an address RT does not call its own: RT ignores it (CSRF).
      const live = await session(rt.password).headers();
      const foreign = http(rt.password, { ...live, Referer: 'http://elsewhere.test/' });
      expect(await foreign.client.json('POST', '/ticket', 201, newTicket)).toMatchObject({
        type: 'ticket',
      });
      expect(foreign.refusals()).toBe(0);
    });

    it('still reports wrong credentials as such, not as a redirect or a refusal', async () => {
      const wrong = http('salah', {
        Cookie: `${cookieName()}=00000000000000000000000000000000`,
        Referer: `${rt.baseUrl}/`,
      });
      const err = await connectorFailure(wrong.client.json('POST', '/ticket', 201, newTicket));
      // RT redirects a request with a cookie to its login page; without one it answers 401.
      expect(err.kind).toBe('auth');
      expect(err.message).not.toContain('salah');
      expect(wrong.refusals()).toBe(1);
    });
  });
});

describe('RT web session timing', () => {
  let server: Server;
  let base: string;
  let logins = 0;
  let accept = true;
  beforeAll(async () => {
    server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        if (req.url === '/NoAuth/Login.html') {
          logins++;
          res.setHeader('Set-Cookie', `RT_SID_test.1=sid${logins}; path=/; HttpOnly`);
          res.end('<html>login</html>');
        } else {
          res.statusCode = accept ? 200 : 401;
          res.end('{}');
        }
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('renews an old session, waits before retrying a refused login, and logs in once when asked at once', async () => {
    let now = 0;
    const s = new RtWebSession({
      webRoot: base,
      username: 'u',
      password: 'p',
      timeoutMs: 5_000,
      maxAgeMs: 1_000,
      retryAfterMs: 5_000,
      now: () => now,
    });
    logins = 0;
    accept = true;
    const [a, b] = await Promise.all([s.headers(), s.headers()]);
    expect(logins).toBe(1);
    expect(a).toEqual(b);
    expect(a.Cookie).toBe('RT_SID_test.1=sid1');

    now = 1_001;
    expect((await s.headers()).Cookie).toBe('RT_SID_test.1=sid2');

    accept = false;
    now = 2_002;
    expect(await s.headers()).toEqual({});
    now = 6_000;
    expect(await s.headers()).toEqual({});
    expect(logins).toBe(3);
    accept = true;
    now = 7_002;
    expect((await s.headers()).Cookie).toBe('RT_SID_test.1=sid4');

    // A refused cookie: the password alone until the retry delay has passed.
    s.refused();
    expect(await s.headers()).toEqual({});
    now = 12_002;
    expect((await s.headers()).Cookie).toBe('RT_SID_test.1=sid5');
    expect(logins).toBe(5);
  });

  it('gives up quietly when RT cannot be reached', async () => {
    const s = new RtWebSession({
      webRoot: 'http://127.0.0.1:1',
      username: 'u',
      password: 'p',
      timeoutMs: 2_000,
    });
    expect(await s.headers()).toEqual({});
  });
});
