import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import type { MethodName, MethodInput } from '../../shared/api/contract';
import { staffSchema, type Staff } from '../../shared/domain/staff';
import { contractId } from '../../shared/api/lan-protocol';
import type { StationStatus } from '../../shared/api/methods/station';
import { STATION_KIND_SPECS } from '../../shared/domain/station-kinds';
import { cleanOriginalName } from '../core/attachments/original-name';
import type { FolderWatch } from '../core/attachments/folder-watch';
import { AppError } from '../core/errors';
import { scanFileStem } from '../core/scanner/scan-to-document';
import { pagesToPdf } from '../core/scanner/pages-to-pdf';
import type { SaneScanner } from '../core/scanner/sane-scanner';
import type { ScanSessions } from '../core/scanner/scan-sessions';
import type { HubCalls } from './hub-calls';
import type { HubLinkTracker } from './hub-link';
import { HubAnswer, type LocalCall, type LocalHandler } from './station-dispatch';
import type { StationConfig } from './station-config';
import { inspectHub } from './station-pairing';

export interface StationHardware {
  scanner: SaneScanner;
  scans: ScanSessions;
  folder: FolderWatch | null;
}

export interface LocalMethodsDeps {
  config: StationConfig;
  link: HubLinkTracker;
  calls: HubCalls;
  hardware: StationHardware;
  now: () => Date;
  /** Forgets the pairing (config and credential) and turns this PC back into an all-in-one. */
  unpair: () => void;
}

const POLL_IDENTITY_MS = 5 * 60_000;

/** The hub's answer to one call, or the hub's refusal thrown as is. */
async function onHub(
  calls: HubCalls,
  call: LocalCall,
  method: MethodName,
  input: unknown,
): Promise<unknown> {
  const result = await calls.call('staff', method, input, {
    sessionToken: call.sessionToken,
    locale: call.locale,
  });
  if (!result.ok) throw new HubAnswer(result);
  return result.value;
}

/**
 * Methods a station answers itself: its link and pairing, and the hardware on its own desk. The
 * staff member is the hub's (auth.me with their session); a scanned or dropped document goes to
 * the hub's staging (`/lan/upload`) and is attached there, where its size and content are checked.
 */
