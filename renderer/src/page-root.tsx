import { StrictMode, Suspense, useEffect, type ReactNode } from 'react';
import { HostAccessGate } from './host-access/HostAccessGate';

/**
 * What every page renders around its app. The build renders the login page inside it too, so
 * the page and that HTML must wrap the app the same way for hydration to match.
 */
export function PageRoot({ children, onStarted }: { children: ReactNode; onStarted?: () => void }) {
  return (
    <StrictMode>
      <HostAccessGate>
        <Suspense fallback={null}>{children}</Suspense>
      </HostAccessGate>
      {onStarted && <Started onStarted={onStarted} />}
    </StrictMode>
  );
}

/** Tells once the page has been rendered (or hydrated) and its effects are running. */
function Started({ onStarted }: { onStarted: () => void }) {
  useEffect(onStarted, [onStarted]);
  return null;
}
