import { describe, expect, it } from 'vitest';
import { contract, METHOD_NAMES } from '../../shared/api/contract';
import type { MethodSpec } from '../../shared/api/methods/method';
import { LOCAL_METHODS, routeOf } from '../../electron/station/station-dispatch';
import { createStationLocalMethods } from '../../electron/station/local-methods';
import { createStationSlipMethods } from '../../electron/station/slip-methods';
import { PrinterSettingsFile } from '../../electron/core/printing/printer-settings';
import { HubLinkTracker } from '../../electron/station/hub-link';
import { HubCalls } from '../../electron/station/hub-calls';
import { SaneScanner } from '../../electron/core/scanner/sane-scanner';
import { ScanSessions } from '../../electron/core/scanner/scan-sessions';

describe('where a station runs a call', () => {
  it('runs locally exactly what the contract marks runsAt: local', () => {
    for (const name of METHOD_NAMES) {
      const local = (contract[name] as MethodSpec).runsAt === 'local';
      expect(routeOf(name), name).toBe(local ? 'local' : 'hub');
    }
  });

  it('keeps its hardware, its link and its pairing on the PC, and sends the data to the hub', () => {
    expect(routeOf('scanner.scan')).toBe('local');
    expect(routeOf('folder.offers')).toBe('local');
    expect(routeOf('station.pair')).toBe('local');
    expect(routeOf('visit.checkIn')).toBe('hub');
    expect(routeOf('case.attachUpload')).toBe('hub');
    expect(routeOf('auth.login')).toBe('hub');
  });

  it('sends an unknown method nowhere', () => {
    expect(routeOf('constructor')).toBe('unknown');
    expect(routeOf('db.dropEverything')).toBe('unknown');
  });

  it('has a local handler for every method that runs locally', () => {
    const now = () => new Date();
    const link = new HubLinkTracker(now);
    const pin = { address: '127.0.0.1:1', fingerprint: '', certificatePem: '' };
    const scanner = new SaneScanner();
    const local = createStationLocalMethods({
      config: {
        version: 1,
        hubAddress: pin.address,
        fingerprint: '',
        certificatePem: '',
        stationId: 1,
        kind: 'consultation',
        name: 'x',
        hubName: 'y',
        credential: 'z'.repeat(32),
      },
      link,
      calls: new HubCalls({ pin, credential: 'z'.repeat(32), link }),
      hardware: { scanner, scans: new ScanSessions(scanner), folder: null },
      now,
      unpair: () => {},
    });
    const calls = new HubCalls({ pin, credential: 'z'.repeat(32), link });
    const slips = createStationSlipMethods({ calls, printer: new PrinterSettingsFile('/nowhere') });
    expect(Object.keys({ ...local, ...slips }).sort()).toEqual([...LOCAL_METHODS].sort());
  });
});
