import { describe, expect, it } from 'vitest';
import {
  formatDayLong,
  formatTimeWib,
  fromWibLocalInput,
  serviceDayOf,
  toWibLocalInput,
} from '../../shared/time';

describe('WIB service days', () => {
  it('changes day at midnight in Jakarta (17:00 UTC), not at UTC midnight', () => {
    expect(serviceDayOf(new Date('2026-11-24T16:59:59.999Z'))).toBe('2026-11-24');
    expect(serviceDayOf(new Date('2026-11-24T17:00:00.000Z'))).toBe('2026-11-25');
    expect(serviceDayOf(new Date('2026-11-24T00:30:00.000Z'))).toBe('2026-11-24');
    expect(serviceDayOf(new Date('2026-12-31T17:00:00.000Z'))).toBe('2027-01-01');
  });

  it('shows times in WIB and dates the Indonesian way', () => {
    expect(formatTimeWib('2026-11-24T02:05:00.000Z', 'id')).toBe('09.05');
    expect(formatDayLong('2026-11-24', 'id')).toBe('Selasa, 24 November 2026');
    expect(formatDayLong('2026-11-24', 'en')).toBe('Tuesday, 24 November 2026');
  });
});

describe('datetime-local values in WIB', () => {
  it('shows an instant as WIB wall time and reads it back to the same minute', () => {
    const instant = new Date('2026-11-24T17:05:00.000Z'); // 00:05 WIB the next day
    expect(toWibLocalInput(instant)).toBe('2026-11-25T00:05');
    expect(fromWibLocalInput('2026-11-25T00:05')).toBe('2026-11-24T17:05:00.000Z');
  });

  it('refuses what is not a date and time', () => {
    expect(fromWibLocalInput('')).toBeNull();
    expect(fromWibLocalInput('2026-13-40T25:00')).toBeNull();
    expect(fromWibLocalInput('kemarin')).toBeNull();
  });
});
