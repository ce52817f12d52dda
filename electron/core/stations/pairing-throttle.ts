/** How many wrong pairing codes may be tried, per source address and by everyone together. */
export interface PairingThrottleLimits {
  windowMs: number;
  perAddress: number;
  overall: number;
}

export const DEFAULT_PAIRING_THROTTLE: PairingThrottleLimits = {
  windowMs: 10 * 60_000,
  perAddress: 5,
  overall: 20,
};

/**
 * Counts failed pairing attempts in a sliding window. A code has about 40 bits and lives 10
 * minutes: at these rates a guesser has no chance, and a typo or two costs nobody a wait.
 * In memory: a restart of the hub forgets the count, and also every code's purpose is gone
 * in 10 minutes anyway.
 */
export class PairingThrottle {
  private readonly byAddress = new Map<string, number[]>();
  private overall: number[] = [];

  constructor(
    private readonly limits: PairingThrottleLimits,
    private readonly now: () => Date,
  ) {}

  /** Seconds to wait before this address may try again, or 0. */
  retryAfterSeconds(address: string): number {
    const now = this.now().getTime();
    const mine = this.recent(this.byAddress.get(address) ?? [], now);
    this.overall = this.recent(this.overall, now);
    const waits: number[] = [];
    if (mine.length >= this.limits.perAddress) waits.push(this.waitFor(mine, now));
    if (this.overall.length >= this.limits.overall) waits.push(this.waitFor(this.overall, now));
    return waits.length === 0 ? 0 : Math.max(1, Math.ceil(Math.max(...waits) / 1000));
  }

  failed(address: string): void {
    const now = this.now().getTime();
    const mine = this.recent(this.byAddress.get(address) ?? [], now);
    mine.push(now);
    this.byAddress.set(address, mine);
    this.overall = this.recent(this.overall, now);
    this.overall.push(now);
    // Addresses that stopped trying are forgotten, so the map cannot grow without bound.
    for (const [a, times] of this.byAddress) {
      if (this.recent(times, now).length === 0) this.byAddress.delete(a);
    }
  }

  private recent(times: number[], now: number): number[] {
    return times.filter((t) => now - t < this.limits.windowMs);
  }

  /** Until the oldest failure in the window leaves it. */
  private waitFor(times: readonly number[], now: number): number {
    return (times[0] ?? now) + this.limits.windowMs - now;
  }
}
