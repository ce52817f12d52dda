import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * Runs an action at most once at a time: a second press while its call is in flight (a double
 * click, an impatient tap) is ignored rather than sent again. The guard is a ref, not state, so
 * that two clicks in the same frame — before React re-renders — are told apart too.
 */
export function useAction<A extends unknown[]>(
  action: (...args: A) => Promise<unknown>,
): { run: (...args: A) => Promise<void>; busy: boolean } {
  const inFlight = useRef(false);
  const mounted = useRef(true);
  const [busy, setBusy] = useState(false);
  const latest = useRef(action);
  useEffect(() => {
    latest.current = action;
  });
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const run = useCallback(async (...args: A) => {
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    try {
      await latest.current(...args);
    } finally {
      inFlight.current = false;
      if (mounted.current) setBusy(false);
    }
  }, []);
  return { run, busy };
}

/**
 * The same guard for a group of buttons that each pass their own call (`guard(() => …)`): one
 * call at a time across the group, e.g. a case row's pause, resume and confirm.
 */
export function useGuard(): [
  busy: boolean,
  guard: (call: () => Promise<unknown>) => Promise<void>,
] {
  const { run, busy } = useAction((call: () => Promise<unknown>) => call());
  return [busy, run];
}
