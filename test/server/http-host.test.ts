import { request } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHttpHost, type HttpHost } from '../../electron/server/http-host';
import { CONTENT_SECURITY_POLICY } from '../../electron/server/content-security-policy';
import { cleanup, startTestCore, tempDir, type TestCore } from '../helpers/temp-core';

const TOKEN = 'launch-token-for-tests';
let t: TestCore;
let host: HttpHost;
let port: number;

beforeEach(async () => {
  t = startTestCore();
  const rendererDir = tempDir('loket-renderer-');
  mkdirSync(join(rendererDir, 'assets'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Loket</title>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(tempDir(), 'secret.txt'), 'secret');
  host = await startHttpHost({
    dispatch: t.core.dispatch,
    stageUpload: t.core.stageUpload,
    rendererDir,
    launchToken: TOKEN,
  });
  port = Number(new URL(host.url).port);
});

afterEach(async () => {
  await host.close();
  cleanup(t);
});

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> {
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

const api = (method: string, input: unknown, headers: Record<string, string> = {}) =>
  send(`/api/staff/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}`, ...headers },
    body: JSON.stringify({ input }),
  });

describe('browser-mode host', () => {
  it('binds to loopback and prints a launch URL with the token in the fragment', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(host.launchUrl).toBe(`${host.url}/#token=${TOKEN}`);
  });

  it('answers API calls with the dispatcher result', async () => {
    const r = await api('setup.status', {});
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toEqual({ ok: true, value: { needsFirstAdmin: true } });
    expect(r.headers['cache-control']).toBe('no-store');
  });

  it('refuses API calls without the launch token', async () => {
    const none = await send('/api/staff/setup.status', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(none.status).toBe(401);
    const wrong = await api('setup.status', {}, { Authorization: 'Bearer nope' });
    expect(wrong.status).toBe(401);
  });

  it('refuses a rebound host name and a foreign origin', async () => {
    expect((await api('setup.status', {}, { Host: `evil.example:${port}` })).status).toBe(421);
    expect((await api('setup.status', {}, { Origin: 'http://evil.example' })).status).toBe(403);
    expect((await api('setup.status', {}, { Origin: host.url })).status).toBe(200);
  });

  it('refuses GET, other content types, and bodies over 1 MB', async () => {
    expect(
      (await send('/api/staff/setup.status', { headers: { Authorization: `Bearer ${TOKEN}` } }))
        .status,
    ).toBe(405);
    expect((await api('setup.status', {}, { 'Content-Type': 'text/plain' })).status).toBe(415);
    const big = await send('/api/staff/setup.status', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify({ input: { x: 'a'.repeat(1_100_000) } }),
    }).catch(() => ({ status: 413 }) as Reply);
    expect(big.status).toBe(413);
  });

  it('turns malformed JSON into a validation refusal, in the asked locale', async () => {
    const r = await send('/api/staff/auth.login', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Authorization: `Bearer ${TOKEN}`,
        'X-Loket-Locale': 'en',
      },
      body: '{not json',
    });
    const result = JSON.parse(r.body) as { ok: boolean; error: { code: string; message: string } };
    expect(result.ok).toBe(false);
    expect(result.error.code).toBe('VALIDATION');
    expect(result.error.message).toMatch(/^Some fields are not right yet/);
  });

  it('serves the renderer with the strict CSP, and index.html for app routes', async () => {
    const index = await send('/');
    expect(index.status).toBe(200);
    expect(index.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(index.headers['x-content-type-options']).toBe('nosniff');
    expect((await send('/reception')).body).toContain('<title>Loket</title>');
    const js = await send('/assets/app.js');
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect((await send('/assets/missing.js')).status).toBe(404);
  });

  it('never serves a file outside the renderer folder', async () => {
    const traversals = [
      '/../../etc/hostname.txt',
      '/..%2f..%2fetc%2fpasswd.txt',
      '/%2e%2e/%2e%2e/etc/os-release.txt',
      '/assets/..%5c..%5csecret.txt',
      '/%00.js',
      '/%E0%A4%A.js',
    ];
    for (const path of traversals) {
      const r = await send(path);
      expect([400, 404], path).toContain(r.status);
      expect(r.body).toBe('');
    }
    // A path without an extension is an app route: it gets index.html, never the file.
    expect((await send('/../../etc/passwd')).body).toContain('<title>Loket</title>');
  });

  it('streams an upload to staging for an officer, and refuses one without a session', async () => {
    const upload = (headers: Record<string, string>) =>
      send('/api/upload/staff', {
        method: 'POST',
        headers: {
          'Content-Type': 'application/octet-stream',
          Authorization: `Bearer ${TOKEN}`,
          ...headers,
        },
        body: '%PDF-1.4 pretend',
      });
    expect(JSON.parse((await upload({})).body)).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
    await t.must('setup.createFirstAdmin', { fullName: 'Siti', username: 'siti', pin: '135790' });
    const { sessionToken } = await t.must('auth.login', { username: 'siti', pin: '135790' });
    const ok = JSON.parse((await upload({ 'X-Loket-Session': sessionToken })).body) as {
      ok: boolean;
      value: { uploadId: string };
    };
    expect(ok.ok).toBe(true);
    expect(ok.value.uploadId).toMatch(/^[0-9a-f]{32}$/);
    const noToken = await send('/api/upload/staff', {
      method: 'POST',
      headers: { 'X-Loket-Session': sessionToken },
      body: 'x',
    });
    expect(noToken.status).toBe(401);
  });
});
