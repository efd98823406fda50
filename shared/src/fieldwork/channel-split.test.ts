import { describe, expect, it } from 'vitest';
import { chooseChannels, splitInquiries } from './channel-split.js';

const KEYS = { PHONE: 0.5, EMAIL: 0.3, CHAT: 0.2, MESSENGER: 0.2 };

describe('splitInquiries', () => {
  it('splits 25 over PHONE/EMAIL/CHAT by largest remainder', () => {
    // 12.5, 7.5, 5 → floors 12, 7, 5 (24); one left: remainders .5 and .5 tie, PHONE first.
    expect(splitInquiries(25, ['PHONE', 'EMAIL', 'CHAT'], KEYS)).toEqual({ PHONE: 13, EMAIL: 7, CHAT: 5, MESSENGER: 0 });
  });
  it('renormalises keys of the chosen channels', () => {
    // EMAIL 0.3, CHAT 0.2 → 15 and 10 of 25.
    expect(splitInquiries(25, ['EMAIL', 'CHAT'], KEYS)).toEqual({ PHONE: 0, EMAIL: 15, CHAT: 10, MESSENGER: 0 });
  });
  it('sends everything to a single channel', () => {
    expect(splitInquiries(25, ['MESSENGER'], KEYS)).toEqual({ PHONE: 0, EMAIL: 0, CHAT: 0, MESSENGER: 25 });
  });
  it('always sums to the total', () => {
    const keys = { PHONE: 0.37, EMAIL: 0.41, CHAT: 0.13, MESSENGER: 0.09 };
    for (let total = 1; total <= 40; total++) {
      const s = splitInquiries(total, ['PHONE', 'EMAIL', 'MESSENGER'], keys);
      expect(s.PHONE + s.EMAIL + s.CHAT + s.MESSENGER).toBe(total);
    }
  });
});

describe('chooseChannels', () => {
  it('takes PHONE, EMAIL and then CHAT when all four are open', () => {
    expect(chooseChannels(['MESSENGER', 'CHAT', 'EMAIL', 'PHONE'])).toEqual(['PHONE', 'EMAIL', 'CHAT']);
    expect(chooseChannels(['MESSENGER', 'CHAT', 'EMAIL', 'PHONE'], 'MESSENGER')).toEqual(['PHONE', 'EMAIL', 'MESSENGER']);
  });
  it('keeps up to three channels as they are', () => {
    expect(chooseChannels(['CHAT', 'PHONE'])).toEqual(['PHONE', 'CHAT']);
  });
});
