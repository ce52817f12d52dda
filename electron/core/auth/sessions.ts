import { randomBytes } from 'node:crypto';
import type { Role } from '../../../shared/domain/roles';
import { serviceDayOf } from '../../../shared/time';

/** A staff member at their screen, or a visitor-facing survey display opened by an officer. */
export type SessionKind = 'staff' | 'survey_display';

export interface Session {
  kind: SessionKind;
  staffId: number;
  roles: readonly Role[];
  lastSeen: number;
  /** The absolute end (ms), whatever the activity. */
  endsAt: number;
  /** For a display: the staff session that opened it. */
  openedBy?: string;
  /** The paired station it was made at: refused at any other (and on the hub's own host). */
  stationId?: number;
}

export interface SessionPolicy {
  /** A staff session ends after this long without a user action. */
  idleMs: number;
  /** ... and at the latest this long after login. */
  maxMs: number;
  /** ... and at the end of the WIB service day it started in. */
  endAtServiceDayEnd: boolean;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The next midnight in Jakarta (WIB is UTC+7 all year). */
export function serviceDayEnd(instant: Date): number {
  return Date.parse(`${serviceDayOf(instant)}T00:00:00+07:00`) + DAY_MS;
}

/** Staff sessions live in memory: a restart of the host means logging in again. */
export class SessionStore {
  private readonly sessions = new Map<string, Session>();

  constructor(
    private readonly policy: SessionPolicy,
    private readonly now: () => Date,
  ) {}

  create(staffId: number, roles: readonly Role[]): string {
    const now = this.now();
    const dayEnd = this.policy.endAtServiceDayEnd ? serviceDayEnd(now) : Infinity;
    const endsAt = Math.min(now.getTime() + this.policy.maxMs, dayEnd);
    return this.add({ kind: 'staff', staffId, roles, lastSeen: now.getTime(), endsAt });
  }

  /**
   * A survey display for the officer of this staff session. It replaces the officer's previous
   * display and ends with the session that opened it (logout, its absolute end, deactivation, a
   * PIN reset) — but not when that session merely idles: in same-window survey mode the officer's
   * own screen is the display, and nobody makes staff calls with it.
   */
  createDisplay(staffToken: string, stationId?: number): string {
    const staff = this.sessions.get(staffToken);
    if (!staff || staff.kind !== 'staff') throw new Error('a display needs a live staff session');
    for (const [token, s] of this.sessions) {
      if (s.kind === 'survey_display' && s.staffId === staff.staffId) this.sessions.delete(token);
    }
    const boundTo = stationId ?? staff.stationId;
    return this.add({
      kind: 'survey_display',
      staffId: staff.staffId,
      roles: [],
      lastSeen: this.now().getTime(),
      endsAt: staff.endsAt,
      openedBy: staffToken,
      // A paired survey screen gets its own station; else the display is where its officer is.
      ...(boundTo !== undefined && { stationId: boundTo }),
    });
  }

  /** A login made through a paired station belongs to that station alone. */
  bindToStation(token: string, stationId: number): void {
    const session = this.sessions.get(token);
    if (session) session.stationId = stationId;
  }

  /**
   * The session for a token; undefined when unknown, past its end, or (staff) idle too long.
   * Only a user's own action refreshes it: a screen's background polling does not.
   */
  touch(token: string | undefined, { refresh }: { refresh: boolean }): Session | undefined {
    if (!token) return undefined;
    const session = this.sessions.get(token);
    if (!session) return undefined;
    const now = this.now().getTime();
    const idle = session.kind === 'staff' && now - session.lastSeen > this.policy.idleMs;
    if (idle || now >= session.endsAt) {
      this.sessions.delete(token);
      return undefined;
    }
    if (refresh) session.lastSeen = now;
    return session;
  }

  /** Logout: the session and the display it opened. */
  end(token: string): void {
    this.sessions.delete(token);
    for (const [t, s] of this.sessions) if (s.openedBy === token) this.sessions.delete(t);
  }

  /** Every session of a staff member (and their displays), but the one named, if any. */
  endAllFor(staffId: number, except?: string): void {
    for (const [token, s] of this.sessions) {
      const kept = except !== undefined && (token === except || s.openedBy === except);
      if (s.staffId !== staffId || kept) continue;
      this.sessions.delete(token);
    }
  }

  private add(session: Session): string {
    const now = this.now().getTime();
    for (const [t, s] of this.sessions) if (now >= s.endsAt) this.sessions.delete(t);
    const token = randomBytes(32).toString('base64url');
    this.sessions.set(token, session);
    return token;
  }
}
