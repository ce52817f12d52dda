import { lazy, type ComponentType } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import {
  WINDOW_KIND_SPECS,
  windowKindOfPath,
  type WindowKind,
} from '../../shared/domain/station-kinds';
import { DEFAULT_LOCALE } from '../../shared/i18n/messages';
import { App } from './App';
import { connectApi, forgetStaffSession, hasSession } from './api/client';
import { changeLocale, initI18n, savedLocale } from './i18n';
import { keepBackInsideLoket } from './back-navigation';
import { PageRoot } from './page-root';
import { PRERENDERED_ATTRIBUTE, PRERENDERED_LOGIN } from './prerendered';

/**
 * The route table: each window kind's own app at its renderer entry (`/`, `/survey`, `/board`
 * from WINDOW_KIND_SPECS). A visitor-facing app cannot reach the staff screens.
 */
const APPS: Record<WindowKind, ComponentType> = {
  staff: App,
  // Each page loads only its own app's code.
  survey: lazy(() => import('./survey/SurveyApp').then((m) => ({ default: m.SurveyApp }))),
  display: lazy(() => import('./board/BoardApp').then((m) => ({ default: m.BoardApp }))),
};

connectApi();
const kind = windowKindOfPath(window.location.pathname);
const staffLogin = WINDOW_KIND_SPECS[kind].staffLogin;
// A visitor-facing page holds only its display token, however it was reached.
if (!staffLogin) forgetStaffSession();
// Back from the survey may restore the staff page from the back/forward cache, screens and all;
// its session was dropped when the tab became the survey, so load it afresh (the login screen).
window.addEventListener('pageshow', (event) => {
  if (event.persisted && staffLogin && !hasSession()) window.location.reload();
});

const root = document.getElementById('root');
if (root) {
  // The browser's Back button moves between Loket's screens and never leaves Loket.
  if (!window.loket) keepBackInsideLoket();
  if (kind === 'staff' && root.getAttribute(PRERENDERED_ATTRIBUTE) === PRERENDERED_LOGIN) {
    // The host served the login form already rendered (in the default language): whatever was
    // typed into it stays, and the desk's own language follows once the form is live.
    const desk = savedLocale();
    void initI18n(DEFAULT_LOCALE).then(() =>
      hydrateRoot(
        root,
        <PageRoot onStarted={() => void (desk !== DEFAULT_LOCALE && changeLocale(desk))}>
          <App startsAt="login" />
        </PageRoot>,
      ),
    );
  } else {
    const Page = APPS[kind];
    // A pre-rendered login form at another page's address is not this page's.
    root.replaceChildren();
    void initI18n().then(() =>
      createRoot(root).render(
        <PageRoot>
          <Page />
        </PageRoot>,
      ),
    );
  }
}
