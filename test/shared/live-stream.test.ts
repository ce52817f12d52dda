import { describe, expect, it } from 'vitest';
import type { PushEvent } from '../../shared/api/push-events';
import {
  INITIAL_LINK,
  linkLost,
  linkOpened,
  linkRetrying,
  MAX_RETRY_MS,
  retryDelayMs,
} from '../../renderer/src/api/live-link';
import { createStreamFeed } from '../../renderer/src/api/live';
import { until } from '../helpers/until';

describe('the push link as a state machine', () => {
  it('backs off 1 s, 2 s, 4 s … up to 30 s, keeps when it went down, and resyncs on every open', () => {
    let s = INITIAL_LINK;
    const delays: number[] = [];
    for (let i = 0; i < 7; i++) {
      const lost = linkLost(s, 1_000 + i, 0);
      delays.push(lost.retryInMs);
      s = linkRetrying(lost.state);
    }
    expect(delays).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000]);
    expect(s).toEqual({ status: 'down', failures: 7, downSince: 1_000 });
    const opened = linkOpened();
    expect(opened).toEqual({
      state: { status: 'open', failures: 0, downSince: null },
      resync: true,
    });
    // After it opened, a new loss starts the backoff and the "since" again.
    expect(linkLost(opened.state, 9_000, 0).state).toEqual({
      status: 'down',
      failures: 1,
      downSince: 9_000,
    });
    expect(retryDelayMs(20, 1)).toBe(MAX_RETRY_MS * 1.2);
  });
});

/** A fake host: each connection is a stream the test writes frames to, or a refusal. */
function fakeHost() {
  const connections: { write: (s: string) => void; end: () => void; headers: HeadersInit }[] = [];
  let refuseNext = 0;
  const fetch = (_url: string, init: RequestInit): Promise<Response> => {
    if (refuseNext > 0) {
      refuseNext--;
      return Promise.resolve(new Response('', { status: 403 }));
    }
    const encoder = new TextEncoder();
    let controller!: ReadableStreamDefaultController<Uint8Array>;
    const body = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) });
    init.signal?.addEventListener('abort', () => controller.error(new Error('aborted')));
    connections.push({
      write: (s) => controller.enqueue(encoder.encode(s)),
      end: () => controller.close(),
      headers: init.headers ?? {},
    });
    return Promise.resolve(new Response(body, { status: 200 }));
  };
  return { connections, fetch, refuse: (n: number) => void (refuseNext = n) };
}

describe('the tab’s push stream', () => {
  it('parses frames split anywhere, reconnects after the stream ends, and resyncs after it', async () => {
    const host = fakeHost();
    const feed = createStreamFeed({
      url: '/api/events/staff',
      headers: () => ({ Authorization: 'Bearer t', 'X-Loket-Session': 's' }),
      fetch: host.fetch,
      random: () => 0,
    });
    const heard: PushEvent[] = [];
    const statuses: boolean[] = [];
    feed.onStatus((s) => statuses.push(s.connected));
    const stop = feed.subscribe((e) => heard.push(e));
    await until(
      async () => host.connections.length,
      (n) => n === 1,
    );
    const first = host.connections[0]!;
    expect(first.headers).toMatchObject({ 'X-Loket-Session': 's' });
    first.write('retry: 2000\n\n: heartbeat\n\ndata: {"type":"change",');
    first.write('"topics":["queue"]}\n\ndata: not json\n\n');
    await until(
      async () => heard.length,
      (n) => n === 2,
    );
    expect(heard).toEqual([{ type: 'resync' }, { type: 'change', topics: ['queue'] }]);

    host.refuse(1); // the host restarts: the first try is refused, the next one opens
    first.end();
    await until(
      async () => host.connections.length,
      (n) => n === 2,
      { tries: 100, everyMs: 50 },
    );
    await until(
      async () => heard.length,
      (n) => n === 3,
    );
    expect(heard[2]).toEqual({ type: 'resync' });
    expect(statuses).toEqual([true, false, true]);
    expect(feed.status()).toEqual({ connected: true, downSince: null });
    stop();
  });
});
