import { serviceDayEnd } from '../../electron/core/auth/sessions';

/** The longest an end-to-end test is given (its own test.setTimeout), and half a minute more. */
export const LONGEST_E2E_TEST_MS = 240_000 + 30_000;
/** After midnight WIB: the new service day has begun on every clock of the machine. */
const PAST_MIDNIGHT_MS = 2_000;

/**
 * How long a test starting at `now` waits so that it cannot run across midnight WIB. The service
 * day ends there, and with it every staff and display session, by design (auth/sessions.ts): a
 * test that straddles it finds the officer logged out and the survey's answers refused (CI stop
 * 25, which ran from 16:43 UTC). Zero unless the day ends within `budgetMs`.
 */
export function waitForServiceDay(now: Date, budgetMs = LONGEST_E2E_TEST_MS): number {
  const left = serviceDayEnd(now) - now.getTime();
  return left > budgetMs ? 0 : left + PAST_MIDNIGHT_MS;
}
