import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatDuration } from './date.js';

describe('Norwegian dates', () => {
  it('writes 12. mars 2024 in Norwegian time', () => {
    expect(formatDate('2024-03-12T10:15:00+01:00')).toBe('12. mars 2024');
    // 23:30 UTC is already the next day in Oslo.
    expect(formatDate('2024-03-12T23:30:00Z')).toBe('13. mars 2024');
    expect(formatDate('2024-03-12T10:15:00+01:00', 'en')).toBe('12 March 2024');
  });
  it('adds the time as kl. 10:15', () => {
    expect(formatDateTime('2024-09-10T10:15:00+02:00')).toBe('10. september 2024 kl. 10:15');
    expect(formatDateTime('2024-09-10T10:15:00+02:00', 'en')).toBe('10 September 2024, 10:15');
  });
  it('shows a dash for no date', () => {
    expect(formatDate(null)).toBe('–');
    expect(formatDate('not a date')).toBe('–');
  });
  it('writes waits short', () => {
    expect(formatDuration(45)).toBe('45\u00a0s');
    expect(formatDuration(245)).toBe('4\u00a0min 5\u00a0s');
    expect(formatDuration(7200)).toBe('2\u00a0t');
    expect(formatDuration(7380, 'en')).toBe('2\u00a0h 3\u00a0min');
    expect(formatDuration(3 * 86400 + 7200)).toBe('3\u00a0d 2\u00a0t');
    expect(formatDuration(null)).toBe('–');
  });
});
