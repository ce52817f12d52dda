import type { HubLink } from '../../shared/api/methods/station';

type Listener = (link: HubLink) => void;

/**
 * The station's view of its hub, one state at a time:
 * - `connected`: the last contact succeeded.
 * - `unreachable`: no answer; `since` stays the time of the FIRST failure, so the banner says how
 *   long the hub has been away, not when the last retry failed.
 * - `incompatible`: the hub speaks another contract; every call is refused here until it matches.
 * - `refused`: the hub revoked or does not know this station (final: no call is made until the
 *   PC is paired again), or another certificate answers at its address (cleared by the real hub).
 */
export class HubLinkTracker {
  private link: HubLink;
  private readonly listeners = new Set<Listener>();

  constructor(
    private readonly now: () => Date,
    initial: HubLink['state'] = 'unreachable',
  ) {
    this.link = { state: initial, since: now().toISOString() };
  }

  current(): HubLink {
    return this.link;
  }

  /** Whether calls may go to the hub at all; otherwise they are answered here. */
  blocksCalls(): boolean {
    return this.link.state === 'incompatible' || this.isFinallyRefused();
  }

  isFinallyRefused(): boolean {
    return (
      this.link.state === 'refused' &&
      (this.link.code === 'STATION_REVOKED' || this.link.code === 'STATION_UNKNOWN')
    );
  }

  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  connected(): void {
    if (this.isFinallyRefused()) return;
    this.set({ state: 'connected' });
  }

  unreachable(): void {
    if (this.isFinallyRefused() || this.link.state === 'incompatible') return;
    this.set({ state: 'unreachable' });
  }

  incompatible(update: 'hub' | 'station', hubVersion: string): void {
    if (this.isFinallyRefused()) return;
    this.set({ state: 'incompatible', update, hubVersion });
  }

  /** The hub answers and speaks our contract again (after an update): calls may resume. */
  compatibleAgain(): void {
    if (this.link.state === 'incompatible') this.set({ state: 'connected' });
  }

  refused(code: 'STATION_REVOKED' | 'STATION_UNKNOWN' | 'HUB_CERT_MISMATCH'): void {
    if (this.isFinallyRefused()) return;
    this.set({ state: 'refused', code });
  }

  private set(next: Omit<HubLink, 'since'>): void {
    const same =
      next.state === this.link.state &&
      next.code === this.link.code &&
      next.update === this.link.update &&
      next.hubVersion === this.link.hubVersion;
    if (same) return;
    this.link = { ...next, since: this.now().toISOString() };
    for (const listener of this.listeners) listener(this.link);
  }
}
