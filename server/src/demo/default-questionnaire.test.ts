import { describe, expect, it } from 'vitest';
import { CATEGORIES, CHANNELS, CX_CODES, CX_SCALES, SCORED_AREAS, appliesTo, isScored, maxPoints, questionKind } from '@ksp/shared';
import { defaultQuestionnaire } from './default-questionnaire.js';

const qn = defaultQuestionnaire(2024);
const qs = qn.questions;

function maxByArea(channel: (typeof CHANNELS)[number]) {
  const out: Record<string, number> = { RESPONSE_TIME: 0, RECEPTION: 0, AGENT: 0, OVERALL: 0 };
  for (const q of qs) if (isScored(q) && appliesTo(q, channel)) out[q.area]! += maxPoints(q)!;
  return out;
}

describe('defaultQuestionnaire', () => {
  it('describes the edition', () => {
    expect(qn.edition).toEqual({
      year: 2024,
      name: 'KSP 2024',
      inquiriesPerParticipant: 25,
      channelKeys: { PHONE: 0.45, EMAIL: 0.3, CHAT: 0.15, MESSENGER: 0.1 },
    });
    expect(defaultQuestionnaire(2022).edition.name).toBe('KSP 2022');
  });

  it('has about 40 questions with unique, area-prefixed UPPER_SNAKE codes', () => {
    expect(qs.length).toBeGreaterThanOrEqual(36);
    expect(qs.length).toBeLessThanOrEqual(42);
    const codes = qs.map((q) => q.code);
    expect(new Set(codes).size).toBe(codes.length);
    const prefix = { RESPONSE_TIME: 'RT_', RECEPTION: 'REC_', AGENT: 'AGT_', OVERALL: 'OVR_' } as const;
    for (const q of qs) {
      expect(q.code).toMatch(/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/);
      if (q.area === 'CX') expect(CX_CODES).toContain(q.code);
      else if (q.code !== 'CALLBACK') expect(q.code.startsWith(prefix[q.area])).toBe(true);
      expect(q.text.length).toBeGreaterThan(5);
    }
    // No channel gets more than 40 performances.
    for (const ch of CHANNELS) expect(qs.filter((q) => appliesTo(q, ch)).length).toBeLessThanOrEqual(40);
  });

  it('keeps RESPONSE_TIME below 5 % and AGENT above 50 % of the maximum on every channel', () => {
    for (const ch of CHANNELS) {
      const m = maxByArea(ch);
      const total = SCORED_AREAS.reduce((s, a) => s + m[a]!, 0);
      expect(m.RESPONSE_TIME! / total, ch).toBeLessThan(0.05);
      expect(m.RESPONSE_TIME!, ch).toBeGreaterThan(0);
      expect(m.AGENT! / total, ch).toBeGreaterThan(0.5);
      expect(m.RECEPTION!, ch).toBeGreaterThan(0);
      expect(m.OVERALL!, ch).toBeGreaterThan(0);
    }
  });

  it('has 11 AGENT questions on some channels and 12 on others', () => {
    const counts = Object.fromEntries(CHANNELS.map((ch) => [ch, qs.filter((q) => q.area === 'AGENT' && appliesTo(q, ch)).length]));
    expect(new Set(Object.values(counts))).toEqual(new Set([11, 12]));
  });

  it('asks CALLBACK unscored and only on PHONE', () => {
    const cb = qs.find((q) => q.code === 'CALLBACK')!;
    expect(cb.text).toBe('Fikk du tilbud om tilbakeringing?');
    expect(cb.channels).toEqual(['PHONE']);
    expect(isScored(cb)).toBe(false);
    expect(cb.options?.map((o) => o.label)).toEqual(['Ja', 'Nei']);
  });

  it('gives every scored question a 0-point option and integer points ≥ 0', () => {
    for (const q of qs.filter(isScored)) {
      const scoring = q.options!.filter((o) => !o.notApplicable);
      expect(
        scoring.some((o) => o.points === 0),
        q.code,
      ).toBe(true);
      for (const o of scoring) {
        expect(Number.isInteger(o.points), `${q.code}:${o.code}`).toBe(true);
        expect(o.points!).toBeGreaterThanOrEqual(0);
      }
      expect(maxPoints(q)!).toBeGreaterThan(0);
      expect(new Set(q.options!.map((o) => o.code)).size).toBe(q.options!.length);
    }
  });

  it('offers "Ikke relevant" (not applicable, no points) on some questions', () => {
    const na = qs.flatMap((q) => (q.options ?? []).filter((o) => o.notApplicable));
    expect(na.length).toBeGreaterThanOrEqual(3);
    for (const o of na) {
      expect(o.label.startsWith('Ikke relevant')).toBe(true);
      expect(o.points).toBeUndefined();
    }
  });

  it('has the five CX scales with the right ranges on all channels', () => {
    for (const code of CX_CODES) {
      const q = qs.find((x) => x.code === code)!;
      expect(q, code).toBeDefined();
      expect(q.area).toBe('CX');
      expect(questionKind(q)).toBe('SCALE');
      expect({ min: q.min, max: q.max }).toEqual(CX_SCALES[code]);
      for (const ch of CHANNELS) expect(appliesTo(q, ch)).toBe(true);
    }
    expect(qs.find((q) => q.code === 'CSAT')!.text).toBe('Hvor fornøyd er du med denne kundeopplevelsen?');
    expect(qs.find((q) => q.code === 'CES')!.text).toBe('Alt i alt, hvor enkelt var det å få den hjelpen du ønsket?');
    expect(qs.find((q) => q.code === 'NPS')!.text).toContain('hvor sannsynlig er det at du vil anbefale dette selskapet');
  });

  it('uses every category, some questions in several', () => {
    const used = new Set(qs.flatMap((q) => q.categories ?? []));
    expect(used).toEqual(new Set(CATEGORIES));
    expect(qs.filter((q) => (q.categories ?? []).length > 1).length).toBeGreaterThanOrEqual(3);
  });

  it('has channel-specific questions (IVR only on PHONE, 1 business day only on EMAIL)', () => {
    expect(qs.find((q) => q.code === 'REC_IVR')!.channels).toEqual(['PHONE']);
    expect(qs.find((q) => q.code === 'RT_EMAIL_1DAY')!.channels).toEqual(['EMAIL']);
  });

  it('keeps codes stable across years and returns fresh objects', () => {
    expect(defaultQuestionnaire(2022).questions.map((q) => q.code)).toEqual(qs.map((q) => q.code));
    const a = defaultQuestionnaire(2024);
    a.questions[0]!.text = 'changed';
    expect(defaultQuestionnaire(2024).questions[0]!.text).not.toBe('changed');
  });
});
