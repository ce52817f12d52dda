import { lazy, StrictMode, Suspense, type ComponentType } from 'react';
import { createRoot } from 'react-dom/client';
import {
  WINDOW_KIND_SPECS,
  windowKindOfPath,
  type WindowKind,
} from '../../shared/domain/station-kinds';
import { App } from './App';
import { forgetStaffSession, hasSession } from './api/client';
import { initI18n } from './i18n';
import { keepBackInsideLoket } from './back-navigation';
import { HostAccessGate } from './host-access/HostAccessGate';
import './styles.css';

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
  const Page = APPS[kind];
  // The browser's Back button moves between Loket's screens and never leaves Loket.
  if (!window.loket) keepBackInsideLoket();
  void initI18n().then(() =>
    createRoot(root).render(
      <StrictMode>
        <HostAccessGate>
          <Suspense fallback={null}>
            <Page />
          </Suspense>
        </HostAccessGate>
      </StrictMode>,
    ),
  );
}
