import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { forgetStaffSession, hasSession } from './api/client';
import { SurveyApp } from './survey/SurveyApp';
import { initI18n } from './i18n';
import { keepBackInsideLoket } from './back-navigation';
import { HostAccessGate } from './host-access/HostAccessGate';
import './styles.css';

const isSurveyPage = window.location.pathname.startsWith('/survey');
// The survey page holds only its display token, however it was reached.
if (isSurveyPage) forgetStaffSession();
// Back from the survey may restore the staff page from the back/forward cache, screens and all;
// its session was dropped when the tab became the survey, so load it afresh (the login screen).
window.addEventListener('pageshow', (event) => {
  if (event.persisted && !isSurveyPage && !hasSession()) window.location.reload();
});

const root = document.getElementById('root');
if (root) {
  // The browser's Back button moves between Loket's screens and never leaves Loket.
  if (!window.loket) keepBackInsideLoket();
  void initI18n().then(() =>
    createRoot(root).render(
      <StrictMode>
        <HostAccessGate>
          {/* The visitor-facing screen is its own app: it cannot reach the staff screens. */}
          {isSurveyPage ? <SurveyApp /> : <App />}
        </HostAccessGate>
      </StrictMode>,
    ),
  );
}
