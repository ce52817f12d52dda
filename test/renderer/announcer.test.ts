import { describe, expect, it } from 'vitest';
import type { BoardAnnouncement } from '../../shared/api/methods/board';
import { Announcer } from '../../renderer/src/board/announcer';
import { AutoplayBlocked, playClips, type ClipElement } from '../../renderer/src/board/clip-player';

const call = (id: number, queueLabel: string): BoardAnnouncement => ({
  id,
  queueLabel,
  at: '2026-11-24T02:00:00.000Z',
  room: 'konsultasi',
  desk: 2,
});

/** A speaker whose calls end only when the test says so, logging starts and ends. */
function manualSpeaker() {
  const log: string[] = [];
  const pending: (() => void)[] = [];
  let speaking = 0;
  let maxSpeaking = 0;
  const speak = (a: BoardAnnouncement) =>
    new Promise<void>((resolve) => {
      speaking++;
      maxSpeaking = Math.max(maxSpeaking, speaking);
      log.push(`start ${a.queueLabel}#${a.id}`);
      pending.push(() => {
        speaking--;
        log.push(`end ${a.queueLabel}#${a.id}`);
        resolve();
      });
    });
  const finishOne = async () => {
    pending.shift()?.();
    await new Promise((r) => setTimeout(r, 0));
  };
  return { log, speak, finishOne, maxSpeaking: () => maxSpeaking };
}

describe('the announcement queue', () => {
  it('plays two calls in quick succession one after the other, never overlapping', async () => {
    const s = manualSpeaker();
    const a = new Announcer(s.speak);
    a.update([]); // the board's first load
    a.update([call(1, 'K-001')]);
    a.update([call(2, 'K-002'), call(1, 'K-001')]);
    expect(s.log).toEqual(['start K-001#1']);
    expect(a.queued).toBe(1);
    await s.finishOne();
    expect(s.log).toEqual(['start K-001#1', 'end K-001#1', 'start K-002#2']);
    await s.finishOne();
    await a.whenIdle();
    expect(s.log.at(-1)).toBe('end K-002#2');
    expect(s.maxSpeaking()).toBe(1);
  });

  it('speaks each call once however often the board reloads, and a recall again', async () => {
    const s = manualSpeaker();
    const a = new Announcer(s.speak);
    a.update([]);
    a.update([call(5, 'K-007')]);
    await s.finishOne();
    a.update([call(5, 'K-007')]);
    a.update([call(5, 'K-007')]);
    expect(s.log).toEqual(['start K-007#5', 'end K-007#5']);
    // The recall is a new event of the same visit.
    a.update([call(9, 'K-007'), call(5, 'K-007')]);
    await s.finishOne();
    expect(s.log.slice(2)).toEqual(['start K-007#9', 'end K-007#9']);
  });

  it('does not read out what was already on the board when it started', async () => {
    const s = manualSpeaker();
    const a = new Announcer(s.speak);
    a.update([call(3, 'K-003'), call(2, 'K-002')]);
    await a.whenIdle();
    expect(s.log).toEqual([]);
    a.update([call(4, 'K-004'), call(3, 'K-003'), call(2, 'K-002')]);
    expect(s.log).toEqual(['start K-004#4']);
  });

  it('plays several new calls oldest first, and goes on after one that fails', async () => {
    const played: string[] = [];
    const a = new Announcer(async (c) => {
      played.push(c.queueLabel);
      if (c.id === 11) throw new Error('clip missing');
    });
    a.update([]);
    a.update([call(12, 'K-012'), call(11, 'K-011'), call(10, 'K-010')]);
    await a.whenIdle();
    expect(played).toEqual(['K-010', 'K-011', 'K-012']);
  });
});

/** A fake HTMLAudioElement: "plays" until the test ends it, and records what overlapped. */
class FakeClip implements ClipElement {
  static playing = 0;
  static maxPlaying = 0;
  static log: string[] = [];
  static current: FakeClip | null = null;
  volume = 1;
  preload = '';
  private listeners: Record<string, (() => void)[]> = {};
  constructor(
    readonly url: string,
    private readonly failWith?: string,
  ) {}
  play(): Promise<void> {
    if (this.failWith) {
      const err = new Error(this.failWith);
      err.name = this.failWith;
      return Promise.reject(err);
    }
    FakeClip.playing++;
    FakeClip.maxPlaying = Math.max(FakeClip.maxPlaying, FakeClip.playing);
    FakeClip.log.push(`${this.url}@${this.volume}`);
    FakeClip.current = this;
    return Promise.resolve();
  }
  pause(): void {}
  addEventListener(type: string, listener: () => void): void {
    (this.listeners[type] ??= []).push(listener);
  }
  end(): void {
    FakeClip.playing--;
    for (const l of this.listeners.ended ?? []) l();
  }
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('the clip player', () => {
  it('plays the clips of a call in order, one at a time, at the set volume', async () => {
    FakeClip.log = [];
    FakeClip.maxPlaying = 0;
    const done = playClips(['a.ogg', 'b.ogg', 'c.ogg'], 0.35, (url) => new FakeClip(url));
    for (let i = 0; i < 3; i++) {
      await tick();
      FakeClip.current?.end();
    }
    await done;
    expect(FakeClip.log).toEqual(['a.ogg@0.35', 'b.ogg@0.35', 'c.ogg@0.35']);
    expect(FakeClip.maxPlaying).toBe(1);
  });

  it('skips a clip that cannot be played, and says when the browser blocks sound', async () => {
    FakeClip.log = [];
    const done = playClips(
      ['a.ogg', 'bad.ogg', 'c.ogg'],
      1,
      (url) => new FakeClip(url, url === 'bad.ogg' ? 'NotSupportedError' : undefined),
    );
    for (let i = 0; i < 2; i++) {
      await tick();
      FakeClip.current?.end();
    }
    await done;
    expect(FakeClip.log).toEqual(['a.ogg@1', 'c.ogg@1']);
    await expect(
      playClips(['a.ogg'], 1, (url) => new FakeClip(url, 'NotAllowedError')),
    ).rejects.toBeInstanceOf(AutoplayBlocked);
  });
});
