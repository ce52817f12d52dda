import { renderToString } from 'react-dom/server';
import { DEFAULT_LOCALE } from '../../shared/i18n/messages';
import { App } from './App';
import { startI18n } from './i18n';
import { PageRoot } from './page-root';

/**
 * The staff page's first screen as HTML, rendered at build time (scripts/prerender-pages.ts):
 * the same tree main.tsx hydrates, in the default language.
 */
export async function renderLoginPage(): Promise<string> {
  await startI18n(DEFAULT_LOCALE);
  return renderToString(
    <PageRoot>
      <App startsAt="login" />
    </PageRoot>,
  );
}
