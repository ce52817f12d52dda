/** What the player needs of an HTMLAudioElement: one element per clip, played one at a time. */
export interface ClipElement {
  volume: number;
  preload: string;
  play(): Promise<void>;
  pause(): void;
  addEventListener(
    type: 'ended' | 'error',
    listener: () => void,
    options?: { once: boolean },
  ): void;
}

/** The browser refused to play before anyone touched the page (its autoplay policy). */
export class AutoplayBlocked extends Error {
  constructor() {
    super('autoplay blocked');
    this.name = 'AutoplayBlocked';
  }
}

/** No clip is longer than this; a clip that never says "ended" cannot hold the queue. */
const CLIP_TIMEOUT_MS = 8_000;

/**
 * Plays the clips end to end. All are created (and so start loading) at once, so that the next
 * one is ready when the one before ends; each starts only after the one before ended or failed.
 */
export async function playClips(
  urls: readonly string[],
  volume: number,
  create: (url: string) => ClipElement,
): Promise<void> {
  const clips = urls.map((url) => {
    const clip = create(url);
    clip.preload = 'auto';
    clip.volume = Math.min(1, Math.max(0, volume));
    return clip;
  });
  for (const clip of clips) {
    const done = new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, CLIP_TIMEOUT_MS);
      const end = () => {
        clearTimeout(timer);
        resolve();
      };
      clip.addEventListener('ended', end, { once: true });
      clip.addEventListener('error', end, { once: true });
    });
    try {
      await clip.play();
    } catch (err) {
      if (err instanceof Error && err.name === 'NotAllowedError') throw new AutoplayBlocked();
      continue; // a clip that cannot be decoded is skipped, not waited for
    }
    await done;
    clip.pause();
  }
}
