import { createHash } from 'node:crypto';
import type { Db } from '../db/open-database';
import { AppError } from '../errors';
import type { HelpdeskConnector } from '../sync/connectors/helpdesk-connector';
import { JsonConnector } from '../sync/connectors/json-connector';
import { RtConnector } from '../sync/connectors/rt-connector';
import type { SecretStore } from './secret-store';

import {
  DEFAULT_LATE_AFTER_MINUTES,
  isAllowedHelpdeskUrl,
  type HelpdeskSettings,
  type HelpdeskSettingsInput,
} from '../../../shared/domain/helpdesk-settings';

const KEYS = {
  kind: 'helpdesk_kind',
  url: 'helpdesk_url',
  queue: 'helpdesk_queue',
  username: 'helpdesk_username',
  lateAfterMinutes: 'helpdesk_late_after_minutes',
} as const;

/** The backend helpdesk's kind, address and account (in the database) and its secret (kept apart). */
export class HelpdeskConfig {
  private readonly q;
  /** The connector for the settings as last read; read again only after a save. */
  private current: {
    key: string;
    connector: HelpdeskConnector | null;
    problem: HelpdeskSetupProblem | null;
  } | null = null;
  private changed = true;
  /**
   * The settings as last read. Every staff screen's banner asks for them; in the desktop app
   * reading whether a secret is kept is a keychain decrypt, so they too are read after a save.
   */
  private settings: HelpdeskSettings | null = null;

  constructor(
    private readonly db: Db,
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
    this.settings ??= this.read();
    return { ...this.settings };
  }

  private read(): HelpdeskSettings {
    const value = (key: string) => this.q.get.get(key)?.value ?? '';
    return {
      kind: value(KEYS.kind) === 'json' ? 'json' : 'rt',
      url: value(KEYS.url),
      queue: value(KEYS.queue),
      username: value(KEYS.username),
      hasSecret: this.secrets.get() !== null,
      lateAfterMinutes: Number(value(KEYS.lateAfterMinutes)) || DEFAULT_LATE_AFTER_MINUTES,
    };
  }

  save(settings: HelpdeskSettingsInput): HelpdeskSettings {
    const before = this.get();
    // An RT password is no API token: another kind of backend needs its own secret.
    if (settings.secret === undefined && before.hasSecret && before.kind !== settings.kind) {
      throw new AppError('VALIDATION', { fields: { secret: 'validation.secretForNewKind' } });
    }
    // First the secret: a keychain that refuses it (desktop app) must leave the settings unchanged.
    if (settings.secret !== undefined) this.secrets.set(settings.secret);
    this.db.transaction(() => {
      this.q.set.run(KEYS.kind, settings.kind);
      this.q.set.run(KEYS.url, settings.url);
      this.q.set.run(KEYS.lateAfterMinutes, String(settings.lateAfterMinutes));
      if (settings.kind === 'rt') {
        this.q.set.run(KEYS.queue, settings.queue);
        this.q.set.run(KEYS.username, settings.username);
      }
    })();
    this.changed = true;
    this.settings = null;
    return this.get();
  }

  /**
   * The configured backend, or null until everything its kind needs is set. The sync worker
   * asks before every delivery: the settings and the secret (a keychain call in the desktop app)
   * are read again only after a save, and the same connector is kept while the connection stays
   * the same, so that its login session lasts.
   */
  connector(): HelpdeskConnector | null {
    return this.built().connector;
  }

  /** Why the settings on file give no connector although they are filled in, if they do not. */
  setupProblem(): HelpdeskSetupProblem | null {
    return this.built().problem;
  }

  private built(): { connector: HelpdeskConnector | null; problem: HelpdeskSetupProblem | null } {
    if (this.current && !this.changed) return this.current;
    const s = this.get();
    const secret = this.secrets.get();
    const key = createHash('sha256')
      .update(JSON.stringify([s.kind, s.url, s.queue, s.username, secret]))
      .digest('hex');
    if (this.current?.key !== key) {
      // Saved by an older Loket that still took http://: never send the secret in clear.
      const insecure = s.url !== '' && !isAllowedHelpdeskUrl(s.url);
      this.current = {
        key,
        connector: insecure ? null : build(s, secret),
        problem: insecure ? 'insecure_url' : null,
      };
    }
    this.changed = false;
    return this.current;
  }
}

export type HelpdeskSetupProblem = 'insecure_url';

function build(s: HelpdeskSettings, secret: string | null): HelpdeskConnector | null {
  if (!s.url || secret === null) return null;
  if (s.kind === 'json') return new JsonConnector({ baseUrl: s.url, token: secret });
  if (!s.queue || !s.username) return null;
  return new RtConnector({
    baseUrl: s.url,
    queue: s.queue,
    credentials: { username: s.username, password: secret },
  });
}
