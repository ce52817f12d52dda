import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiResult } from '../../../shared/api/errors';
import type { HubLink, StationStatus } from '../../../shared/api/methods/station';
import { formatTimeWib } from '../../../shared/time';
import { api } from '../api/client';
import { useLiveCall } from '../hooks/use-live-call';
import './HubBanner.css';

/** The station host answers this itself (no hub traffic); the push stream's `hub` events come sooner. */
const POLL_MS = 3000;
const RECONNECTED_MS = 8000;

type StatusSource = () => Promise<ApiResult<StationStatus>>;

const staffStatus: StatusSource = () => api('station.status', {});

/** The banner's text for a link, or null when there is nothing to say. */
export function hubBannerText(
  link: HubLink,
  t: (key: string, params?: Record<string, string>) => string,
  locale: string,
): string | null {
  switch (link.state) {
    case 'connected':
      return null;
    case 'unreachable':
      return t('station.bannerUnreachable', { time: formatTimeWib(link.since, locale) });
    case 'incompatible':
      return t('station.bannerIncompatible', {
        hubVersion: link.hubVersion ?? '?',
        side: t(`station.side.${link.update ?? 'hub'}`),
      });
    case 'refused':
      return t(`errors.${link.code ?? 'STATION_REVOKED'}`);
  }
}

/**
 * On a station, every screen says when its hub is away ("Hub tidak terjangkau sejak HH.MM"),
 * refuses it, or speaks another version, and says so again when it is back. On an all-in-one
 * PC it renders nothing and stops asking.
 */
export function HubBanner({ status = staffStatus }: { status?: StatusSource }) {
  const { t, i18n } = useTranslation();
  const [reconnected, setReconnected] = useState(false);
  const previous = useRef<HubLink['state'] | null>(null);
  // No hub (all-in-one): nothing to watch, so it stops asking.
  const [allInOne, setAllInOne] = useState(false);
  const current = useLiveCall(
    'station.status',
    {},
    {
      topics: [],
      alwaysEveryMs: POLL_MS,
      enabled: !allInOne,
      call: () => status(),
      onData: (s) => {
        if (s.mode === 'allInOne') setAllInOne(true);
      },
    },
  );
  const link: HubLink | null = current.data?.mode === 'station' ? current.data.link : null;

  useEffect(() => {
    if (!link) return;
    const was = previous.current;
    previous.current = link.state;
    if (link.state !== 'connected' || was === null || was === 'connected') return;
    setReconnected(true);
    const timer = setTimeout(() => setReconnected(false), RECONNECTED_MS);
    return () => clearTimeout(timer);
  }, [link]);

  if (!link) return null;
  const text = hubBannerText(link, t, i18n.language);
  if (text === null) {
    return reconnected ? (
      <div className="hub-banner hub-banner--back" role="status">
        {t('station.bannerReconnected')}
      </div>
    ) : null;
  }
  return (
    <div className={`hub-banner hub-banner--${link.state}`} role="alert">
      {text}
    </div>
  );
}
