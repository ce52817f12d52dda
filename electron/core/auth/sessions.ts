import { randomBytes } from 'node:crypto';
import type { DisplayKind, Role, WindowKind } from '../../../shared/domain/roles';
import { WINDOW_KIND_SPECS } from '../../../shared/domain/station-kinds';
import { serviceDayOf } from '../../../shared/time';

/** A staff member at their screen. */
export interface StaffSession {
  kind: 'staff';
  staffId: number;
  roles: readonly Role[];
  lastSeen: number;
  /** The absolute end (ms), whatever the activity. */
  endsAt: number;
  /** The paired station it was made at: refused at any other (and on the hub's own host). */
  stationId?: number;
}

/**
 * Who opened a display: a staff member from their own screen (it ends with their session), or
 * the hub itself for a paired waiting-room display station, which has nobody logged in.
 */
export type DisplayOpener =
  { by: 'staff'; staffId: number; token: string } | { by: 'station'; stationId: number };

/**
 * A screen facing the visitors (the survey, the waiting-room board). It never carries a staff
 * member's session: it may call only the methods whose access names its display kind.
 */
export interface DisplaySession {
  kind: 'display';
  display: DisplayKind;
  openedBy: DisplayOpener;
  /** The absolute end (ms): the end of the staff session that opened it, or of the service day. */
  expiresAt: number;
  /** The paired station it shows on (a survey screen's own, or its officer's). */
  stationId?: number;
}

export type Session = StaffSession | DisplaySession;

const endOf = (s: Session): number => (s.kind === 'staff' ? s.endsAt : s.expiresAt);
/** The staff member behind a session, if any: a station's own display has none. */
export const staffIdOf = (s: Session): number | null => {
  if (s.kind === 'staff') return s.staffId;
  return s.openedBy.by === 'staff' ? s.openedBy.staffId : null;
};
const openerOf = (s: Session): string | undefined =>
  s.kind === 'display' && s.openedBy.by === 'staff' ? s.openedBy.token : undefined;

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
   * A display of this kind for the staff member of this session. It replaces their previous
   * display of the same kind and ends with the session that opened it (logout, its absolute end,
   * deactivation, a PIN reset) — but not when that session merely idles: in same-window survey
   * mode the officer's own screen is the display, and nobody makes staff calls with it.
   */
  createDisplay(staffToken: string, display: DisplayKind, stationId?: number): string {
    const staff = this.sessions.get(staffToken);
    if (!staff || staff.kind !== 'staff') throw new Error('a display needs a live staff session');
    this.endDisplaysOf(staff.staffId, display);
    const boundTo = stationId ?? staff.stationId;
    return this.add({
      kind: 'display',
      display,
      openedBy: { by: 'staff', staffId: staff.staffId, token: staffToken },
      expiresAt: staff.endsAt,
      // A paired survey screen gets its own station; else the display is where its officer is.
      ...(boundTo !== undefined && { stationId: boundTo }),
    });
  }

  /**
   * The hub's own display session for a paired display station (no staff behind it), made
   * afresh each service day; it is good at that station alone and calls only its display's
   * methods. Revoking the station refuses its credential before any session is looked at.
   */
  createStationDisplay(stationId: number, display: DisplayKind): string {
    return this.add({
      kind: 'display',
      display,
      openedBy: { by: 'station', stationId },
      expiresAt: serviceDayEnd(this.now()),
      stationId,
    });
  }

  /** A login made through a paired station belongs to that station alone. */
  bindToStation(token: string, stationId: number): void {
    const session = this.sessions.get(token);
    if (session) session.stationId = stationId;
  }

  /** The displays a staff member opened (of one kind, or all). */
  endDisplaysOf(staffId: number, display?: DisplayKind): void {
    for (const [token, s] of this.sessions) {
      if (s.kind !== 'display' || staffIdOf(s) !== staffId) continue;
      if (display === undefined || s.display === display) this.sessions.delete(token);
    }
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
    if (idle || now >= endOf(session)) {
      this.sessions.delete(token);
      return undefined;
    }
    if (refresh && session.kind === 'staff') session.lastSeen = now;
    return session;
  }

  /**
   * Whether this session may hear that window kind's push stream: a staff session the staff
   * window's, a display session only its own display's. Listening keeps nobody logged in.
   */
  mayListen(window: WindowKind, token: string | undefined): boolean {
    const session = this.touch(token, { refresh: false });
    if (!session) return false;
    if (WINDOW_KIND_SPECS[window].staffLogin) return session.kind === 'staff';
    return session.kind === 'display' && session.display === window;
  }

  /** Logout: the session and the display it opened. */
  end(token: string): void {
    this.sessions.delete(token);
    for (const [t, s] of this.sessions) if (openerOf(s) === token) this.sessions.delete(t);
  }

  /** Every session of a staff member (and their displays), but the one named, if any. */
  endAllFor(staffId: number, except?: string): void {
    for (const [token, s] of this.sessions) {
      const kept = except !== undefined && (token === except || openerOf(s) === except);
      if (staffIdOf(s) !== staffId || kept) continue;
      this.sessions.delete(token);
    }
  }

  private add(session: Session): string {
    const now = this.now().getTime();
    for (const [t, s] of this.sessions) if (now >= endOf(s)) this.sessions.delete(t);
    const token = randomBytes(32).toString('base64url');
    this.sessions.set(token, session);
    return token;
  }
}
