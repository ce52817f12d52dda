import { randomBytes } from 'node:crypto';
import type { Role } from '../../../shared/domain/roles';

/** A staff member at their screen, or a visitor-facing survey display opened by an officer. */
export type SessionKind = 'staff' | 'survey_display';

export interface Session {
  kind: SessionKind;
  staffId: number;
  roles: readonly Role[];
  lastSeen: number;
}

/** Staff sessions live in memory: a restart of the host means logging in again. */
export class SessionStore {
  private readonly sessions = new Map<string, Session>();

  constructor(
    private readonly idleMs: number,
    private readonly now: () => Date,
  ) {}

  create(staffId: number, roles: readonly Role[], kind: SessionKind = 'staff'): string {
    const token = randomBytes(32).toString('base64url');
    this.sessions.set(token, { kind, staffId, roles, lastSeen: this.now().getTime() });
    return token;
  }

  /** The session for a token, refreshed; undefined when unknown or idle too long. */
  touch(token: string | undefined): Session | undefined {
    if (!token) return undefined;
    const session = this.sessions.get(token);
    if (!session) return undefined;
    const now = this.now().getTime();
    // A survey display stands in the room all day; only staff sessions time out.
    if (session.kind === 'staff' && now - session.lastSeen > this.idleMs) {
      this.sessions.delete(token);
      return undefined;
    }
    session.lastSeen = now;
    return session;
  }

  end(token: string): void {
    this.sessions.delete(token);
  }

  endAllFor(staffId: number): void {
    for (const [token, s] of this.sessions) if (s.staffId === staffId) this.sessions.delete(token);
  }
}
