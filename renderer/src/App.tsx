import { Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Staff } from '../../shared/domain/staff';
import { LOCALES, type Locale } from '../../shared/i18n/messages';
import { api, hasSession, onUnauthenticated, setSessionToken } from './api/client';
import { errorText } from './api/errors';
import { ActionButton } from './components/ActionButton';
import { ChangeOwnPin } from './components/ChangeOwnPin';
import { Notice } from './components/Notice';
import { StorageBanner } from './components/StorageBanner';
import { HubBanner } from './components/HubBanner';
import { SyncBanner } from './components/SyncBanner';
import { clearAllDrafts } from './drafts/form-draft';
import { changeLocale } from './i18n';
import { onBackToScreen, showScreen } from './back-navigation';
import { FirstRunSetup } from './screens/FirstRunSetup';
import { LoginScreen } from './screens/LoginScreen';
import { BackupBanner } from './components/BackupBanner';
import {
  AuditScreen,
  BackupAdmin,
  ConsultationScreen,
  FollowUpScreen,
  PrivacyScreen,
  ReceptionScreen,
  RecordsScreen,
  ReportsScreen,
  StaffAdmin,
  StationPanel,
} from './lazy-screens';

type View =
  | { kind: 'loading' }
  | { kind: 'failed'; message: string }
  | { kind: 'setup' }
  | { kind: 'login'; notice: string | null }
  | { kind: 'staff'; me: Staff; page: Page };

type Page =
  'reception' | 'consultation' | 'followup' | 'reports' | 'admin' | 'privacy' | 'records' | 'audit';

const PAGES: { page: Page; role: Staff['roles'][number] }[] = [
  { page: 'reception', role: 'receptionist' },
  { page: 'consultation', role: 'officer' },
  { page: 'followup', role: 'officer' },
  { page: 'reports', role: 'supervisor' },
  { page: 'privacy', role: 'supervisor' },
  { page: 'admin', role: 'admin' },
];

/** The menu items that have a short name for narrow windows (`app.navShort`). */
const SHORT_NAMES: readonly Page[] = ['reports', 'admin', 'privacy', 'records', 'audit'];

function NavLabel({ page }: { page: Page }) {
  const { t } = useTranslation();
  if (!SHORT_NAMES.includes(page)) return t(`app.nav.${page}`);
  return (
    <>
      <span className="topbar__nav-full--has-short">{t(`app.nav.${page}`)}</span>
      <span className="topbar__nav-short" aria-hidden="true">
        {t(`app.navShort.${page}`)}
      </span>
    </>
  );
}
/** Pages more than one role opens. */
const SHARED_PAGES: { page: Page; roles: Staff['roles'] }[] = [
  { page: 'records', roles: ['receptionist', 'officer', 'supervisor'] },
  { page: 'audit', roles: ['supervisor', 'admin'] },
];

function pagesFor(me: Staff): Page[] {
  return [
    ...PAGES.filter((p) => me.roles.includes(p.role)).map((p) => p.page),
    ...SHARED_PAGES.filter((p) => p.roles.some((r) => me.roles.includes(r))).map((p) => p.page),
  ];
}

function firstPage(me: Staff): Page {
  return pagesFor(me)[0] ?? 'admin';
}

/**
 * `startsAt="login"`: the page's HTML already shows the login form (the host knew an
 * administrator exists), so it stays on screen while the start-up calls run.
 */
