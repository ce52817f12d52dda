import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { SurveyApp } from './survey/SurveyApp';
import { initI18n } from './i18n';
import { keepBackInsideLoket } from './back-navigation';
import { HostAccessGate } from './host-access/HostAccessGate';
import './styles.css';

const root = document.getElementById('root');
if (root) {
  // The browser's Back button moves between Loket's screens and never leaves Loket.
  if (!window.loket) keepBackInsideLoket();
  void initI18n().then(() =>
    createRoot(root).render(
      <StrictMode>
        <HostAccessGate>
          {/* The visitor-facing screen is its own app: it cannot reach the staff screens. */}
          {window.location.pathname.startsWith('/survey') ? <SurveyApp /> : <App />}
        </HostAccessGate>
      </StrictMode>,
    ),
  );
}
