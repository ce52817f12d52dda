import type { BoardAnnouncement } from '../../../shared/api/methods/board';

/** Speaks one announcement; resolves when it has finished (or failed: the queue goes on). */
export type Speak = (announcement: BoardAnnouncement) => Promise<void>;

/**
 * The board's announcements, one at a time. Each is spoken once by its event id, however often
 * the board reloads; a recall is a new event and so is spoken again. What is already on the
 * board when it starts (or comes back after the hub was away for long) is not read out: the
 * waiting room would hear a burst of stale calls.
 */
export class Announcer {
  private readonly heard = new Set<number>();
  private readonly waiting: BoardAnnouncement[] = [];
  private playing = false;
  private started = false;
  private idle: Promise<void> = Promise.resolve();
  private settle: (() => void) | null = null;

  constructor(private readonly speak: Speak) {}

  /**
   * The board's latest list (newest first). The first list only marks what is there as heard;
   * after that every id not heard yet is queued, oldest first.
   */
  update(latest: readonly BoardAnnouncement[]): void {
    const fresh = [...latest].reverse().filter((a) => !this.heard.has(a.id));
    for (const a of fresh) this.heard.add(a.id);
    if (!this.started) {
      this.started = true;
      return;
    }
    if (fresh.length === 0) return;
    this.waiting.push(...fresh);
    if (!this.playing) void this.drain();
  }

  /** Resolves when nothing is queued or playing: for tests and for a clean shutdown. */
  whenIdle(): Promise<void> {
    return this.playing ? this.idle : Promise.resolve();
  }

  /** How many wait behind the one playing. */
  get queued(): number {
    return this.waiting.length;
  }

  private async drain(): Promise<void> {
    this.playing = true;
    this.idle = new Promise((resolve) => (this.settle = resolve));
    try {
      for (let next = this.waiting.shift(); next; next = this.waiting.shift()) {
        try {
          await this.speak(next);
        } catch {
          // One call that cannot be played (a missing clip, a blocked speaker) must not stop
          // the ones after it; the board still shows it.
        }
      }
    } finally {
      this.playing = false;
      this.settle?.();
    }
  }
}
