import { describe, expect, it } from 'vitest';
import { formatNumber, formatPercent, roundTo } from './number.js';

describe('Norwegian number format', () => {
  it('formats a percentage as 87,45 %', () => {
    expect(formatPercent(87.45)).toBe('87,45\u00a0%');
    expect(formatPercent(87.449999)).toBe('87,45\u00a0%');
    expect(formatPercent(100)).toBe('100,00\u00a0%');
    expect(formatPercent(87.45, 2, 'en')).toBe('87.45%');
  });
  it('groups thousands and uses a real minus', () => {
    expect(formatNumber(-1234.5)).toBe('\u22121\u00a0234,50');
  });
  it('shows a dash where there is no value', () => {
    expect(formatPercent(null)).toBe('–');
  });
  it('rounds half away from zero on the decimal text', () => {
    expect(roundTo(87.445)).toBe(87.45);
    expect(roundTo(1.005)).toBe(1.01);
    expect(roundTo(87.444999)).toBe(87.44);
    expect(roundTo(-12.345)).toBe(-12.35);
  });
});
