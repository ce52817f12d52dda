import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseView } from '../../../../shared/domain/case';
import type { QueueVisit } from '../../../../shared/domain/visit';
import { api } from '../../api/client';
import { errorText } from '../../api/errors';
import { ActionButton } from '../../components/ActionButton';
import { Notice } from '../../components/Notice';
import { CaseCard } from './CaseCard';
import { FolderOffersProvider } from './FolderOffersPoll';
import { QueuePanel } from './QueuePanel';
import { SurveyDisplayControls, SurveyStatusLine } from './SurveyControls';
import { VisitCallActions } from './VisitCallActions';
import { WaitingRoomSettings } from './WaitingRoomSettings';
import { useCall, useLiveCall } from '../../hooks/use-live-call';

/** Only while the push stream is down. */
const REFRESH_MS = 15_000;
const NONE: QueueVisit[] = [];

export function ConsultationScreen() {
  const { t } = useTranslation();
  const overview = useLiveCall('queue.overview', {}, { topics: ['queue'], fallbackMs: REFRESH_MS });
  const openDrafts = useLiveCall(
    'case.drafts',
    {},
    {
      topics: ['queue', 'cases'],
      fallbackMs: REFRESH_MS,
    },
  );
  const waiting: QueueVisit[] = overview.data?.waiting ?? NONE;
  const mine: QueueVisit[] = overview.data?.mine ?? NONE;
  const drafts: CaseView[] = openDrafts.data ?? [];
  const now = useMemo(
    () => (overview.loadedAt === null ? new Date() : new Date(overview.loadedAt)),
    [overview.loadedAt],
  );
  const [selected, setSelected] = useState<QueueVisit | null>(null);
  const [cases, setCases] = useState<CaseView[]>([]);
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const reloadOverview = overview.reload;
  const reloadDrafts = openDrafts.reload;
  const reload = () => {
    reloadOverview();
    reloadDrafts();
  };

  const selectedId = selected?.visitId ?? null;
  // Loaded on selecting a visit, then kept here as the officer edits it; no topic reloads it,
  // since each load of a visit's cases is written to the read log.
  useCall(
    'case.forVisit',
    { visitId: selectedId ?? 0 },
    { enabled: selectedId !== null, onData: setCases },
  );

  const report = (text: string, kind: 'success' | 'error' = 'success') =>
    setMessage({ kind, text });

  const callNext = async (): Promise<void> => {
    const r = await api('queue.callNext', {});
    if (!r.ok) return void report(errorText(r.error), 'error');
    report(
      r.value
        ? t('consultation.called', { queue: r.value.queueLabel, name: r.value.fullName })
        : t('consultation.nobodyWaiting'),
    );
    reload();
  };

  const act = async (
    action: 'start' | 'noShow' | 'returnToQueue' | 'end' | 'surveyReady',
    visit: QueueVisit,
  ): Promise<void> => {
    const method = `queue.${action}` as const;
    const r = await api(method, { visitId: visit.visitId });
    if (!r.ok) return void report(errorText(r.error), 'error');
    setMessage(
      action === 'surveyReady'
        ? { kind: 'success', text: t('consultation.surveyReadyDone') }
        : null,
    );
    if (action === 'start') {
      setSelected(r.value);
      setCases([]);
    }
    if (action === 'end') {
      setSelected(null);
      setCases([]);
    }
    if (action === 'surveyReady') setSelected(r.value);
    reload();
  };

  const newCase = async (): Promise<void> => {
    if (!selected) return;
    const r = await api('case.create', { visitId: selected.visitId });
    if (!r.ok) return void report(errorText(r.error), 'error');
    setCases((c) => [...c, r.value]);
    reload();
  };

  const resume = async (draft: CaseView) => {
    const visit = mine.find((v) => v.visitId === draft.visitId);
    if (visit) setSelected(visit);
    const r = await api('case.forVisit', { visitId: draft.visitId });
    if (r.ok) setCases(visit ? r.value : r.value.filter((c) => c.caseId === draft.caseId));
  };

  const updateCase = (v: CaseView) => {
    setCases((list) => list.map((c) => (c.caseId === v.caseId ? v : c)));
    if (v.status !== 'draft') reload();
  };

  return (
    <FolderOffersProvider>
      <main id="main" className="consultation">
        <h1 className="visually-hidden">{t('consultation.title')}</h1>
        <div className="consultation__side">
          <QueuePanel
            waiting={waiting}
            mine={mine}
            now={now}
            selectedVisitId={selectedId}
            onCallNext={callNext}
            onAction={act}
            onSelect={(v) => setSelected(v)}
            visitActions={(v) => (
              <VisitCallActions
                visit={v}
                onDone={(text, kind, handedOn) => {
                  report(text, kind);
                  if (handedOn && v.visitId === selectedId) {
                    setSelected(null);
                    setCases([]);
                  }
                  reload();
                }}
              />
            )}
          />
          <SurveyDisplayControls />
          <WaitingRoomSettings />
          <section className="card" aria-labelledby="drafts-title">
            <h2 id="drafts-title">{t('consultation.draftsTitle')}</h2>
            {drafts.length === 0 ? (
              <p className="muted">{t('consultation.draftsEmpty')}</p>
            ) : (
              <ul className="mine-list">
                {drafts.map((d) => (
                  <li key={d.caseId}>
                    <ActionButton className="link-button" onAction={() => resume(d)}>
                      {t('consultation.resume', { code: d.caseCode })}
                    </ActionButton>{' '}
                    <span className="muted">{d.reporter.name}</span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
        <div className="consultation__main">
          {message && <Notice kind={message.kind}>{message.text}</Notice>}
          {!selected && cases.length === 0 ? (
            <section className="card">
              <p>{t('consultation.selectVisit')}</p>
            </section>
          ) : (
            <section className="card" aria-labelledby="cases-title">
              <div className="card__head">
                <h2 id="cases-title">
                  {selected
                    ? t('consultation.casesTitle', {
                        queue: selected.queueLabel,
                        name: selected.fullName,
                      })
                    : t('consultation.draftsTitle')}
                </h2>
                {selected?.status === 'in_consultation' && (
                  <div className="button-row">
                    <ActionButton className="button" onAction={newCase}>
                      {t('consultation.newCase')}
                    </ActionButton>
                    <ActionButton className="button" onAction={() => act('surveyReady', selected)}>
                      {t('consultation.surveyReady')}
                    </ActionButton>
                    <ActionButton className="button" onAction={() => act('end', selected)}>
                      {t('consultation.end')}
                    </ActionButton>
                  </div>
                )}
              </div>
              {selected && (
                <p className="case-card__purpose">
                  <strong>{t('fields.purpose')}:</strong> {selected.purpose}
                </p>
              )}
              {selected && <SurveyStatusLine visitId={selected.visitId} />}
              {cases.length === 0 && <p className="muted">{t('consultation.noCases')}</p>}
              {cases.map((c) => (
                <CaseCard
                  key={c.caseId}
                  view={c}
                  onChanged={updateCase}
                  showPurpose={selected?.visitId !== c.visitId}
                />
              ))}
            </section>
          )}
        </div>
      </main>
    </FolderOffersProvider>
  );
}
