import type { SessionStore } from '../auth/sessions';

/**
 * The display session each paired waiting-room display station is answered with. Nobody logs
 * in at such a station, so the hub makes the session itself (opened by the station, no staff
 * behind it), keeps the token here and uses it for that station's calls: the board's methods
 * pass, every other method is refused by its access. A new one is made when the day's ends.
 */
export class StationDisplays {
  private readonly tokens = new Map<number, string>();

  constructor(private readonly sessions: SessionStore) {}

  tokenFor(stationId: number): string {
    const kept = this.tokens.get(stationId);
    if (kept !== undefined && this.sessions.touch(kept, { refresh: false })) return kept;
    const token = this.sessions.createStationDisplay(stationId, 'display');
    this.tokens.set(stationId, token);
    return token;
  }
}
