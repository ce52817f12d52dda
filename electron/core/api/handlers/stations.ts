import type { hubStationMethods } from '../../../../shared/api/methods/stations';
import type { HubInfo } from '../../../../shared/api/methods/stations';
import type { Handlers } from '../dispatcher';
import { actor, type Services } from '../services';

export function createHubStationHandlers(
  s: Services,
): Pick<Handlers, keyof typeof hubStationMethods> {
  const hubInfo = (): HubInfo => {
    const settings = s.hubSettings.get();
    const control = s.hub.control;
    return {
      mode: settings.enabled ? 'hub' : 'allInOne',
      hubName: settings.hubName,
      host: settings.host,
      port: settings.port,
      listening: control?.listening() ?? null,
      fingerprint: control?.fingerprint() ?? null,
    };
  };
  return {
    'stations.hubInfo': () => hubInfo(),
    'stations.setHub': async (input, caller) => {
      s.hubSettings.save(input);
      s.audit.record({
        actorId: actor(caller),
        action: 'stations.setHub',
        entity: 'setting',
        detail: { enabled: input.enabled, host: input.host, port: input.port },
      });
      await s.hub.control?.apply(s.hubSettings.get());
      return hubInfo();
    },
    'stations.createPairingCode': (input, caller) =>
      s.stations.createPairingCode(input.kind, actor(caller)),
    'stations.list': () => s.stations.list(),
    'stations.rename': (input, caller) => {
      s.stations.rename(input.stationId, input.name, actor(caller));
      return { ok: true };
    },
    'stations.revoke': (input, caller) => {
      s.surveyBindings.unbind(input.stationId);
      s.stations.revoke(input.stationId, actor(caller));
      return { ok: true };
    },
    'stations.surveyScreens': (_input, caller) => {
      const me = actor(caller);
      return s.stations
        .list()
        .filter((st) => st.kind === 'survey' && !st.revoked)
        .map((st) => ({
          id: st.id,
          name: st.name,
          boundToMe: s.surveyBindings.officerOf(st.id) === me,
        }));
    },
    'stations.bindSurvey': (input, caller) => {
      s.surveyBindings.bind(input.stationId, caller.sessionToken);
      s.audit.record({
        actorId: actor(caller),
        action: 'stations.bindSurvey',
        entity: 'station',
        entityId: input.stationId,
      });
      return { ok: true };
    },
  };
}
