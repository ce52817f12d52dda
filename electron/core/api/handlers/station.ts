import type { stationMethods } from '../../../../shared/api/methods/station';
import { contractId } from '../../../../shared/api/lan-protocol';
import { hasStationConfig, writeStationConfig } from '../../../station/station-config';
import { inspectHub, pairWithHub } from '../../../station/station-pairing';
import { AppError } from '../../errors';
import type { Handlers } from '../dispatcher';
import type { Services } from '../services';

/**
 * An all-in-one PC's side of the station methods: it is no station, and on its first start
 * (before any administrator exists, so before it holds data) it may become one. Writing the
 * pairing is all it does here; the host then restarts itself as a station (electron/start.ts).
 */
export function createStationHandlers(s: Services): Pick<Handlers, keyof typeof stationMethods> {
  const firstRunOnly = () => {
    if (!s.staff.needsFirstAdmin()) throw new AppError('SETUP_ALREADY_DONE');
  };
  return {
    'station.status': () => ({ mode: 'allInOne' as const }),
    'station.inspectHub': async (input) => {
      firstRunOnly();
      const hub = await inspectHub(input.address);
      return {
        hubName: hub.hello.hubName,
        version: hub.hello.version,
        fingerprint: hub.fingerprint,
        compatible: hub.hello.contractId === contractId(),
      };
    },
    'station.pair': async (input) => {
      firstRunOnly();
      if (hasStationConfig(s.dataDir)) throw new AppError('SETUP_ALREADY_DONE');
      const config = await pairWithHub(input.address, input.fingerprint, input.code, input.name);
      writeStationConfig(s.dataDir, config);
      s.audit.record({
        actorId: null,
        action: 'station.paired',
        entity: 'station',
        entityId: config.stationId,
        detail: { hub: config.hubAddress, kind: config.kind },
      });
      return { kind: config.kind, name: config.name, hubName: config.hubName };
    },
    'station.unpair': () => {
      throw new AppError('STATION_NOT_PAIRED');
    },
  };
}
