import { describe, expect, it } from 'vitest';
import { formatOsloDateTime, osloWallClock, osloWallClockAsUtc } from './oslo-time.js';

describe('contact times in Norway', () => {
  it('shows summer time (UTC+2) and winter time (UTC+1) as the clock in Oslo', () => {
    expect(formatOsloDateTime(new Date('2024-09-10T10:15:00+02:00'))).toBe('2024-09-10 10:15');
    expect(formatOsloDateTime(new Date('2024-09-10T08:15:59Z'))).toBe('2024-09-10 10:15');
    expect(formatOsloDateTime(new Date('2024-01-05T08:15:00Z'))).toBe('2024-01-05 09:15');
    // Midnight in Oslo belongs to the next day, not to the UTC date.
    expect(formatOsloDateTime(new Date('2024-12-31T23:30:00Z'))).toBe('2025-01-01 00:30');
    expect(osloWallClock(new Date('2024-03-31T01:00:00Z'))).toEqual({ year: 2024, month: 3, day: 31, hour: 3, minute: 0, second: 0 });
  });

  it('gives a Date whose UTC fields are the Oslo wall clock, for spreadsheet date cells', () => {
    expect(osloWallClockAsUtc(new Date('2024-09-10T10:15:30+02:00')).toISOString()).toBe('2024-09-10T10:15:30.000Z');
    expect(osloWallClockAsUtc(new Date('2024-01-05T08:15:00Z')).toISOString()).toBe('2024-01-05T09:15:00.000Z');
  });
});
