import { describe, expect, it } from 'vitest';
import type { QuestionDef } from '../domain.js';
import { participantTotal } from '../scoring/totals.js';
import { compareQuestionnaires, likeForLikeTotal, normaliseText, sameQuestion } from './like-for-like.js';

const opt = (code: string, points?: number, notApplicable = false) => ({
  code,
  label: `Svar ${code}`,
  ...(points === undefined ? {} : { points }),
  ...(notApplicable ? { notApplicable } : {}),
});
const q = (code: string, text: string, channels: QuestionDef['channels'], options: QuestionDef['options']): QuestionDef => ({
  code,
  area: 'AGENT',
  text,
  channels,
  options,
});

// 2023: A [4], B [2], C [3] (PHONE only), E [1] (with "not applicable"), CB unscored, CSAT (CX).
// 2024: A as it was, B with only case, quotes and spaces changed, C now also on EMAIL, D [5] new;
// E gone.
const PREVIOUS: QuestionDef[] = [
  q('A', 'Stilte behandleren spørsmål?', ['PHONE', 'EMAIL'], [opt('J', 4), opt('D', 2), opt('N', 0)]),
  q('B', 'Fikk du et “godt” svar?', ['PHONE', 'EMAIL'], [opt('J', 2), opt('N', 0)]),
  q('C', 'Sa behandleren navnet sitt?', ['PHONE'], [opt('J', 3), opt('N', 0)]),
  q('E', 'Ble du henvist til nettsiden?', ['PHONE', 'EMAIL'], [opt('J', 1), opt('N', 0), opt('NA', undefined, true)]),
  q('CB', 'Fikk du tilbud om tilbakeringing?', ['PHONE'], [opt('J'), opt('N')]),
  { code: 'CSAT', area: 'CX', kind: 'SCALE', min: 1, max: 5, text: 'Hvor fornøyd?' },
];
const CURRENT: QuestionDef[] = [
  PREVIOUS[0]!,
  q('B', '  fikk du et "GODT"   svar? ', ['EMAIL', 'PHONE'], [opt('N', 0), opt('J', 2)]),
  q('C', 'Sa behandleren navnet sitt?', ['PHONE', 'EMAIL'], [opt('J', 3), opt('N', 0)]),
  q('D', 'Oppsummerte behandleren?', ['PHONE', 'EMAIL'], [opt('J', 5), opt('N', 0)]),
  q('CB', 'Fikk du tilbud om en tilbakeringing?', ['PHONE'], [opt('J'), opt('N')]),
  PREVIOUS[5]!,
];

describe('the stable key and what counts as the same question', () => {
  it('reads text without case, typographic quotes, dashes or runs of space', () => {
    expect(normaliseText('  Fikk du et “GODT”   svar – raskt? ')).toBe('fikk du et "godt" svar - raskt?');
  });

  it('keeps a question the same through such changes and through the order of its channels and options', () => {
    expect(sameQuestion(PREVIOUS[1]!, CURRENT[1]!)).toBe(true);
  });

  it('calls a question changed when its channels, points, options or words change', () => {
    expect(sameQuestion(PREVIOUS[2]!, CURRENT[2]!)).toBe(false);
    const rescored = q('A', PREVIOUS[0]!.text, ['PHONE', 'EMAIL'], [opt('J', 5), opt('D', 2), opt('N', 0)]);
    expect(sameQuestion(PREVIOUS[0]!, rescored)).toBe(false);
    const reworded = { ...PREVIOUS[0]!, text: 'Stilte behandleren gode spørsmål?' };
    expect(sameQuestion(PREVIOUS[0]!, reworded)).toBe(false);
  });
});

describe('compareQuestionnaires', () => {
  it('sorts the scored questions into common, added, removed and changed; unscored and CX questions are not its business', () => {
    expect(compareQuestionnaires(PREVIOUS, CURRENT)).toEqual({
      common: ['A', 'B'],
      added: ['D'],
      removed: ['E'],
      changed: ['C'],
      questionnaireChanged: true,
    });
  });

  it('finds no change between an edition and its copy, even when an unscored question is reworded', () => {
    const copy = PREVIOUS.map((x) => (x.code === 'CB' ? { ...x, text: 'Ble du tilbudt å bli ringt opp?' } : { ...x }));
    expect(compareQuestionnaires(PREVIOUS, copy)).toEqual({
      common: ['A', 'B', 'C', 'E'],
      added: [],
      removed: [],
      changed: [],
      questionnaireChanged: false,
    });
  });

  it('counts a question that gains points as added, and one that loses them as removed', () => {
    const scoredNow = PREVIOUS.map((x) => (x.code === 'CB' ? { ...x, options: [opt('J', 1), opt('N', 0)] } : x));
    expect(compareQuestionnaires(PREVIOUS, scoredNow)).toMatchObject({ added: ['CB'], removed: [] });
    expect(compareQuestionnaires(scoredNow, PREVIOUS)).toMatchObject({ added: [], removed: ['CB'] });
  });
});

describe('likeForLikeTotal', () => {
  // 2023's three inquiries:
  //   i1 PHONE answered: A 4/4, B 0/2, C 3/3, E 1/1      → 8 of 10
  //   i2 EMAIL answered: A 2/4, B 2/2, E not applicable  → 4 of 6 (E drops out)
  //   i3 PHONE unanswered: 0 of A 4 + B 2 + C 3 + E 1    → 0 of 10
  // Published total: (8 + 4 + 0) / (10 + 6 + 10) = 12/26 = 46.153846…
  // Like for like with 2024 (A and B only): (4 + 4 + 0) / (6 + 6 + 6) = 8/18 = 44.444…
  const inquiries = [
    { inquiryId: 'i1', channel: 'PHONE', status: 'ANSWERED', answers: { A: 'J', B: 'N', C: 'J', E: 'J', CB: 'N', CSAT: '4' } },
    { inquiryId: 'i2', channel: 'EMAIL', status: 'ANSWERED', answers: { A: 'D', B: 'J', E: 'NA', CSAT: '3' } },
    { inquiryId: 'i3', channel: 'PHONE', status: 'UNANSWERED', answers: {} },
  ] as const;

  it('is the pooled total over the common questions only, unanswered inquiries at 0 of their common maximum', () => {
    expect(participantTotal(PREVIOUS, inquiries)).toBeCloseTo((100 * 12) / 26, 10);
    expect(likeForLikeTotal(PREVIOUS, inquiries, ['A', 'B'])).toBeCloseTo((100 * 8) / 18, 10);
  });

  it('has no basis (null) when nothing is common', () => {
    expect(likeForLikeTotal(PREVIOUS, inquiries, [])).toBeNull();
  });
});
