import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SKM_QUESTIONS, type SkmElement, type SkmScore } from '../../../shared/domain/skm';
import { AGE_GROUPS, EDUCATIONS, GENDERS, OCCUPATIONS } from '../../../shared/domain/survey';
import type { Locale } from '../../../shared/i18n/messages';
import { surveyApi } from '../api/survey-client';
import { ActionButton } from '../components/ActionButton';
import { HubBanner } from '../components/HubBanner';
import { useLiveCall } from '../hooks/use-live-call';
import { changeLocale } from '../i18n';
import { ExitSurveyMode, isSameWindowSurveyMode } from './ExitSurveyMode';
import { PendingOffer, type OfferedSurvey } from './PendingOffer';
import { QuestionScreen } from './QuestionScreen';
import { SurveyPrivacyNotice } from './SurveyPrivacyNotice';

type Step =
  | { kind: 'welcome' }
  | { kind: 'question'; index: number }
  | { kind: 'profile' }
  | { kind: 'comment' }
  | { kind: 'thanks' };

interface Profile {
  gender?: (typeof GENDERS)[number];
  ageGroup?: (typeof AGE_GROUPS)[number];
  education?: (typeof EDUCATIONS)[number];
  occupation?: (typeof OCCUPATIONS)[number];
}

/** While the push stream is down: as often as the screen polled before it had one. */
const POLL_MS = 2000;
/** A hand-over expires after 30 minutes (or at day end) without any call announcing it. */
const EXPIRY_CHECK_MS = 30_000;
const THANKS_MS = 6000;
/** Taps closer than this to the screen changing are a burst, not a considered answer. */
const TAP_GUARD_MS = 700;
const TOTAL = SKM_QUESTIONS.length;
/** A survey station asks its own host for its hub link (answered on the PC, never by the hub). */
const surveyStationStatus = () => surveyApi('station.status', {}, 'id');

