export interface RtWebSessionOptions {
  /** RT's web root, e.g. `https://helpdesk.example.go.id/rt`. */
  webRoot: string;
  username: string;
  password: string;
  /** For the login; a login never waits longer than 5 s, as every request waits for it. */
  timeoutMs: number;
  /** A session older than this is replaced by a new login; default 10 minutes. */
  maxAgeMs?: number;
  /** After a login that did not work, how long before trying again; default 1 minute. */
  retryAfterMs?: number;
  now?: () => number;
}

/**
 * A logged-in RT web session, for REST2 requests. RT checks a Basic-auth password with bcrypt on
 * every request (about 0.2 s each at its default cost), but looks at a session cookie first, and
 * that costs nothing. The Basic header still goes with every request: a session that expired,
 * could not be opened or is refused only makes a request slower, never makes it fail, and the
 * Basic answer is what tells staff about wrong credentials.
 */
export class RtWebSession {
  private cookie: string | null = null;
  private openedAt = 0;
  private notBefore = 0;
  private pending: Promise<void> | null = null;
  private readonly now: () => number;

  constructor(private readonly o: RtWebSessionOptions) {
    this.now = o.now ?? Date.now;
  }

  /**
   * The headers that carry the session. RT takes a cookie on a POST only from a page of its own
   * (CSRF protection), so the Referer names RT's web root.
   */
  async headers(): Promise<Record<string, string>> {
    const now = this.now();
    const stale = !this.cookie || now - this.openedAt > (this.o.maxAgeMs ?? 10 * 60_000);
    if (stale && now >= this.notBefore) {
      this.pending ??= this.login().finally(() => {
        this.pending = null;
      });
      await this.pending;
    }
    return this.cookie ? { Cookie: this.cookie, Referer: `${this.o.webRoot}/` } : {};
  }

  /**
   * RT did not take the cookie (expired, or a POST from an address RT does not call its own):
   * the password alone for a while, rather than a login before every request.
   */
  refused(): void {
    this.cookie = null;
    this.notBefore = this.now() + (this.o.retryAfterMs ?? 60_000);
  }

  private get loginTimeoutMs(): number {
    return Math.min(this.o.timeoutMs, 5_000);
  }

  private async login(): Promise<void> {
    const startedAt = this.now();
    try {
      const sid = await this.openSession();
      if (sid && (await this.works(sid))) {
        this.cookie = sid;
        this.openedAt = startedAt;
        return;
      }
    } catch {
      // Unreachable or slow: the request itself, with its Basic header, reports that.
    }
    this.refused();
  }

  /** The session cookie RT hands out for the login form, logged in or not. */
  private async openSession(): Promise<string | undefined> {
    const res = await fetch(`${this.o.webRoot}/NoAuth/Login.html`, {
      method: 'POST',
      headers: { 'User-Agent': 'Loket-sync', Referer: `${this.o.webRoot}/` },
      body: new URLSearchParams({ user: this.o.username, pass: this.o.password }),
      redirect: 'manual',
      signal: AbortSignal.timeout(this.loginTimeoutMs),
    });
    await res.arrayBuffer();
    return res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0]?.trim() ?? '')
      .find((c) => c.startsWith('RT_SID_'));
  }

  /** RT answers its login form the same way whether it worked: ask the API with the cookie alone. */
  private async works(cookie: string): Promise<boolean> {
    const res = await fetch(`${this.o.webRoot}/REST/2.0/rt`, {
      headers: { 'User-Agent': 'Loket-sync', Accept: 'application/json', Cookie: cookie },
      redirect: 'manual',
      signal: AbortSignal.timeout(this.loginTimeoutMs),
    });
    await res.arrayBuffer();
    return res.status === 200;
  }
}
