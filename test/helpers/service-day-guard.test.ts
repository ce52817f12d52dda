import { describe, expect, it } from 'vitest';
import { LONGEST_E2E_TEST_MS, waitForServiceDay } from './service-day-guard';

describe('waitForServiceDay', () => {
  it('lets a test start at once when the service day has more left than the longest test', () => {
    expect(waitForServiceDay(new Date('2026-12-03T09:00:00+07:00'))).toBe(0);
    const justEnough = new Date(Date.parse('2026-12-04T00:00:00+07:00') - LONGEST_E2E_TEST_MS - 1);
    expect(waitForServiceDay(justEnough)).toBe(0);
  });

  it('holds a test that could run past midnight WIB until just after it', () => {
    // 16:59:20 UTC is 23:59:20 WIB: 40 s left, then 2 s into the new day.
    expect(waitForServiceDay(new Date('2026-12-03T16:59:20Z'))).toBe(42_000);
    const tooClose = new Date(Date.parse('2026-12-04T00:00:00+07:00') - LONGEST_E2E_TEST_MS);
    expect(waitForServiceDay(tooClose)).toBe(LONGEST_E2E_TEST_MS + 2_000);
  });

  it('counts midnight in Jakarta, not in the machine time zone (UTC here)', () => {
    // 23:59 UTC is 06:59 WIB: the morning of a service day, nothing to wait for.
    expect(waitForServiceDay(new Date('2026-12-03T23:59:00Z'))).toBe(0);
  });
});
