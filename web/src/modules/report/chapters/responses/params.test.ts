import { describe, expect, it } from 'vitest';
import { filterVariables, highlightParts, parseFilters } from './params';

describe('response filters in the URL', () => {
  it('reads every filter, ignoring what is not valid', () => {
    expect(parseFilters(new URLSearchParams('kanal=PHONE&status=ANSWERED&fra=50&til=80,5&sok=navn&etter=abc&sporsmal=AGT_NEEDS'))).toEqual({
      channel: 'PHONE', status: 'ANSWERED', minScore: 50, maxScore: 80.5, search: 'navn', after: 'abc', question: 'AGT_NEEDS',
    });
    expect(parseFilters(new URLSearchParams('kanal=FAX&status=MAYBE&fra=-1&til=x&sok=%20'))).toEqual({});
    expect(filterVariables({ channel: 'CHAT', question: 'X' })).toEqual({ channel: 'CHAT' });
  });

  it('splits highlighted matches out of a comment', () => {
    expect(highlightParts('Sa ⟦navnet⟧ sitt og ⟦navn⟧.')).toEqual([
      { text: 'Sa ', match: false }, { text: 'navnet', match: true }, { text: ' sitt og ', match: false }, { text: 'navn', match: true }, { text: '.', match: false },
    ]);
    expect(highlightParts('ingen treff')).toEqual([{ text: 'ingen treff', match: false }]);
  });
});
