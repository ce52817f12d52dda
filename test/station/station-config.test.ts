import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  hasStationConfig,
  readStationConfig,
  removeStationConfig,
  StationConfigError,
  stationConfigPath,
  writeStationConfig,
  type StationConfig,
} from '../../electron/station/station-config';
import type { SecretStore } from '../../electron/core/settings/secret-store';
import { tempDir } from '../helpers/temp-core';

const config: StationConfig = {
  version: 1,
  hubAddress: '192.168.10.5:8443',
  fingerprint: Array.from({ length: 32 }, () => 'AB').join(':'),
  certificatePem: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n',
  stationId: 3,
  kind: 'reception',
  name: 'Meja PTSP',
  hubName: 'Hub LKPP',
  credential: 'k'.repeat(43),
};

class MemorySecret implements SecretStore {
  value: string | null = null;
  get() {
    return this.value;
  }
  set(v: string) {
    this.value = v;
  }
}

describe('the station config file', () => {
  it('is written readable by this user only, and read back', () => {
    const dir = tempDir();
    writeStationConfig(dir, config);
    expect(statSync(stationConfigPath(dir)).mode & 0o777).toBe(0o600);
    expect(readStationConfig(dir)).toEqual(config);
    expect(hasStationConfig(dir)).toBe(true);
  });

  it('keeps the credential out of the file when a secret store holds it', () => {
    const dir = tempDir();
    const secrets = new MemorySecret();
    writeStationConfig(dir, config, secrets);
    expect(readFileSync(stationConfigPath(dir), 'utf8')).not.toContain(config.credential);
    expect(secrets.value).toBe(config.credential);
    expect(readStationConfig(dir, secrets)?.credential).toBe(config.credential);
  });

  it('refuses a damaged file by name instead of starting as an all-in-one', () => {
    const dir = tempDir();
    writeFileSync(stationConfigPath(dir), '{"version":1,"hubAddress":"no port"}');
    expect(() => readStationConfig(dir)).toThrow(StationConfigError);
    writeFileSync(stationConfigPath(dir), '{not json');
    expect(() => readStationConfig(dir)).toThrow(/station\.json: not JSON/);
  });

  it('refuses an address without a port or a fingerprint of another form', () => {
    const dir = tempDir();
    expect(() => writeStationConfig(dir, { ...config, hubAddress: '192.168.10.5' })).toThrow();
    expect(() => writeStationConfig(dir, { ...config, fingerprint: 'ab:cd' })).toThrow();
    expect(hasStationConfig(dir)).toBe(false);
  });

  it('is gone, credential and all, once the PC is turned back into an all-in-one', () => {
    const dir = tempDir();
    const secrets = new MemorySecret();
    writeStationConfig(dir, config, secrets);
    removeStationConfig(dir, secrets);
    expect(hasStationConfig(dir)).toBe(false);
    expect(readStationConfig(dir, secrets)).toBeNull();
    expect(secrets.value).toBe('');
  });
});
