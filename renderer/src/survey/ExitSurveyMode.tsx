import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, setSessionToken } from '../api/client';
import { forgetDisplayToken } from '../api/survey-client';
import { useAction } from '../hooks/use-action';

const SAME_WINDOW_KEY = 'loket.surveyMode';

/** When the officer turned their own screen into the survey, only a staff PIN turns it back. */
export function enterSameWindowSurveyMode(): void {
  sessionStorage.setItem(SAME_WINDOW_KEY, 'same-window');
}

export function isSameWindowSurveyMode(): boolean {
  return sessionStorage.getItem(SAME_WINDOW_KEY) === 'same-window';
}

/** A staff login in this tab (here, or on the login screen after Back) makes it a staff tab again. */
export function endSameWindowSurveyMode(): void {
  forgetDisplayToken();
  sessionStorage.removeItem(SAME_WINDOW_KEY);
}

export function ExitSurveyMode() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [username, setUsername] = useState('');
  const [pin, setPin] = useState('');
  const [failure, setFailure] = useState<string | null>(null);

  const leave = async () => {
    const bridge = window.loket;
    // In Electron the main process checks the PIN and gives the window its staff rights back.
    const r = bridge
      ? ((await bridge.leaveSurveyMode(username, pin)) as Awaited<
          ReturnType<typeof api<'auth.login'>>
        >)
      : await api('auth.login', { username, pin });
    if (!r.ok) {
      setPin('');
      return setFailure(t(`errors.${r.error.code}`, { seconds: r.error.retryAfterSeconds ?? '' }));
    }
    setSessionToken(r.value.sessionToken);
    endSameWindowSurveyMode();
    window.location.assign('/');
  };

  // One PIN check per press: a double submit must not count as two attempts.
  const leaving = useAction(leave);

  if (!open) {
    return (
      <button type="button" className="survey-tool" onClick={() => setOpen(true)}>
        {t('survey.exit')}
      </button>
    );
  }
  return (
    <div className="survey-modal" role="dialog" aria-modal="true" aria-labelledby="exit-title">
      <form
        className="survey-modal__box"
        onSubmit={(e) => {
          e.preventDefault();
          void leaving.run();
        }}
      >
        <h2 id="exit-title">{t('survey.exitTitle')}</h2>
        <label className="survey-label" htmlFor="exit-user">
          {t('fields.username')}
        </label>
        <input
          id="exit-user"
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          autoComplete="off"
        />
        <label className="survey-label" htmlFor="exit-pin">
          {t('fields.pin')}
        </label>
        <input
          id="exit-pin"
          type="password"
          inputMode="numeric"
          value={pin}
          onChange={(e) => setPin(e.target.value)}
          autoComplete="off"
        />
        {failure && (
          <p className="survey-error" role="alert">
            {failure}
          </p>
        )}
        <div className="survey-nav">
          <button type="button" className="survey-secondary" onClick={() => setOpen(false)}>
            {t('survey.cancel')}
          </button>
          <button type="submit" className="survey-primary" aria-busy={leaving.busy || undefined}>
            {t('survey.exitSubmit')}
          </button>
        </div>
      </form>
    </div>
  );
}
