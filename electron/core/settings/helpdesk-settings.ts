import type { Db } from '../db/open-database';
import { RtConnector } from '../sync/connectors/rt-connector';
import type { HelpdeskConnector } from '../sync/connectors/helpdesk-connector';
import type { SecretStore } from './secret-store';

export interface HelpdeskSettings {
  url: string;
  queue: string;
  username: string;
  hasSecret: boolean;
}

const KEYS = {
  url: 'helpdesk_url',
  queue: 'helpdesk_queue',
  username: 'helpdesk_username',
} as const;

/** The backend helpdesk's address and account (in the database) and its secret (kept apart). */
export class HelpdeskConfig {
  private readonly q;

  constructor(
    db: Db,
    private readonly secrets: SecretStore,
  ) {
    this.q = {
      get: db.prepare<[string], { value: string }>('SELECT value FROM app_setting WHERE key = ?'),
      set: db.prepare<[string, string]>(
        'INSERT INTO app_setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      ),
    };
  }

  get(): HelpdeskSettings {
    const value = (key: string) => this.q.get.get(key)?.value ?? '';
    return {
      url: value(KEYS.url),
      queue: value(KEYS.queue),
      username: value(KEYS.username),
      hasSecret: this.secrets.get() !== null,
    };
  }

  save(settings: {
    url: string;
    queue: string;
    username: string;
    secret?: string | undefined;
  }): HelpdeskSettings {
    this.q.set.run(KEYS.url, settings.url);
    this.q.set.run(KEYS.queue, settings.queue);
    this.q.set.run(KEYS.username, settings.username);
    if (settings.secret !== undefined) this.secrets.set(settings.secret);
    return this.get();
  }

  /** The configured backend, or null until an address, queue, account and secret are all set. */
  connector(): HelpdeskConnector | null {
    const s = this.get();
    const secret = this.secrets.get();
    if (!s.url || !s.queue || !s.username || secret === null) return null;
    return new RtConnector({
      baseUrl: s.url,
      queue: s.queue,
      credentials: { username: s.username, password: secret },
    });
  }
}
