import { hostname } from 'node:os';
import type { Db } from '../db/open-database';

/** Whether this Loket serves stations, and on which LAN address and port (saved by the admin). */
export interface HubSettingsValue {
  enabled: boolean;
  host: string;
  port: number;
  hubName: string;
}

/** The port a hub listens on unless the admin picks another. */
export const DEFAULT_HUB_PORT = 47470;

const KEYS = {
  enabled: 'hub_enabled',
  host: 'hub_host',
  port: 'hub_port',
  name: 'hub_name',
} as const;

export class HubSettings {
  private readonly q;

  constructor(db: Db) {
    this.q = {
      get: db.prepare<[string], { value: string }>('SELECT value FROM app_setting WHERE key = ?'),
      set: db.prepare<[string, string]>(
        'INSERT INTO app_setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      ),
      save: db.transaction((value: Omit<HubSettingsValue, 'hubName'>) => {
        this.q.set.run(KEYS.enabled, value.enabled ? '1' : '0');
        this.q.set.run(KEYS.host, value.host);
        this.q.set.run(KEYS.port, String(value.port));
      }),
    };
  }

  get(): HubSettingsValue {
    const value = (key: string) => this.q.get.get(key)?.value;
    const port = Number(value(KEYS.port));
    return {
      enabled: value(KEYS.enabled) === '1',
      host: value(KEYS.host) ?? '0.0.0.0',
      port: Number.isInteger(port) && port > 0 ? port : DEFAULT_HUB_PORT,
      // The PC's own name is what the office knows it by; shown to stations at pairing.
      hubName: value(KEYS.name) ?? hostname(),
    };
  }

  save(value: Omit<HubSettingsValue, 'hubName'>): void {
    this.q.save(value);
  }
}

/**
 * What the host that runs the LAN listener tells the core (the core never opens sockets): where
 * it listens now, the certificate's fingerprint, and how to apply saved settings.
 */
export interface HubControl {
  listening(): { host: string; port: number } | null;
  fingerprint(): string | null;
  apply(settings: HubSettingsValue): Promise<void>;
}
