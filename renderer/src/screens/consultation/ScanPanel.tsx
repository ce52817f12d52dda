import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../../shared/api/contract';
import type { CaseView, DocumentKind } from '../../../../shared/domain/case';
import { DOCUMENT_KINDS, likelyDocumentKind } from '../../../../shared/domain/case';
import type { ScannerFault } from '../../../../shared/domain/scanner';
import { api } from '../../api/client';
import { errorText } from '../../api/errors';
import { ActionButton } from '../../components/ActionButton';
import { Notice } from '../../components/Notice';
import { useCall, useLiveCall } from '../../hooks/use-live-call';

type Device = { name: string; vendor: string; model: string };
type Capabilities = MethodOutput<'scanner.capabilities'>;

const SCAN_PROGRESS_MS = 300;

/** Scan at the desk through SANE: one page from the glass, or a batch from the feeder. */
export function ScanPanel({
  view,
  onChanged,
}: {
  view: CaseView;
  onChanged: (v: CaseView) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [devices, setDevices] = useState<Device[] | null>(null);
  const [device, setDevice] = useState('');
  const [caps, setCaps] = useState<Capabilities | null>(null);
  const [mode, setMode] = useState('');
  const [resolution, setResolution] = useState(150);
  const [source, setSource] = useState<'flatbed' | 'feeder'>('flatbed');
  const [kind, setKind] = useState<DocumentKind>(likelyDocumentKind(view, 'scan'));
  const [session, setSession] = useState<{
    id: string;
    pages: number;
    fault: ScannerFault | null;
  } | null>(null);
  const [progress, setProgress] = useState<{ page: number; percent: number } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const findDevices = async () => {
    const r = await api('scanner.devices', {});
    if (!r.ok) return setFailure(errorText(r.error));
    setDevices(r.value);
    setDevice((d) => d || (r.value[0]?.name ?? ''));
  };

  // Each driver names its modes and sources its own way: offer what this device has.
  // Each driver names its modes and sources its own way: offer what this device has.
  useCall(
    'scanner.capabilities',
    { device },
    {
      enabled: device !== '',
      onData: (c) => {
        setCaps(c);
        setMode(c.preferredMode ?? c.modes[0] ?? '');
        setSource(c.sources[0] ?? 'flatbed');
        setResolution(c.resolutions.includes(150) ? 150 : (c.resolutions[0] ?? 150));
      },
      onError: (error) => {
        setCaps(null);
        setFailure(errorText(error));
      },
    },
  );

  // The scanner announces nothing: its progress is asked for while a page is being scanned.
  useLiveCall(
    'scanner.progress',
    { sessionId: session?.id ?? '' },
    {
      topics: [],
      alwaysEveryMs: SCAN_PROGRESS_MS,
      enabled: progress !== null && session !== null,
      onData: (p) => setProgress({ page: p.pages + 1, percent: Math.round(p.percent ?? 0) }),
    },
  );

  const scan = async () => {
    setFailure(null);
    let sessionId = session?.id;
    if (!sessionId) {
      // Opened first, so that the first page's progress can be followed too.
      const opened = await api('scanner.openSession', { resolution });
      if (!opened.ok) return setFailure(errorText(opened.error));
      sessionId = opened.value.sessionId;
      setSession({ id: sessionId, pages: 0, fault: null });
    }
    setProgress({ page: (session?.pages ?? 0) + 1, percent: 0 });
    const r = await api('scanner.scan', { device, mode, resolution, source, sessionId });
    setProgress(null);
    if (!r.ok) return setFailure(errorText(r.error));
    // Guessed again for each new document: the case may have changed since the panel opened.
    if (!session) setKind(likelyDocumentKind(view, 'scan'));
    setSession({ id: r.value.sessionId, pages: r.value.pages, fault: r.value.fault });
  };

  const attach = async () => {
    if (!session) return;
    const r = await api('scanner.attach', { sessionId: session.id, caseId: view.caseId, kind });
    if (!r.ok) return setFailure(errorText(r.error));
    setSession(null);
    onChanged(r.value);
  };

  const discard = async () => {
    if (session) await api('scanner.discard', { sessionId: session.id });
    setSession(null);
  };

  return (
    <details className="scan-panel">
      <summary>{t('scanner.title')}</summary>
      {devices === null || devices.length === 0 ? (
        <div className="scan-panel__row">
          {devices !== null && <p className="muted">{t('scanner.noDevices')}</p>}
          <ActionButton className="button button--small" onAction={() => findDevices()}>
            {t('scanner.refresh')}
          </ActionButton>
        </div>
      ) : (
        <div className="scan-panel__grid">
          <label>
            {t('scanner.device')}
            <select value={device} onChange={(e) => setDevice(e.target.value)}>
              {devices.map((d) => (
                <option key={d.name} value={d.name}>
                  {d.vendor} {d.model} ({d.name})
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('scanner.mode')}
            <select value={mode} onChange={(e) => setMode(e.target.value)}>
              {(caps?.modes ?? []).map((m) => (
                <option key={m} value={m}>
                  {t(`scanner.modes.${m}`, { defaultValue: m })}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('scanner.resolution')}
            <select value={resolution} onChange={(e) => setResolution(Number(e.target.value))}>
              {(caps?.resolutions ?? []).map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('scanner.source')}
            <select value={source} onChange={(e) => setSource(e.target.value as typeof source)}>
              {(caps?.sources ?? []).map((s) => (
                <option key={s} value={s}>
                  {t(`scanner.sources.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <div className="button-row">
            <ActionButton
              className="button button--small"
              disabled={progress !== null || !device || !caps}
              onAction={() => scan()}
            >
              {session?.fault ? t('scanner.continue') : t('scanner.scan')}
            </ActionButton>
          </div>
        </div>
      )}
      {progress && (
        <p role="status">
          {t('scanner.scanning', progress)}
          <progress
            max={100}
            value={progress.percent}
            aria-label={t('scanner.scanning', progress)}
          />
        </p>
      )}
      {session?.fault && (
        <Notice kind="error">{`${t(`scanner.faults.${session.fault}`)} ${session.pages > 0 && session.fault !== 'SESSION_FULL' ? t('scanner.retryHint') : ''}`}</Notice>
      )}
      {session && session.pages > 0 && (
        <div className="scan-panel__row">
          <span role="status">{t('scanner.pages', { count: session.pages })}</span>
          <label htmlFor={`${id}-kind`}>{t('documents.kind')}</label>
          <select
            id={`${id}-kind`}
            value={kind}
            onChange={(e) => setKind(e.target.value as DocumentKind)}
          >
            {DOCUMENT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`documentKinds.${k}`)}
              </option>
            ))}
          </select>
          <ActionButton className="button button--small" onAction={() => attach()}>
            {t('scanner.attach')}
          </ActionButton>
          <ActionButton className="button button--small" onAction={() => discard()}>
            {t('scanner.discard')}
          </ActionButton>
        </div>
      )}
      {failure && <Notice kind="error">{failure}</Notice>}
    </details>
  );
}
