import { randomBytes } from 'node:crypto';
import type { Role } from '../../../shared/domain/roles';

export interface Session {
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

  create(staffId: number, roles: readonly Role[]): string {
    const token = randomBytes(32).toString('base64url');
    this.sessions.set(token, { staffId, roles, lastSeen: this.now().getTime() });
    return token;
  }

  /** The session for a token, refreshed; undefined when unknown or idle too long. */
  touch(token: string | undefined): Session | undefined {
    if (!token) return undefined;
    const session = this.sessions.get(token);
    if (!session) return undefined;
    const now = this.now().getTime();
    if (now - session.lastSeen > this.idleMs) {
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
