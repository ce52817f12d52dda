import { randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { PushEvent } from '../../shared/api/push-events';
import { STATION_KIND_SPECS, WINDOW_KIND_SPECS } from '../../shared/domain/station-kinds';
import { FolderWatch } from '../core/attachments/folder-watch';
import { lockDataFolder, protectDataFolder } from '../core/db/data-folder';
import { AppError } from '../core/errors';
import { SaneScanner, type SaneScannerOptions } from '../core/scanner/sane-scanner';
import { ScanSessions } from '../core/scanner/scan-sessions';
import type { SecretStore } from '../core/settings/secret-store';
import { startHttpHost, type HttpHost, type HttpHostOptions } from '../server/http-host';
import { HubCalls } from './hub-calls';
import { HubEvents } from './hub-events';
import { HubLinkTracker } from './hub-link';
import { createStationLocalMethods } from './local-methods';
import { createStationSlipMethods } from './slip-methods';
import { PrinterSettingsFile } from '../core/printing/printer-settings';
import { readStationConfig, removeStationConfig, type StationConfig } from './station-config';
import { createStationDispatch } from './station-dispatch';

export interface StationOptions {
  dataDir: string;
  rendererDir: string;
  host?: string;
  port?: number;
  /** Reused when a PC turns into a station while its page is open (same link keeps working). */
  launchToken?: string;
  /** Where the credential is kept in the desktop app (the OS keychain); else in station.json. */
  credentialStore?: SecretStore;
  scanFolder?: string;
  scanFolderStableMs?: number;
  scanner?: SaneScannerOptions;
  now?: () => Date;
  /** The hub stream's backoff and silence bounds (tests make them short). */
  events?: { minBackoffMs?: number; maxBackoffMs?: number; silenceMs?: number };
  callTimeoutMs?: number;
  /** Told after an administrator turned this station back into an all-in-one. */
  onUnpaired?: () => void;
}

export interface Station {
  config: StationConfig;
  http: HttpHost;
  link: HubLinkTracker;
  /** What the loopback host relays to its screens: the hub's changes, resync, the link. */
  subscribe(listener: (event: PushEvent) => void): () => void;
  stop(): Promise<void>;
}

/**
 * A PC whose data lives on the hub: the same loopback host and renderer as browser mode, with a
 * dispatch that forwards to the hub (pinned TLS, the station credential) and answers locally what
 * runs at the station (its link, its scanner and scan-to folder). No database is opened here.
 */
export async function startStation(options: StationOptions): Promise<Station> {
  process.umask(0o077);
  const config = readStationConfig(options.dataDir, options.credentialStore);
  if (!config) throw new AppError('STATION_NOT_PAIRED');
  const now = options.now ?? (() => new Date());
  protectDataFolder(options.dataDir);
  // One Loket per data folder, station or not: two would both speak for this PC to the hub.
  const lock = lockDataFolder(options.dataDir, 'browser', now);
  try {
    return await runStation(options, config, now, () => lock.release());
  } catch (err) {
    lock.release();
    throw err;
  }
}

async function runStation(
  options: StationOptions,
  config: StationConfig,
  now: () => Date,
  releaseLock: () => void,
): Promise<Station> {
  const link = new HubLinkTracker(now);
  const pin = {
    address: config.hubAddress,
    fingerprint: config.fingerprint,
    certificatePem: config.certificatePem,
  };
  const calls = new HubCalls({
    pin,
    credential: config.credential,
    link,
    ...(options.callTimeoutMs !== undefined && { callTimeoutMs: options.callTimeoutMs }),
  });

  const listeners = new Set<(event: PushEvent) => void>();
  const emit = (event: PushEvent) => {
    for (const listener of listeners) {
      try {
        listener(event);
      } catch (err) {
        console.error(err);
      }
    }
  };
  const hubEvent = (): PushEvent => {
    const current = link.current();
    return {
      type: 'hub',
      state: current.state,
      since: current.since,
      ...(current.update !== undefined && { update: current.update }),
      ...(current.hubVersion !== undefined && { hubVersion: current.hubVersion }),
    };
  };
  const events = new HubEvents({ pin, calls, link, emit, ...options.events });
  link.onChange((current) => {
    emit(hubEvent());
    // A call got through while the stream waits out its backoff: reconnect now.
    if (current.state === 'connected') events.nudge();
  });

  const hasFolder = (STATION_KIND_SPECS[config.kind].localHardware as readonly string[]).includes(
    'scanFolder',
  );
  const folder =
    hasFolder && options.scanFolder
      ? new FolderWatch(options.scanFolder, options.scanFolderStableMs, now)
      : null;
  const scanner = new SaneScanner(options.scanner);
  const hardware = { scanner, scans: new ScanSessions(scanner, undefined, now), folder };

  let unpaired = false;
  const local = createStationLocalMethods({
    config,
    link,
    calls,
    hardware,
    now,
    unpair: () => {
      removeStationConfig(options.dataDir, options.credentialStore);
      unpaired = true;
      // After this answer is on its way: the host that sent it is the one stopping.
      if (options.onUnpaired) setTimeout(options.onUnpaired, 50).unref();
    },
  });
  const slips = createStationSlipMethods({
    calls,
    printer: new PrinterSettingsFile(options.dataDir),
  });
  const dispatch = createStationDispatch({ ...local, ...slips }, calls);

  const stageUpload = async (sessionToken: string | undefined, body: Readable) => {
    if (unpaired) throw new AppError('STATION_NOT_PAIRED');
    const result = await calls.upload(body, { sessionToken, locale: 'id' });
    if (!result.ok) throw new AppError(result.error.code);
    const value = result.value as { uploadId?: unknown };
    if (typeof value.uploadId !== 'string') throw new AppError('INTERNAL');
    return value.uploadId;
  };

  await folder?.start();
  events.start();
  const subscribe = (listener: (event: PushEvent) => void) => {
    listeners.add(listener);
    // A screen that just connected learns the link at once, not at its next change.
    queueMicrotask(() => {
      if (listeners.has(listener)) listener(hubEvent());
    });
    return () => {
      listeners.delete(listener);
    };
  };
  // `subscribe` is served as `/api/events/<window>` by the push stream's host option.
  const hostOptions: HttpHostOptions & { subscribe: typeof subscribe } = {
    dispatch,
    stageUpload,
    subscribe,
    // Sessions live on the hub; this stream carries topics and the hub link only, never data,
    // so a window of a kind this station may open may listen (the launch token is still checked).
    mayListen: (window) => STATION_KIND_SPECS[config.kind].windows.includes(window),
    rendererDir: options.rendererDir,
    // A paired station's hub has an administrator (one made the pairing code): staff log in.
    startsAtLogin: async () => STATION_KIND_SPECS[config.kind].windows.includes('staff'),
    launchToken: options.launchToken ?? randomBytes(24).toString('base64url'),
    ...(options.host !== undefined && { host: options.host }),
    ...(options.port !== undefined && { port: options.port }),
  };
  let http: HttpHost;
  try {
    http = await startHttpHost(hostOptions);
  } catch (err) {
    events.stop();
    await folder?.close();
    throw err;
  }
  // A survey or display station opens its own screen; the others the staff screen.
  const window = STATION_KIND_SPECS[config.kind].windows[0] ?? 'staff';
  const entry = WINDOW_KIND_SPECS[window].entry;
  const launchUrl = http.launchUrl.replace('/#', `${entry === '/' ? '/' : entry}#`);
  return {
    config,
    http: { ...http, launchUrl },
    link,
    subscribe,
    stop: async () => {
      events.stop();
      listeners.clear();
      await http.close();
      await folder?.close();
      releaseLock();
    },
  };
}
