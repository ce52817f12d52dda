import { useSyncExternalStore, type ReactNode } from 'react';
import i18next from 'i18next';
import { hostAccessProblem, onHostAccessProblem, type HostAccessProblem } from '../api/transport';
import './host-access.css';

const KEY_OF: Record<HostAccessProblem, 'noToken' | 'tokenRejected' | 'wrongAddress'> = {
  'no-token': 'noToken',
  'token-rejected': 'tokenRejected',
  'wrong-address': 'wrongAddress',
};

/** The line `npm start` prints, so the reader can find it among the terminal's output. */
const READY_LINE = 'Loket siap / ready: http://…';

function Explanation({ lng, problem }: { lng: 'id' | 'en'; problem: HostAccessProblem }) {
  const t = i18next.getFixedT(lng);
  const key = KEY_OF[problem];
  const Heading = lng === 'id' ? 'h1' : 'h2';
  return (
    <section lang={lng} className={`host-access__part host-access__part--${lng}`}>
      <Heading>{t(`hostAccess.${key}.title`)}</Heading>
      <p>{t(`hostAccess.${key}.body`)}</p>
      <p>
        {t('hostAccess.readyLine')} <code>{READY_LINE}</code>
      </p>
      {problem !== 'wrong-address' && (
        <p className="host-access__note">{t('hostAccess.running')}</p>
      )}
    </section>
  );
}

/**
 * In browser mode, a tab that may not use the host (no launch token, one from an earlier run, a
 * foreign address) says what to do instead of "cannot reach the service", in Indonesian first
 * and English below: the screen's language choice may not have been made yet.
 */
export function HostAccessGate({ children }: { children: ReactNode }) {
  // The build's pre-rendered login page knows of no problem; the page tells once it runs.
  const problem = useSyncExternalStore(onHostAccessProblem, hostAccessProblem, () => null);
  if (problem === null) return children;
  return (
    <main id="main" className="host-access">
      <div className="host-access__card" role="alert">
        <Explanation lng="id" problem={problem} />
        <Explanation lng="en" problem={problem} />
      </div>
    </main>
  );
}
