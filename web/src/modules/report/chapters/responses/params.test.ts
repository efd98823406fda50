import { describe, expect, it } from 'vitest';
import { filterVariables, highlightParts, parseFilters } from './params';

describe('response filters in the URL', () => {
  it('reads every filter, ignoring what is not valid', () => {
    expect(parseFilters(new URLSearchParams('kanal=PHONE&status=ANSWERED&fra=50&til=80,5&sok=navn&etter=abc&sporsmal=AGT_NEEDS'))).toEqual({
      channel: 'PHONE',
      status: 'ANSWERED',
      minScore: 50,
      maxScore: 80.5,
      search: 'navn',
      after: 'abc',
      question: 'AGT_NEEDS',
    });
    expect(parseFilters(new URLSearchParams('kanal=FAX&status=MAYBE&fra=-1&til=x&sok=%20'))).toEqual({});
    // The question is a real filter (issue 15), with its option, days, attempts and order.
    expect(filterVariables({ channel: 'CHAT', question: 'X' })).toEqual({ channel: 'CHAT', question: 'X' });
    expect(
      parseFilters(new URLSearchParams('sporsmal=OVR_BUY&svar=B&fraDato=2024-09-01&tilDato=2024-09-30&forsok=2&sorter=score-lav&fra=60,5')),
    ).toEqual({
      question: 'OVR_BUY',
      option: 'B',
      from: '2024-09-01',
      to: '2024-09-30',
      attempts: 2,
      orderBy: 'SCORE_ASC',
      minScore: 60.5,
    });
    // An option without its question, a day not written YYYY-MM-DD, no attempts, an unknown order: left out.
    expect(parseFilters(new URLSearchParams('svar=B&fraDato=1.9.2024&forsok=0&sorter=tilfeldig&til=60,5,5'))).toEqual({});
  });

  it('splits highlighted matches out of a comment', () => {
    expect(highlightParts('Sa ⟦navnet⟧ sitt og ⟦navn⟧.')).toEqual([
      { text: 'Sa ', match: false },
      { text: 'navnet', match: true },
      { text: ' sitt og ', match: false },
      { text: 'navn', match: true },
      { text: '.', match: false },
    ]);
    expect(highlightParts('ingen treff')).toEqual([{ text: 'ingen treff', match: false }]);
  });
});
