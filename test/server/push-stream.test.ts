import { request, type IncomingMessage } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { currentNotice } from '../../shared/domain/privacy-notice';
import { pushEventSchema } from '../../shared/api/push-events';
import { ChangeFeed } from '../../electron/core/api/change-feed';
import { apiRouteOf } from '../../electron/server/api-routes';
import { startHttpHost, type HttpHost } from '../../electron/server/http-host';
import { changesAsPush, HEARTBEAT_FRAME, sseFrame } from '../../electron/server/push-stream';
import { cleanup, startWithAdmin, tempDir, type TestCore } from '../helpers/temp-core';
import { until } from '../helpers/until';

const eventually = (ok: () => boolean) => until(async () => ok(), Boolean);
const TOKEN = 'launch-token-for-tests';
let t: TestCore | undefined;
let host: HttpHost | undefined;
let port: number;
const open: IncomingMessage[] = [];

afterEach(async () => {
  for (const res of open.splice(0)) res.destroy();
  await host?.close();
  host = undefined;
  await cleanup(t);
  t = undefined;
});

async function startHost(
  options: { maxPushStreams?: number; pushHeartbeatMs?: number } = {},
): Promise<TestCore> {
  const started = await startWithAdmin();
  t = started;
  const rendererDir = tempDir('loket-renderer-');
  mkdirSync(rendererDir, { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Loket</title>');
  const core = t.core;
  host = await startHttpHost({
    dispatch: core.dispatch,
    rendererDir,
    launchToken: TOKEN,
    subscribe: changesAsPush((l) => core.changes.subscribe(l)),
    mayListen: core.mayListen,
    ...options,
  });
  port = Number(new URL(host.url).port);
  return started;
}

interface Stream {
  status: number;
  res: IncomingMessage;
  /** Everything received so far. */
  text: () => string;
}

function listen(kind: string, headers: Record<string, string>): Promise<Stream> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path: `/api/events/${kind}`, headers },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('error', () => {});
        open.push(res);
        resolve({ status: res.statusCode ?? 0, res, text: () => text });
      },
    );
    req.on('error', reject);
    req.end();
  });
}

const auth = (session?: string) => ({
  Authorization: `Bearer ${TOKEN}`,
  ...(session !== undefined && { 'X-Loket-Session': session }),
});

/** The push events in a stream's text so far (comments and `retry:` left out). */
function events(text: string) {
  return text
    .split('\n\n')
    .filter((f) => f.startsWith('data: '))
    .map((f) => pushEventSchema.parse(JSON.parse(f.slice('data: '.length))));
}

describe('change feed → Server-Sent Events frames', () => {
  it('turns each published change into one data frame with its topics', () => {
    const feed = new ChangeFeed();
    const frames: string[] = [];
    const stop = changesAsPush((l) => feed.subscribe(l))((e) => frames.push(sseFrame(e)));
    feed.publish(['queue']);
    feed.publish(['queue', 'survey']);
    stop();
    feed.publish(['cases']);
    expect(frames).toEqual([
      'data: {"type":"change","topics":["queue"]}\n\n',
      'data: {"type":"change","topics":["queue","survey"]}\n\n',
    ]);
    expect(feed.size).toBe(0);
  });
});

describe('API routes come from the window kinds', () => {
  it('routes calls and streams of every kind, and nothing else', () => {
    expect(apiRouteOf('/api/staff/auth.me')).toEqual({
      type: 'call',
      window: 'staff',
      method: 'auth.me',
    });
    expect(apiRouteOf('/api/survey/survey.current')).toMatchObject({ window: 'survey' });
    expect(apiRouteOf('/api/display/board.calls')).toMatchObject({
      type: 'call',
      window: 'display',
    });
    expect(apiRouteOf('/api/events/display')).toEqual({ type: 'events', window: 'display' });
    expect(apiRouteOf('/api/upload/staff')).toEqual({ type: 'upload' });
    expect(apiRouteOf('/api/admin/auth.me')).toEqual({ type: 'unknown' });
    expect(apiRouteOf('/api/events/admin')).toEqual({ type: 'unknown' });
    expect(apiRouteOf('/api/staff/a/b')).toEqual({ type: 'unknown' });
    expect(apiRouteOf('/survey')).toBeNull();
  });
});

describe('the push stream over HTTP', () => {
  it('refuses a stream without the launch token, without a session, or with the wrong kind of session', async () => {
    const c = await startHost();
    const staffToken = c.token ?? '';
    expect((await listen('staff', {})).status).toBe(401);
    expect((await listen('staff', auth())).status).toBe(403);
    expect((await listen('staff', auth('not-a-session'))).status).toBe(403);
    // A staff session does not hear the board's stream, nor the board's display the staff one.
    expect((await listen('display', auth(staffToken))).status).toBe(403);
    const board = (await c.must('board.openDisplay', {})).displayToken;
    expect((await listen('staff', auth(board))).status).toBe(403);
    expect((await listen('survey', auth(board))).status).toBe(403);
    expect((await listen('display', auth(board))).status).toBe(200);
  });

  it('delivers a check-in to an open staff stream as a queue change, and nothing personal', async () => {
    const c = await startHost();
    const stream = await listen('staff', auth(c.token ?? ''));
    expect(stream.status).toBe(200);
    expect(stream.res.headers['content-type']).toMatch(/^text\/event-stream/);
    await c.must('visit.checkIn', {
      fullName: 'Budi Santoso',
      phone: '081234567890',
      purpose: 'Konsultasi',
      noticeVersion: currentNotice().version,
      noticeDelivery: 'read_out' as const,
    });
    await eventually(() => events(stream.text()).length > 0);
    expect(events(stream.text())).toEqual([{ type: 'change', topics: ['queue'] }]);
    expect(stream.text()).not.toContain('Budi');
  });

  it('sends a heartbeat on a quiet stream, caps open streams, and unsubscribes a closed one', async () => {
    const c = await startHost({ maxPushStreams: 2, pushHeartbeatMs: 50 });
    const token = c.token ?? '';
    const a = await listen('staff', auth(token));
    const b = await listen('staff', auth(token));
    expect((await listen('staff', auth(token))).status).toBe(503);
    expect(c.core.changes.size).toBe(2);
    await eventually(() => a.text().includes(HEARTBEAT_FRAME));
    a.res.destroy();
    await eventually(() => c.core.changes.size === 1);
    expect((await listen('staff', auth(token))).status).toBe(200);
    b.res.destroy();
  });
});
