import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PushEvent } from '../../shared/api/push-events';
import type { LiveFeed, LiveStatus } from '../../renderer/src/api/live';
import { followTopics } from '../../renderer/src/hooks/follow-topics';

/** A push stream the test drives: events, and the link going up and down. */
function fakeFeed(connected: boolean) {
  const listeners = new Set<(e: PushEvent) => void>();
  const statusListeners = new Set<(s: LiveStatus) => void>();
  let status: LiveStatus = { connected, downSince: connected ? null : 0 };
  const feed: LiveFeed = {
    subscribe(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    status: () => status,
    onStatus(l) {
      statusListeners.add(l);
      return () => statusListeners.delete(l);
    },
  };
  return {
    feed,
    push: (e: PushEvent) => listeners.forEach((l) => l(e)),
    link: (up: boolean) => {
      status = { connected: up, downSince: up ? null : Date.now() };
      statusListeners.forEach((l) => l(status));
    },
    listening: () => listeners.size + statusListeners.size,
  };
}

describe('followTopics', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reloads on a change of its own topics and on a resync, not on others', () => {
    const f = fakeFeed(true);
    const reload = vi.fn();
    followTopics(f.feed, { topics: ['staff', 'settings'], fallbackMs: 1000 }, reload);
    f.push({ type: 'change', topics: ['queue', 'cases'] });
    f.push({ type: 'hub', state: 'connected', since: '2026-12-02T01:00:00.000Z' });
    expect(reload).not.toHaveBeenCalled();
    f.push({ type: 'change', topics: ['queue', 'settings'] });
    expect(reload).toHaveBeenCalledTimes(1);
    f.push({ type: 'resync' });
    expect(reload).toHaveBeenCalledTimes(2);
  });

  it('polls only while the stream is down', () => {
    const f = fakeFeed(true);
    const reload = vi.fn();
    followTopics(f.feed, { topics: ['staff'], fallbackMs: 1000 }, reload);
    vi.advanceTimersByTime(5000);
    expect(reload).not.toHaveBeenCalled();
    f.link(false);
    vi.advanceTimersByTime(3000);
    expect(reload).toHaveBeenCalledTimes(3);
    f.link(true);
    vi.advanceTimersByTime(5000);
    expect(reload).toHaveBeenCalledTimes(3);
  });

  it('polls alwaysEveryMs with the stream up, and the sooner of the two while it is down', () => {
    const f = fakeFeed(true);
    const reload = vi.fn();
    followTopics(f.feed, { topics: ['storage'], fallbackMs: 1000, alwaysEveryMs: 4000 }, reload);
    vi.advanceTimersByTime(8000);
    expect(reload).toHaveBeenCalledTimes(2);
    f.link(false);
    vi.advanceTimersByTime(2000);
    expect(reload).toHaveBeenCalledTimes(4);
  });

  it('with no topics listens to nothing and never polls on its own', () => {
    const f = fakeFeed(false);
    const reload = vi.fn();
    const stop = followTopics(f.feed, { topics: [], fallbackMs: 1000 }, reload);
    expect(f.listening()).toBe(0);
    f.push({ type: 'resync' });
    vi.advanceTimersByTime(10_000);
    expect(reload).not.toHaveBeenCalled();
    stop();
  });

  it('with no topics but alwaysEveryMs just polls (a scan in progress)', () => {
    const f = fakeFeed(true);
    const reload = vi.fn();
    const stop = followTopics(f.feed, { topics: [], fallbackMs: 1000, alwaysEveryMs: 300 }, reload);
    expect(f.listening()).toBe(0);
    vi.advanceTimersByTime(900);
    expect(reload).toHaveBeenCalledTimes(3);
    stop();
    vi.advanceTimersByTime(900);
    expect(reload).toHaveBeenCalledTimes(3);
  });

  it('stops listening and polling when stopped', () => {
    const f = fakeFeed(false);
    const reload = vi.fn();
    const stop = followTopics(f.feed, { topics: ['queue'], fallbackMs: 1000 }, reload);
    expect(f.listening()).toBe(2);
    stop();
    expect(f.listening()).toBe(0);
    f.push({ type: 'change', topics: ['queue'] });
    f.link(false);
    vi.advanceTimersByTime(5000);
    expect(reload).not.toHaveBeenCalled();
  });
});
