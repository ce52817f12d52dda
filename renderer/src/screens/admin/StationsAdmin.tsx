import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HubInfo, StationView } from '../../../../shared/api/methods/stations';
import { STATION_KINDS, type StationKind } from '../../../../shared/domain/station-kinds';
import { formatDayLong, formatTimeWib, serviceDayOf } from '../../../../shared/time';
import { api } from '../../api/client';
import { errorText } from '../../api/errors';
import { ActionButton } from '../../components/ActionButton';
import { Field } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { useLiveCall } from '../../hooks/use-live-call';
import './StationsAdmin.css';

type Message = { kind: 'success' | 'error'; text: string } | null;

/** `AB:CD:EF:…` in groups of four bytes per line chunk, so it can be read aloud and compared. */
export function fingerprintGroups(fingerprint: string): string[] {
  const bytes = fingerprint.split(':');
  const groups: string[] = [];
  for (let i = 0; i < bytes.length; i += 4) groups.push(bytes.slice(i, i + 4).join(':'));
  return groups;
}

function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

function HubSection({ info, onSaved }: { info: HubInfo; onSaved: (m: Message) => void }) {
  const { t } = useTranslation();
  const [enabled, setEnabled] = useState(info.mode === 'hub');
  const [host, setHost] = useState(info.host);
  const [port, setPort] = useState(String(info.port));
  const [errors, setErrors] = useState<Record<string, string>>({});

  const save = async () => {
    const result = await api('stations.setHub', { enabled, host, port: Number(port) });
    if (!result.ok) {
      setErrors(result.error.fields ?? {});
      return onSaved({ kind: 'error', text: errorText(result.error) });
    }
    setErrors({});
    onSaved({ kind: 'success', text: t('stations.saved') });
  };

  const listening = info.listening;
  return (
    <section className="card stations-admin" aria-labelledby="hub-settings">
      <h2 id="hub-settings">{t('stations.title')}</h2>
      <p>{t('stations.intro')}</p>
      <p className="stations-admin__mode" role="status">
        {listening
          ? t('stations.modeHub', { address: `${listening.host}:${listening.port}` })
          : info.mode === 'hub'
            ? t('stations.notListening')
            : t('stations.modeAllInOne')}
      </p>
      <div className="stations-admin__fingerprint">
        <h3 id="hub-fingerprint">{t('stations.fingerprint')}</h3>
        {info.fingerprint ? (
          <>
            <p className="stations-admin__groups" aria-labelledby="hub-fingerprint">
              {fingerprintGroups(info.fingerprint).map((g, i) => (
                <span key={i}>{g}</span>
              ))}
            </p>
            <p className="field__hint">{t('stations.fingerprintHint')}</p>
          </>
        ) : (
          <p className="field__hint">{t('stations.fingerprintNone')}</p>
        )}
      </div>
      <div className="form-grid">
        <label className="checkbox form-grid__wide">
          <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />
          {t('stations.enabled')}
        </label>
        <Field label={t('stations.host')} hint={t('stations.hostHint')} error={errors.host}>
          {(control) => (
            <input
              {...control}
              value={host}
              inputMode="decimal"
              autoComplete="off"
              onChange={(e) => setHost(e.target.value)}
            />
          )}
        </Field>
        <Field label={t('stations.port')} error={errors.port}>
          {(control) => (
            <input
              {...control}
              value={port}
              inputMode="numeric"
              autoComplete="off"
              onChange={(e) => setPort(e.target.value)}
            />
          )}
        </Field>
        <div className="form-grid__wide">
          <ActionButton className="button button--primary" onAction={save}>
            {t('stations.save')}
          </ActionButton>
        </div>
      </div>
    </section>
  );
}

