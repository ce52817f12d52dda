import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { SurveyApp } from './survey/SurveyApp';
import { initI18n } from './i18n';
import './styles.css';

const root = document.getElementById('root');
if (root) {
  void initI18n().then(() =>
    createRoot(root).render(
      <StrictMode>
        {/* The visitor-facing screen is its own app: it cannot reach the staff screens. */}
        {window.location.pathname.startsWith('/survey') ? <SurveyApp /> : <App />}
      </StrictMode>,
    ),
  );
}
