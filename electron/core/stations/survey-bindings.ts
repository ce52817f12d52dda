import type { SessionStore } from '../auth/sessions';
import { AppError } from '../errors';
import type { StationRegistry } from './station-registry';

/**
 * Which officer's display session answers a paired survey screen. The screen itself never
 * holds a token: the hub keeps it here and uses it for that station's survey calls. A binding
 * ends with the officer's session (logout, PIN reset, end of day) and when the officer binds
 * another screen, since an officer has one display at a time (SessionStore.createDisplay).
 */
export class SurveyBindings {
  private readonly tokens = new Map<number, string>();

  constructor(
    private readonly sessions: SessionStore,
    private readonly stations: StationRegistry,
  ) {}

  bind(stationId: number, officerToken: string | undefined): void {
    if (!officerToken) throw new AppError('UNAUTHENTICATED');
    const station = this.stations.get(stationId);
    if (station.kind !== 'survey' || station.revoked) throw new AppError('NOT_FOUND');
    const token = this.sessions.createDisplay(officerToken, 'survey', stationId);
    this.tokens.set(stationId, token);
  }

  /** The display session to answer this survey station's calls with, if one is live. */
  tokenFor(stationId: number): string | undefined {
    const token = this.tokens.get(stationId);
    if (token === undefined) return undefined;
    if (!this.sessions.touch(token, { refresh: false })) {
      this.tokens.delete(stationId);
      return undefined;
    }
    return token;
  }

  /** The officer whose surveys this station shows now, if any. */
  officerOf(stationId: number): number | undefined {
    const token = this.tokenFor(stationId);
    const session =
      token === undefined ? undefined : this.sessions.touch(token, { refresh: false });
    return session?.kind === 'display' && session.openedBy.by === 'staff'
      ? session.openedBy.staffId
      : undefined;
  }

  unbind(stationId: number): void {
    const token = this.tokens.get(stationId);
    if (token !== undefined) this.sessions.end(token);
    this.tokens.delete(stationId);
  }
}