export function createStationLocalMethods(
  deps: LocalMethodsDeps,
): Partial<Record<MethodName, LocalHandler>> {
  const { config, calls, hardware } = deps;
  const hasHardware = (what: 'scanner' | 'scanFolder') =>
    (STATION_KIND_SPECS[config.kind].localHardware as readonly string[]).includes(what);

  // A screen's timer must not keep a session alive on the hub (auth.me would): a polled method
  // reuses who the session was at its last user action, for a few minutes.
  const known = new Map<string, { staff: Staff; at: number }>();
  const whoIs = async (call: LocalCall, polled = false): Promise<Staff> => {
    const token = call.sessionToken ?? '';
    const cached = known.get(token);
    if (polled && cached && deps.now().getTime() - cached.at < POLL_IDENTITY_MS) {
      return cached.staff;
    }
    const staff = staffSchema.parse(await onHub(calls, call, 'auth.me', {}));
    if (known.size > 100) known.clear();
    known.set(token, { staff, at: deps.now().getTime() });
    return staff;
  };

  /** An officer logged in on the hub, at a station whose kind has this hardware. */
  const officer = async (
    call: LocalCall,
    what: 'scanner' | 'scanFolder',
    polled = false,
  ): Promise<number> => {
    if (!hasHardware(what)) throw new AppError('WINDOW_NOT_ALLOWED');
    const staff = await whoIs(call, polled);
    if (!staff.roles.includes('officer')) throw new AppError('FORBIDDEN');
    return staff.id;
  };

  const attachOnHub = async (
    call: LocalCall,
    body: Readable,
    input: Omit<MethodInput<'case.attachUpload'>, 'uploadId'>,
  ): Promise<unknown> => {
    const staged = await calls.upload(body, {
      sessionToken: call.sessionToken,
      locale: call.locale,
    });
    if (!staged.ok) throw new HubAnswer(staged);
    const { uploadId } = staged.value as { uploadId: string };
    return onHub(calls, call, 'case.attachUpload', { ...input, uploadId });
  };

  return {
    'station.status': (): StationStatus => ({
      mode: 'station',
      kind: config.kind,
      stationName: config.name,
      hubName: config.hubName,
      hubAddress: config.hubAddress,
      fingerprint: config.fingerprint,
      link: deps.link.current(),
    }),
    'station.inspectHub': async (input) => {
      const { address } = input as MethodInput<'station.inspectHub'>;
      const hub = await inspectHub(address);
      return {
        hubName: hub.hello.hubName,
        version: hub.hello.version,
        fingerprint: hub.fingerprint,
        compatible: hub.hello.contractId === contractId(),
      };
    },
    // Already paired: pairing again goes through turning it back into an all-in-one first.
    'station.pair': () => {
      throw new AppError('FORBIDDEN');
    },
    'station.unpair': async (_input, call) => {
      const staff = await whoIs(call);
      if (!staff.roles.includes('admin')) throw new AppError('FORBIDDEN');
      deps.unpair();
      return { ok: true };
    },

    'scanner.devices': async (_input, call) => {
      await officer(call, 'scanner');
      return hardware.scanner.listDevices();
    },
    'scanner.capabilities': async (input, call) => {
      await officer(call, 'scanner');
      const { device } = input as MethodInput<'scanner.capabilities'>;
      const caps = await hardware.scanner.capabilities(device);
      if (!caps) throw new AppError('NOT_FOUND');
      return {
        modes: caps.modes,
        preferredMode: caps.preferredMode,
        sources: caps.sources.map((source) => source.kind),
        resolutions: caps.resolutions,
      };
    },
    'scanner.openSession': async (_input, call) => ({
      sessionId: hardware.scans.open(await officer(call, 'scanner')),
    }),
    'scanner.scan': async (input, call) => {
      const id = await officer(call, 'scanner');
      const scan = input as MethodInput<'scanner.scan'>;
      const caps = await hardware.scanner.capabilities(scan.device);
      if (caps && caps.modes.length > 0 && !caps.modes.includes(scan.mode)) {
        throw new AppError('VALIDATION', { fields: { mode: 'validation.invalid' } });
      }
      const { sessionId, ...request } = scan;
      return hardware.scans.scan(id, request, sessionId);
    },
    'scanner.progress': async (input, call) =>
      hardware.scans.progress(
        await officer(call, 'scanner', true),
        (input as MethodInput<'scanner.progress'>).sessionId,
      ),
    'scanner.attach': async (input, call) => {
      const id = await officer(call, 'scanner');
      const { sessionId, caseId, kind } = input as MethodInput<'scanner.attach'>;
      const session = hardware.scans.take(id, sessionId);
      const single = session.pages.length === 1 ? session.pages[0]!.png : undefined;
      const bytes = single ?? (await pagesToPdf(session.pages));
      return attachOnHub(call, Readable.from([bytes]), {
        caseId,
        kind,
        source: 'scanner',
        originalName: `${scanFileStem(deps.now())}.${single ? 'png' : 'pdf'}`,
      });
    },
    'scanner.discard': async (input, call) => {
      hardware.scans.discard(
        await officer(call, 'scanner'),
        (input as MethodInput<'scanner.discard'>).sessionId,
      );
      return { ok: true };
    },

    'folder.offers': async (_input, call) => {
      await officer(call, 'scanFolder', true);
      return (hardware.folder?.list() ?? []).map(({ id, name, size, seenAt }) => ({
        id,
        name,
        size,
        seenAt,
      }));
    },
    'folder.attach': async (input, call) => {
      await officer(call, 'scanFolder');
      const { offerId, caseId, kind } = input as MethodInput<'folder.attach'>;
      const offer = hardware.folder?.get(offerId);
      if (!offer) throw new AppError('NOT_FOUND');
      const originalName = cleanOriginalName(offer.name);
      if (originalName === null) throw new AppError('ATTACHMENT_NAME_INVALID');
      const view = await attachOnHub(call, createReadStream(offer.path), {
        caseId,
        kind,
        source: 'folder',
        originalName,
      });
      hardware.folder?.take(offerId);
      return view;
    },
  };
}
