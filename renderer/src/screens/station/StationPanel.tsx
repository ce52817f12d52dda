import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StationStatus } from '../../../../shared/api/methods/station';
import { api } from '../../api/client';
import { errorText } from '../../api/errors';
import { ActionButton } from '../../components/ActionButton';
import { Notice } from '../../components/Notice';
import { useCall } from '../../hooks/use-live-call';
import './StationPanel.css';

type Station = Extract<StationStatus, { mode: 'station' }>;

/**
 * For an administrator at a station: which hub this PC belongs to, and turning it back into a PC
 * on its own (asked twice; the pairing is forgotten, and this PC never held the hub's data).
 */
export function StationPanel() {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  // This PC's own pairing: nothing else changes it while the panel is open.
  const status = useCall('station.status', {});
  const station: Station | null = status.data?.mode === 'station' ? status.data : null;

  if (!station) return null;
  const unpair = async () => {
    setFailure(null);
    const r = await api('station.unpair', { confirm: true });
    if (r.ok) setDone(true);
    else setFailure(errorText(r.error));
  };

  return (
    <aside className="card station-panel" aria-labelledby="station-panel-title">
      <h2 id="station-panel-title">{t('station.panelTitle')}</h2>
      <p>
        {t('station.panelIntro', {
          name: station.stationName,
          kind: t(`station.kinds.${station.kind}`),
          hubName: station.hubName,
          address: station.hubAddress,
        })}
      </p>
      {done ? (
        <Notice kind="success">{t('station.unpaired')}</Notice>
      ) : confirming ? (
        <div className="station-panel__confirm">
          <p>{t('station.unpairConfirm')}</p>
          <button type="button" className="button" onClick={() => setConfirming(false)}>
            {t('station.back')}
          </button>
          <ActionButton className="button button--primary" onAction={unpair}>
            {t('station.unpairYes')}
          </ActionButton>
        </div>
      ) : (
        <button type="button" className="button" onClick={() => setConfirming(true)}>
          {t('station.unpair')}
        </button>
      )}
      {failure && <Notice kind="error">{failure}</Notice>}
    </aside>
  );
}
