import { describe, expect, it } from 'vitest';
import { ageBand } from './age-band.js';

describe('ageBand', () => {
  it('puts each age in its band, bounds included', () => {
    expect([18, 29, 30, 39, 40, 49, 50, 59, 60, 83].map(ageBand)).toEqual([
      '18–29',
      '18–29',
      '30–39',
      '30–39',
      '40–49',
      '40–49',
      '50–59',
      '50–59',
      '60+',
      '60+',
    ]);
  });
});