export function App({ startsAt }: { startsAt?: 'login' }) {
  const { t, i18n } = useTranslation();
  const [view, setView] = useState<View>(
    startsAt === 'login' ? { kind: 'login', notice: null } : { kind: 'loading' },
  );

  useEffect(() => {
    onUnauthenticated(() => setView({ kind: 'login', notice: t('errors.UNAUTHENTICATED') }));
  }, [t]);

  useEffect(() => {
    void (async () => {
      const status = await api('setup.status', {});
      if (!status.ok) return setView({ kind: 'failed', message: errorText(status.error) });
      if (status.value.needsFirstAdmin) return setView({ kind: 'setup' });
      if (hasSession()) {
        const me = await api('auth.me', {});
        if (me.ok) return setView({ kind: 'staff', me: me.value, page: firstPage(me.value) });
      }
      setView({ kind: 'login', notice: null });
    })();
  }, []);

  // Each screen is an entry in the browser's history: Back returns to the previous screen.
  const staffPage = view.kind === 'staff' ? view.page : null;
  useEffect(() => {
    if (staffPage) showScreen(staffPage);
  }, [staffPage]);
  useEffect(
    () =>
      onBackToScreen((screen) =>
        setView((v) => {
          const page = v.kind === 'staff' && pagesFor(v.me).find((p) => p === screen);
          return v.kind === 'staff' && page ? { ...v, page } : v;
        }),
      ),
    [],
  );

  useEffect(() => {
    document.title = t('app.title');
  }, [t, i18n.language]);

  const logout = async () => {
    clearAllDrafts(); // whoever logs in next at this desk must not see unsent input
    await api('auth.logout', {});
    setSessionToken(null);
    setView({ kind: 'login', notice: null });
  };

  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="topbar">
        <span className="topbar__brand">{t('app.name')}</span>
        {view.kind === 'staff' && (
          <nav aria-label="Menu" className="topbar__nav">
            {pagesFor(view.me).map((page) => (
              <button
                key={page}
                type="button"
                aria-current={view.page === page ? 'page' : undefined}
                onClick={() => setView({ ...view, page })}
              >
                <NavLabel page={page} />
              </button>
            ))}
          </nav>
        )}
        <div className="topbar__end">
          <label className="topbar__lang">
            <span className="topbar__lang-text">{t('app.language')}</span>
            <select
              value={i18n.language}
              onChange={(e) => void changeLocale(e.target.value as Locale)}
            >
              {LOCALES.map((l) => (
                <option key={l} value={l}>
                  {l === 'id' ? 'Bahasa Indonesia' : 'English'}
                </option>
              ))}
            </select>
          </label>
          {view.kind === 'staff' && (
            <>
              <span
                className="topbar__user"
                title={t('app.loggedInAs', { name: view.me.fullName })}
              >
                {t('app.loggedInAs', { name: view.me.fullName })}
              </span>
              <ChangeOwnPin />
              <ActionButton
                className="button button--small"
                title={t('app.loggedInAs', { name: view.me.fullName })}
                onAction={logout}
              >
                {t('app.logout')}
              </ActionButton>
            </>
          )}
        </div>
      </header>
      <HubBanner />
      {view.kind === 'staff' && <StorageBanner />}
      {view.kind === 'staff' && <SyncBanner />}
      {view.kind === 'staff' && <BackupBanner />}
      {view.kind === 'loading' && (
        <main id="main">
          <p>{t('app.loading')}</p>
        </main>
      )}
      {view.kind === 'failed' && (
        <main id="main">
          <Notice kind="error">{view.message}</Notice>
        </main>
      )}
      {view.kind === 'setup' && (
        <FirstRunSetup onDone={() => setView({ kind: 'login', notice: t('setup.done') })} />
      )}
      {view.kind === 'login' && (
        <LoginScreen
          notice={view.notice}
          onLoggedIn={(me) => setView({ kind: 'staff', me, page: firstPage(me) })}
        />
      )}
      <Suspense fallback={<p className="muted">{t('app.loading')}</p>}>
        {view.kind === 'staff' && view.page === 'reception' && <ReceptionScreen />}
        {view.kind === 'staff' && view.page === 'consultation' && <ConsultationScreen />}
        {view.kind === 'staff' && view.page === 'followup' && <FollowUpScreen />}
        {view.kind === 'staff' && view.page === 'reports' && <ReportsScreen />}
        {view.kind === 'staff' && view.page === 'admin' && <StaffAdmin me={view.me} />}
        {view.kind === 'staff' && view.page === 'admin' && <StationPanel />}
        {view.kind === 'staff' && view.page === 'privacy' && <PrivacyScreen />}
        {view.kind === 'staff' && view.page === 'admin' && <BackupAdmin />}
        {view.kind === 'staff' && view.page === 'records' && <RecordsScreen me={view.me} />}
        {view.kind === 'staff' && view.page === 'audit' && <AuditScreen />}
      </Suspense>
    </>
  );
}
