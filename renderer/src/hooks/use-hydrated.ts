import { useSyncExternalStore } from 'react';

const never = () => () => {};

/**
 * False while React adopts HTML rendered ahead (the build's login page) and in that rendering
 * itself, true once the page's code runs the component; a page rendered in the browser is true
 * from its first render.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    never,
    () => true,
    () => false,
  );
}
