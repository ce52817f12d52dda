import type { Topic } from '../../../shared/api/topics';

export type ChangeListener = (topics: readonly Topic[]) => void;

/** Tells whoever listens (push streams, Electron windows) which topics changed; in-process only. */
export class ChangeFeed {
  private readonly listeners = new Set<ChangeListener>();

  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(topics: readonly Topic[]): void {
    if (topics.length === 0) return;
    for (const listener of this.listeners) {
      // One broken stream must not stop the others, nor fail the call that changed something.
      try {
        listener(topics);
      } catch {
        this.listeners.delete(listener);
      }
    }
  }

  get size(): number {
    return this.listeners.size;
  }
}