function PairingSection({ onError }: { onError: (m: Message) => void }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<StationKind>('reception');
  const [code, setCode] = useState<{ code: string; kind: StationKind; expiresAt: string } | null>(
    null,
  );
  const now = useNow(1000);

  const create = async () => {
    const result = await api('stations.createPairingCode', { kind });
    if (!result.ok) return onError({ kind: 'error', text: errorText(result.error) });
    setCode(result.value);
  };

  const left = code ? Math.max(0, Math.ceil((Date.parse(code.expiresAt) - now) / 1000)) : 0;
  const clock = `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`;
  return (
    <section className="card stations-admin" aria-labelledby="pair-station">
      <h2 id="pair-station">{t('stations.pairingSection')}</h2>
      <div className="stations-admin__pair">
        <Field label={t('stations.kind')}>
          {(control) => (
            <select
              {...control}
              value={kind}
              onChange={(e) => setKind(e.target.value as StationKind)}
            >
              {STATION_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`stations.kinds.${k}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <ActionButton className="button button--primary" onAction={create}>
          {t('stations.createCode')}
        </ActionButton>
      </div>
      {code && (
        <div className="stations-admin__code" aria-live="polite">
          <p className="stations-admin__code-label">
            {t('stations.code')} — {t(`stations.kinds.${code.kind}`)}
          </p>
          <p className={`stations-admin__code-value${left === 0 ? ' is-expired' : ''}`}>
            {code.code}
          </p>
          <p>{left > 0 ? t('stations.codeExpires', { time: clock }) : t('stations.codeExpired')}</p>
          <p className="field__hint">{t('stations.codeHint')}</p>
        </div>
      )}
    </section>
  );
}

function StationRow({
  station,
  onChanged,
}: {
  station: StationView;
  onChanged: (m: Message) => void;
}) {
  const { t, i18n } = useTranslation();
  const [renaming, setRenaming] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [name, setName] = useState(station.name);
  const [error, setError] = useState<string | undefined>();

  const seen = (iso: string) =>
    serviceDayOf(new Date(iso)) === serviceDayOf(new Date())
      ? formatTimeWib(iso, i18n.language)
      : `${formatDayLong(serviceDayOf(new Date(iso)), i18n.language)} ${formatTimeWib(iso, i18n.language)}`;

  const rename = async () => {
    const result = await api('stations.rename', { stationId: station.id, name });
    if (!result.ok) {
      setError(result.error.fields?.name ?? 'validation.invalid');
      return onChanged({ kind: 'error', text: errorText(result.error) });
    }
    setRenaming(false);
    setError(undefined);
    onChanged(null);
  };
  const revoke = async () => {
    const result = await api('stations.revoke', { stationId: station.id });
    setConfirming(false);
    onChanged(result.ok ? null : { kind: 'error', text: errorText(result.error) });
  };

  return (
    <tr className={station.revoked ? 'stations-admin__revoked' : undefined}>
      <td>
        {renaming ? (
          <Field label={t('stations.newName', { name: station.name })} error={error}>
            {(control) => (
              <input {...control} value={name} onChange={(e) => setName(e.target.value)} />
            )}
          </Field>
        ) : (
          station.name
        )}
      </td>
      <td>{t(`stations.kinds.${station.kind}`)}</td>
      <td>{station.address ?? '—'}</td>
      <td>{station.version ?? '—'}</td>
      <td>{station.lastSeenAt ? seen(station.lastSeenAt) : t('stations.never')}</td>
      <td>{station.revoked ? t('stations.revoked') : t('stations.active')}</td>
      <td>
        {!station.revoked && (
          <div className="stations-admin__actions">
            {renaming ? (
              <>
                <ActionButton className="button button--small button--primary" onAction={rename}>
                  {t('stations.saveName')}
                </ActionButton>
                <button
                  type="button"
                  className="button button--small"
                  onClick={() => setRenaming(false)}
                >
                  {t('stations.cancel')}
                </button>
              </>
            ) : confirming ? (
              <div
                role="alertdialog"
                aria-label={t('stations.revoke')}
                className="stations-admin__confirm"
              >
                <p>{t('stations.revokeConfirm', { name: station.name })}</p>
                <ActionButton className="button button--small button--primary" onAction={revoke}>
                  {t('stations.revokeYes')}
                </ActionButton>
                <button
                  type="button"
                  className="button button--small"
                  onClick={() => setConfirming(false)}
                >
                  {t('stations.cancel')}
                </button>
              </div>
            ) : (
              <>
                <button
                  type="button"
                  className="button button--small"
                  aria-label={`${t('stations.rename')}: ${station.name}`}
                  onClick={() => setRenaming(true)}
                >
                  {t('stations.rename')}
                </button>
                <button
                  type="button"
                  className="button button--small"
                  aria-label={`${t('stations.revoke')}: ${station.name}`}
                  onClick={() => setConfirming(true)}
                >
                  {t('stations.revoke')}
                </button>
              </>
            )}
          </div>
        )}
      </td>
    </tr>
  );
}

/** "Hub & stasiun" on the admin page: hub mode, its fingerprint, pairing codes, the stations. */
export function StationsAdmin() {
  const { t } = useTranslation();
  const [message, setMessage] = useState<Message>(null);
  // Hub settings announce 'settings' and 'stations'; a rename, revoke or pairing 'stations'.
  const hub = useLiveCall('stations.hubInfo', {}, { topics: ['settings', 'stations'] });
  const list = useLiveCall('stations.list', {}, { topics: ['stations'] });
  const info: HubInfo | null = hub.data;
  const stations: StationView[] = list.data ?? [];

  const changed = (m: Message) => {
    setMessage(m);
    hub.reload();
    list.reload();
  };

  return (
    <>
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
      {info && (
        <HubSection key={`${info.mode}${info.host}${info.port}`} info={info} onSaved={changed} />
      )}
      <PairingSection onError={setMessage} />
      <section className="card stations-admin" aria-labelledby="station-list">
        <h2 id="station-list">{t('stations.listSection')}</h2>
        {stations.length === 0 ? (
          <p>{t('stations.none')}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('stations.name')}</th>
                  <th scope="col">{t('stations.kindColumn')}</th>
                  <th scope="col">{t('stations.address')}</th>
                  <th scope="col">{t('stations.version')}</th>
                  <th scope="col">{t('stations.lastSeen')}</th>
                  <th scope="col">{t('stations.status')}</th>
                  <th scope="col">{t('stations.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {stations.map((s) => (
                  <StationRow
                    key={`${s.id}-${s.name}-${s.revoked}`}
                    station={s}
                    onChanged={changed}
                  />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
