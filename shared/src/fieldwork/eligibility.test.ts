import { describe, expect, it } from 'vitest';
import { eligibilityIssues, eligibilityProblems, isEligible, ruleMessageNb, type ObserverProfile } from './eligibility.js';

const OPTS = { minQualityScore: 60 };

function observer(over: Partial<ObserverProfile> = {}): ObserverProfile {
  return {
    id: 'OBS-0001',
    gender: 'FEMALE',
    birthYear: 1985,
    region: 'Vestland',
    qualityScore: 80,
    customerOf: ['tyttevik-sparebank'],
    contactedBefore: ['krekledal-mobil'],
    unavailableWeeks: [40],
    ...over,
  };
}

describe('observer eligibility', () => {
  it('accepts an observer who breaks no rule', () => {
    expect(isEligible(observer(), 'multevik-forsikring', 38, OPTS)).toBe(true);
    expect(eligibilityProblems(observer(), 'multevik-forsikring', 38, OPTS)).toEqual([]);
  });

  it('rejects a company the observer has contacted before (any project)', () => {
    expect(isEligible(observer(), 'krekledal-mobil', 38, OPTS)).toBe(false);
    const problems = eligibilityIssues(observer(), 'krekledal-mobil', 38, OPTS);
    expect(problems.map((p) => p.rule)).toEqual(['CONTACTED_BEFORE']);
    expect(problems[0]?.message).toContain('contacted krekledal-mobil before');
  });

  it('rejects a company the observer is a customer of or registered with', () => {
    expect(isEligible(observer(), 'tyttevik-sparebank', 38, OPTS)).toBe(false);
    expect(eligibilityIssues(observer(), 'tyttevik-sparebank', 38, OPTS).map((p) => p.rule)).toEqual(['CUSTOMER']);
  });

  it('rejects a week in which the observer is not available on weekdays 09–15', () => {
    expect(isEligible(observer(), 'multevik-forsikring', 40, OPTS)).toBe(false);
    expect(isEligible(observer(), 'multevik-forsikring', 41, OPTS)).toBe(true);
    expect(eligibilityProblems(observer(), 'multevik-forsikring', 40, OPTS)).toEqual([
      'OBS-0001 is not available on weekdays 09–15 in week 40',
    ]);
  });

  it('requires the quality score to reach the configured threshold', () => {
    expect(isEligible(observer({ qualityScore: 60 }), 'multevik-forsikring', 38, OPTS)).toBe(true);
    expect(isEligible(observer({ qualityScore: 59.9 }), 'multevik-forsikring', 38, OPTS)).toBe(false);
    expect(isEligible(observer({ qualityScore: 59.9 }), 'multevik-forsikring', 38, { minQualityScore: 50 })).toBe(true);
    expect(eligibilityIssues(observer({ qualityScore: 40 }), 'multevik-forsikring', 38, OPTS).map((p) => p.rule)).toEqual(['QUALITY']);
  });

  it('lists every broken rule at once', () => {
    const o = observer({ qualityScore: 10, customerOf: ['x'], contactedBefore: ['x'], unavailableWeeks: [37] });
    expect(eligibilityIssues(o, 'x', 37, OPTS).map((p) => p.rule)).toEqual(['CONTACTED_BEFORE', 'CUSTOMER', 'UNAVAILABLE', 'QUALITY']);
    expect(eligibilityProblems(o, 'x', 37, OPTS)).toHaveLength(4);
  });

  it('agrees with eligibilityProblems', () => {
    const cases: [ObserverProfile, string, number][] = [
      [observer(), 'a', 36],
      [observer({ qualityScore: 0 }), 'a', 36],
      [observer({ contactedBefore: ['a'] }), 'a', 36],
      [observer({ unavailableWeeks: [36, 37] }), 'a', 37],
    ];
    for (const [o, slug, week] of cases) {
      expect(isEligible(o, slug, week, OPTS)).toBe(eligibilityProblems(o, slug, week, OPTS).length === 0);
    }
  });
});

describe('ruleMessageNb', () => {
  it('says each rule in Norwegian for staff pages', () => {
    const o = observer({ qualityScore: 41 });
    expect(ruleMessageNb('CONTACTED_BEFORE', o, 'krekledal-mobil', 38, OPTS)).toBe('Observatør OBS-0001 har kontaktet krekledal-mobil før');
    expect(ruleMessageNb('CUSTOMER', o, 'tyttevik-sparebank', 38, OPTS)).toBe(
      'Observatør OBS-0001 er kunde av eller registrert hos tyttevik-sparebank',
    );
    expect(ruleMessageNb('UNAVAILABLE', o, 'multevik-forsikring', 40, OPTS)).toBe(
      'Observatør OBS-0001 er ikke ledig på hverdager 09–15 i uke 40',
    );
    expect(ruleMessageNb('QUALITY', o, 'multevik-forsikring', 38, OPTS)).toBe(
      'Observatør OBS-0001 har kvalitetsscore 41, under grensen 60',
    );
  });
});
