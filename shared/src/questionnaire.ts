import { CHANNELS, type Channel, type OptionDef, type QuestionDef } from './domain.js';

export function questionKind(q: QuestionDef): 'CHOICE' | 'SCALE' {
  return q.kind ?? (q.options ? 'CHOICE' : 'SCALE');
}

/** A question is scored when any of its options carries points (contract.md). */
export function isScored(q: QuestionDef): boolean {
  return questionKind(q) === 'CHOICE' && (q.options ?? []).some((o) => o.points !== undefined);
}

/** A scored question's weight is its best option's points; null for unscored questions. */
export function maxPoints(q: QuestionDef): number | null {
  if (!isScored(q)) return null;
  return Math.max(...(q.options ?? []).map((o) => o.points ?? 0));
}

export function questionChannels(q: QuestionDef): Channel[] {
  return q.channels ?? [...CHANNELS];
}

export function appliesTo(q: QuestionDef, channel: Channel): boolean {
  return questionChannels(q).includes(channel);
}

export function findOption(q: QuestionDef, code: string): OptionDef | undefined {
  return q.options?.find((o) => o.code === code);
}
