import type { Dispatch } from '../core/api/dispatcher';
import type { StartsAtLogin } from './static-files';

/** The host's first staff screen is the login form once the core has an administrator. */
export function startsAtLoginVia(dispatch: Dispatch): StartsAtLogin {
  return async () => {
    const status = await dispatch('setup.status', {}, { window: 'staff' });
    return status.ok && (status.value as { needsFirstAdmin: boolean }).needsFirstAdmin === false;
  };
}
