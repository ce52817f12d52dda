import { AppError } from '../errors';

/** How long a refused caller is asked to wait: about one PIN check. */
const RETRY_AFTER_SECONDS = 1;

/**
 * Bounds the scrypt work in flight. Each check holds a thread of libuv's small pool for about
 * 100 ms; a burst of logins would otherwise queue file reads (static files, attachments) behind
 * hundreds of hashes. Logins beyond the bound are told to try again; staff actions that hash
 * (a new PIN) wait their turn instead.
 */
export class ScryptGate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly loginsInFlight = new Set<string>();

  constructor(private readonly capacity = 2) {}

  /**
   * A login for this username may check its PIN now: refused with BUSY when one is in flight for
   * it or no slot is free. Returns the release, to call once the check is done.
   */
  admitLogin(username: string): () => void {
    if (this.loginsInFlight.has(username) || this.running >= this.capacity) {
      throw new AppError('BUSY', { retryAfterSeconds: RETRY_AFTER_SECONDS });
    }
    this.loginsInFlight.add(username);
    this.running++;
    return () => {
      this.loginsInFlight.delete(username);
      this.release();
    };
  }

  /** Work by a logged-in staff member (or the first run): waits for a slot. */
  async queued<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.capacity) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running++;
    }
    try {
      return await work();
    } finally {
      this.release();
    }
  }

  private release(): void {
    const next = this.waiting.shift();
    // The slot passes straight to the next waiter, so that a login cannot slip in between.
    if (next) next();
    else this.running--;
  }
}