/** The visitor-facing satisfaction survey: one question per screen, big targets, resets when idle. */
export function SurveyApp() {
  const { t, i18n } = useTranslation();
  const locale = (i18n.language === 'en' ? 'en' : 'id') as Locale;
  const [step, setStep] = useState<Step>({ kind: 'welcome' });
  /** The survey being filled in: chosen on the welcome screen, by its queue number. */
  const [active, setActive] = useState<OfferedSurvey | null>(null);
  const [pending, setPending] = useState<OfferedSurvey[]>([]);
  /** Which waiting survey the welcome screen shows; the oldest unless "not my number". */
  const [shownTicket, setShownTicket] = useState<string | null>(null);
  const [idleSeconds, setIdleSeconds] = useState(60);
  const [answers, setAnswers] = useState<Partial<Record<SkmElement, SkmScore>>>({});
  const [profile, setProfile] = useState<Profile>({});
  const [comment, setComment] = useState('');
  const [large, setLarge] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [askingStillThere, setAskingStillThere] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const changedAt = useRef(0);
  const lastTouch = useRef(0);

  const go = useCallback((next: Step) => {
    changedAt.current = Date.now();
    setStep(next);
  }, []);

  const reset = useCallback(() => {
    setAnswers({});
    setProfile({});
    setComment('');
    setActive(null);
    setShownTicket(null);
    setAskingStillThere(null);
    setNotice(null);
    setError(null);
    go({ kind: 'welcome' });
  }, [go]);

  // The welcome screen hears from the host when a survey is handed over (pushed); polled only
  // while the stream is down (an unbound station's is refused), and now and then for expiry.
  const current = useLiveCall(
    'survey.current',
    {},
    {
      topics: ['survey'],
      window: 'survey',
      fallbackMs: POLL_MS,
      alwaysEveryMs: EXPIRY_CHECK_MS,
      enabled: step.kind === 'welcome',
      call: (method, input) => surveyApi(method, input, locale),
      onData: (value) => {
        setIdleSeconds(value.idleSeconds);
        setPending(value.pending);
      },
    },
  );
  /** No officer has opened the survey for this screen yet (a survey station before its binding). */
  const unbound = current.error?.code === 'UNAUTHENTICATED';

  // Idle reset: "still there?" after idleSeconds without a touch, then a clean start.
  useEffect(() => {
    const touched = () => {
      lastTouch.current = Date.now();
    };
    touched();
    window.addEventListener('pointerdown', touched);
    window.addEventListener('keydown', touched);
    const timer = setInterval(() => {
      if (step.kind === 'welcome') return;
      const idleFor = (Date.now() - lastTouch.current) / 1000;
      const grace = Math.max(3, Math.round(idleSeconds / 4));
      if (step.kind === 'thanks') return;
      if (idleFor >= idleSeconds + grace) reset();
      else if (idleFor >= idleSeconds)
        setAskingStillThere(Math.ceil(idleSeconds + grace - idleFor));
      else setAskingStillThere(null);
    }, 250);
    return () => {
      window.removeEventListener('pointerdown', touched);
      window.removeEventListener('keydown', touched);
      clearInterval(timer);
    };
  }, [step.kind, idleSeconds, reset]);

  useEffect(() => {
    if (step.kind !== 'thanks') return;
    const timer = setTimeout(reset, THANKS_MS);
    return () => clearTimeout(timer);
  }, [step.kind, reset]);

  const shown = pending.find((p) => p.ticket === shownTicket) ?? pending[0] ?? null;

  const start = async () => {
    if (!shown) return;
    setActive(shown);
    await surveyApi('survey.start', { ticket: shown.ticket }, locale);
    go({ kind: 'question', index: 0 });
  };

  const answer = (element: SkmElement, score: SkmScore, index: number) => {
    if (Date.now() - changedAt.current < TAP_GUARD_MS) return;
    setAnswers((a) => ({ ...a, [element]: score }));
    go(index + 1 < TOTAL ? { kind: 'question', index: index + 1 } : { kind: 'profile' });
  };

  const submit = async () => {
    if (!active) return reset();
    const r = await surveyApi(
      'survey.submit',
      { ticket: active.ticket, answers, profile, ...(comment.trim() && { comment }) },
      locale,
    );
    if (r.ok || r.error.code === 'SURVEY_ALREADY_DONE') return go({ kind: 'thanks' });
    setError(t(`errors.${r.error.code}`));
  };

  const callOfficer = async () => {
    await surveyApi('survey.callOfficer', {}, locale);
    setNotice(t('survey.officerCalled'));
  };

  const back = () => {
    if (step.kind === 'question')
      go(step.index === 0 ? { kind: 'welcome' } : { kind: 'question', index: step.index - 1 });
    if (step.kind === 'profile') go({ kind: 'question', index: TOTAL - 1 });
    if (step.kind === 'comment') go({ kind: 'profile' });
  };

  const profileChoice = <K extends keyof Profile>(
    key: K,
    values: readonly NonNullable<Profile[K]>[],
    labels: string,
  ) => (
    <fieldset className="survey-profile__field">
      <legend>{t(`survey.${key}`)}</legend>
      <div className="survey-chips">
        {values.map((v) => (
          <button
            key={v}
            type="button"
            className="survey-chip"
            aria-pressed={profile[key] === v}
            onClick={() => setProfile((p) => ({ ...p, [key]: p[key] === v ? undefined : v }))}
          >
            {t(`survey.${labels}.${v}`)}
          </button>
        ))}
      </div>
    </fieldset>
  );

  return (
    <div className={`survey${large ? ' survey--large' : ''}`}>
      <HubBanner status={surveyStationStatus} />
      <header className="survey__bar">
        <span className="survey__brand">
          {t('survey.title')}
          {active && step.kind !== 'welcome' && (
            <span className="survey-badge">
              {t('surveyPending.badge', { queue: active.queueLabel })}
            </span>
          )}
        </span>
        <div className="survey__tools">
          <button
            type="button"
            className="survey-tool"
            aria-pressed={large}
            onClick={() => setLarge((l) => !l)}
          >
            {t('survey.largeText')}
          </button>
          <button
            type="button"
            className="survey-tool"
            onClick={() => void changeLocale(locale === 'id' ? 'en' : 'id')}
          >
            {locale === 'id' ? 'English' : 'Bahasa Indonesia'}
          </button>
          <ActionButton className="survey-tool survey-tool--call" onAction={() => callOfficer()}>
            {t('survey.callOfficer')}
          </ActionButton>
          {isSameWindowSurveyMode() && <ExitSurveyMode />}
        </div>
      </header>
      <main id="main" className="survey__body">
        {notice && (
          <p className="survey-notice" role="status">
            {notice}
          </p>
        )}
        {step.kind === 'welcome' && (
          <section className="survey-card" aria-labelledby="survey-welcome">
            <h1 id="survey-welcome">{t('survey.welcome')}</h1>
            {shown ? (
              <>
                <PendingOffer
                  shown={shown}
                  pending={pending}
                  onNotMine={(next) => setShownTicket(next.ticket)}
                />
                <p className="survey-lead">{t('survey.invite')}</p>
                <ActionButton className="survey-primary" onAction={() => start()}>
                  {t('survey.start')}
                </ActionButton>
              </>
            ) : unbound ? (
              <>
                <p className="survey-lead">{t('station.waitingForOfficer')}</p>
                <p>{t('station.waitingForOfficerHint')}</p>
              </>
            ) : (
              <p className="survey-lead">{t('survey.waiting')}</p>
            )}
            <SurveyPrivacyNotice locale={locale} />
          </section>
        )}
        {step.kind === 'question' && (
          <QuestionScreen
            index={step.index}
            locale={locale}
            chosen={answers[SKM_QUESTIONS[step.index]!.element]}
            onAnswer={(score) => answer(SKM_QUESTIONS[step.index]!.element, score, step.index)}
            onBack={back}
          />
        )}
        {step.kind === 'profile' && (
          <section className="survey-card" aria-labelledby="survey-profile">
            <h1 id="survey-profile">{t('survey.profileTitle')}</h1>
            {profileChoice('gender', GENDERS, 'genders')}
            {profileChoice('ageGroup', AGE_GROUPS, 'ageGroups')}
            {profileChoice('education', EDUCATIONS, 'educations')}
            {profileChoice('occupation', OCCUPATIONS, 'occupations')}
            <div className="survey-nav">
              <button type="button" className="survey-secondary" onClick={back}>
                {t('survey.back')}
              </button>
              <button
                type="button"
                className="survey-secondary"
                onClick={() => {
                  setProfile({});
                  go({ kind: 'comment' });
                }}
              >
                {t('survey.skip')}
              </button>
              <button
                type="button"
                className="survey-primary"
                onClick={() => go({ kind: 'comment' })}
              >
                {t('survey.next')}
              </button>
            </div>
          </section>
        )}
        {step.kind === 'comment' && (
          <section className="survey-card" aria-labelledby="survey-comment">
            <h1 id="survey-comment">{t('survey.commentTitle')}</h1>
            <label htmlFor="survey-comment-text" className="survey-label">
              {t('survey.commentLabel')}
            </label>
            <textarea
              id="survey-comment-text"
              rows={4}
              maxLength={1000}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
            />
            {error && (
              <p className="survey-error" role="alert">
                {error}
              </p>
            )}
            <div className="survey-nav">
              <button type="button" className="survey-secondary" onClick={back}>
                {t('survey.back')}
              </button>
              <ActionButton className="survey-primary" onAction={() => submit()}>
                {t('survey.submit')}
              </ActionButton>
            </div>
          </section>
        )}
        {step.kind === 'thanks' && (
          <section className="survey-card" aria-labelledby="survey-thanks">
            <h1 id="survey-thanks">{t('survey.thanks')}</h1>
            <p className="survey-lead">{t('survey.thanksSub')}</p>
          </section>
        )}
      </main>
      {askingStillThere !== null && (
        <div
          className="survey-modal"
          role="alertdialog"
          aria-modal="true"
          aria-labelledby="still-there"
          aria-describedby="still-there-sub"
        >
          <div className="survey-modal__box">
            <h2 id="still-there">{t('survey.stillThere')}</h2>
            <p id="still-there-sub">{t('survey.stillThereSub', { seconds: askingStillThere })}</p>
            <button
              type="button"
              className="survey-primary"
              autoFocus
              onClick={() => setAskingStillThere(null)}
            >
              {t('survey.continue')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
