import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SurveyStatus } from '../../../../shared/domain/survey';
import { formatTimeWib } from '../../../../shared/time';
import { api, forgetStaffSession } from '../../api/client';
import { errorText } from '../../api/errors';
import { launchToken } from '../../api/transport';
import { ActionButton } from '../../components/ActionButton';
import { useLiveCall } from '../../hooks/use-live-call';
import { Notice } from '../../components/Notice';
import { enterSameWindowSurveyMode } from '../../survey/ExitSurveyMode';
import { PairedSurveyScreens } from './PairedSurveyScreens';
import './SurveyStatus.css';

/** Only while the push stream is down. */
const POLL_MS = 15_000;

function surveyUrl(displayToken: string, entry = '/survey'): string {
  const fragment = new URLSearchParams({ token: launchToken(), display: displayToken });
  return `${entry}#${fragment.toString()}`;
}

/** Opens the visitor-facing survey, on another screen or this one, and relays "call an officer". */
export function SurveyDisplayControls() {
  const { t, i18n } = useTranslation();
  const [alerts, setAlerts] = useState<string[]>([]);
  const [failure, setFailure] = useState<string | null>(null);

  // survey.alerts hands each alert over once: they are added up here until acknowledged.
  useLiveCall(
    'survey.alerts',
    {},
    {
      topics: ['survey'],
      fallbackMs: POLL_MS,
      onData: (value) => {
        if (value.length > 0) setAlerts((a) => [...a, ...value.map((x) => x.at)]);
      },
    },
  );

  const open = async (sameWindow: boolean) => {
    const r = await api('survey.openDisplay', {});
    if (!r.ok) return setFailure(errorText(r.error));
    const bridge = window.loket;
    // Electron: a window on the display facing the visitor, made by the main process.
    if (!sameWindow && bridge && (await bridge.openDisplayWindow('survey', r.value.displayToken)))
      return;
    if (sameWindow || bridge) {
      await bridge?.enterSurveyMode();
      enterSameWindowSurveyMode();
      forgetStaffSession();
      window.location.assign(surveyUrl(r.value.displayToken));
    } else {
      // Its own tab with nothing of this one: no opener to reach back through, no copy of the
      // staff session (Chromium gives a noopener window fresh session storage), only the
      // display token in the fragment.
      window.open(surveyUrl(r.value.displayToken), '_blank', 'popup,noopener,noreferrer');
    }
  };

  /** The waiting-room board: on the second screen in Electron, else its own tab. */
  const openBoard = async () => {
    const r = await api('board.openDisplay', {});
    if (!r.ok) return setFailure(errorText(r.error));
    const bridge = window.loket;
    if (bridge && (await bridge.openDisplayWindow('display', r.value.displayToken))) return;
    window.open(surveyUrl(r.value.displayToken, '/board'), '_blank', 'popup,noopener,noreferrer');
  };

  return (
    <section className="card" aria-labelledby="survey-display-title">
      <h2 id="survey-display-title">{t('survey.title')}</h2>
      {alerts.map((at) => (
        <p key={at} className="survey-alert" role="alert">
          {t('survey.visitorCalls', { time: formatTimeWib(at, i18n.language) })}{' '}
          <button
            type="button"
            className="link-button"
            onClick={() => setAlerts((a) => a.filter((x) => x !== at))}
          >
            OK
          </button>
        </p>
      ))}
      {failure && <Notice kind="error">{failure}</Notice>}
      <div className="button-row">
        <ActionButton className="button button--small" onAction={() => open(false)}>
          {t('survey.openDisplay')}
        </ActionButton>
        <ActionButton className="button button--small" onAction={() => open(true)}>
          {t('survey.surveyMode')}
        </ActionButton>
        <ActionButton className="button button--small" onAction={openBoard}>
          {t('board.open')}
        </ActionButton>
      </div>
      <PairedSurveyScreens />
    </section>
  );
}

/** The officer sees whether the survey is waiting, being filled, or done — never the answers. */
export function SurveyStatusLine({ visitId }: { visitId: number }) {
  const { t } = useTranslation();
  const status: { status: SurveyStatus; ahead?: number } | null = useLiveCall(
    'survey.statusForVisit',
    { visitId },
    { topics: ['survey'], fallbackMs: POLL_MS },
  ).data;
  if (status === null) return null;
  return (
    <p className="survey-status" role="status" data-survey-status={status.status}>
      {t('survey.statusLabel', { status: t(`survey.statuses.${status.status}`) })}
      {status.ahead !== undefined && (
        <span className="survey-status__detail">
          {' · '}
          {t('surveyPending.position', { n: status.ahead + 1 })}
        </span>
      )}
      {status.status === 'expired' && (
        <span className="survey-status__detail"> {t('surveyPending.expiredHint')}</span>
      )}
    </p>
  );
}
