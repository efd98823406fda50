import { describe, expect, it } from 'vitest';
import { draftFromContent, toResponseInput } from './formDraft';

describe('the form from a returned response', () => {
  it('sends only the API’s fields back, not the __typename the server’s answer carried', () => {
    // As urql hands a submitted response to the form: every object typed.
    const content = {
      __typename: 'ResponseContent',
      attempts: [{ __typename: 'ResponseAttempt', at: '2025-09-02T08:00:00.000Z', waitSeconds: 45, automaticReplyOnly: false }],
      answers: [{ __typename: 'ResponseTick', questionCode: 'AGT_NEEDS', optionCode: 'C', value: null }],
      comments: { __typename: 'FormComments', reception: 'Mottak.', agent: 'Behandler.', overall: 'Totalt.' },
    };
    const input = toResponseInput(draftFromContent(content, 'PHONE'), 'PHONE');
    // 08:00Z is 10:00 in Oslo in September (+02:00).
    expect(input).toEqual({
      attempts: [{ at: '2025-09-02T10:00:00+02:00', waitSeconds: 45, automaticReplyOnly: false }],
      answers: [{ questionCode: 'AGT_NEEDS', optionCode: 'C', value: null }],
      comments: { reception: 'Mottak.', agent: 'Behandler.', overall: 'Totalt.' },
    });
  });
});
