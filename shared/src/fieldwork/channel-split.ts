import { CHANNELS, MAX_CHANNELS_PER_PARTICIPANT, type Channel } from '../domain.js';

/**
 * The channels a participant is contacted on: at most 3. With all four available,
 * PHONE, EMAIL and then CHAT or MESSENGER (the caller's preference, CHAT by default).
 */
export function chooseChannels(available: readonly Channel[], prefer: 'CHAT' | 'MESSENGER' = 'CHAT'): Channel[] {
  const set = new Set(available);
  const ordered = CHANNELS.filter((c) => set.has(c));
  if (ordered.length <= MAX_CHANNELS_PER_PARTICIPANT) return ordered;
  return ['PHONE', 'EMAIL', prefer];
}

/**
 * Splits a participant's inquiries over its channels with the edition's national
 * distribution keys, by largest remainder, so the parts always sum to `total`.
 * Ties in the remainder go to the channel earlier in CHANNELS order (deterministic).
 */
export function splitInquiries(
  total: number,
  channels: readonly Channel[],
  keys: Partial<Record<Channel, number>>,
): Record<Channel, number> {
  const result: Record<Channel, number> = { PHONE: 0, EMAIL: 0, CHAT: 0, MESSENGER: 0 };
  const used = CHANNELS.filter((c) => channels.includes(c));
  if (used.length === 0) return result;
  const weights = used.map((c) => Math.max(keys[c] ?? 0, 0));
  const sum = weights.reduce((a, b) => a + b, 0);
  // Without any key for the chosen channels, split evenly.
  const shares = weights.map((w) => (sum > 0 ? (w / sum) * total : total / used.length));
  const floors = shares.map(Math.floor);
  let left = total - floors.reduce((a, b) => a + b, 0);
  const byRemainder = used.map((_, i) => ({ i, rem: shares[i]! - floors[i]! })).sort((a, b) => b.rem - a.rem || a.i - b.i);
  for (const { i } of byRemainder) {
    if (left <= 0) break;
    floors[i]! += 1;
    left -= 1;
  }
  used.forEach((c, i) => (result[c] = floors[i]!));
  return result;
}
