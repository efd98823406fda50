import { describe, expect, it } from 'vitest';
import type { QuestionDef } from '../domain.js';
import {
  addNorwegianBusinessDays,
  inquiryStatusOf,
  norwegianBusinessDaysBetween,
  responseProblems,
  withinContactHours,
  type ResponseInput,
} from './response-rules.js';
import { parseOpeningHours } from './opening-hours.js';

// March 2025 is winter time in Oslo (+01:00); April–May summer time (+02:00).
const questions: QuestionDef[] = [
  {
    code: 'WAIT',
    area: 'RESPONSE_TIME',
    text: 'Ventetid',
    options: [
      { code: 'OK', label: 'OK', points: 2 },
      { code: 'NO', label: 'Nei', points: 0 },
    ],
  },
  {
    code: 'AGT_NEEDS',
    area: 'AGENT',
    text: 'Behov',
    channels: ['PHONE', 'CHAT', 'MESSENGER', 'EMAIL'],
    options: [
      { code: 'YES', label: 'Ja', points: 3 },
      { code: 'NO', label: 'Nei', points: 0 },
    ],
  },
  {
    code: 'REC_IVR',
    area: 'RECEPTION',
    text: 'Talevalg',
    channels: ['PHONE'],
    options: [
      { code: 'EASY', label: 'Lett', points: 1 },
      { code: 'HARD', label: 'Vanskelig', points: 0 },
    ],
  },
  { code: 'CSAT', area: 'CX', text: 'Fornøyd?', kind: 'SCALE', min: 1, max: 5 },
];

const comments = { reception: 'Greit mottak.', agent: 'Hyggelig.', overall: 'Bra.' };

function phone(at: string[], wait: (number | null)[] = at.map(() => 60)): ResponseInput['attempts'] {
  return at.map((a, i) => ({ at: a, waitSeconds: wait[i] ?? null }));
}

const goodPhone: ResponseInput = {
  attempts: phone(['2025-03-11T14:59:00+01:00']),
  answers: [
    { questionCode: 'WAIT', optionCode: 'OK' },
    { questionCode: 'AGT_NEEDS', optionCode: 'YES' },
    { questionCode: 'REC_IVR', optionCode: 'EASY' },
    { questionCode: 'CSAT', value: 4 },
  ],
  comments,
};
const phoneCtx = { channel: 'PHONE' as const, questions };

const reasons = (input: ResponseInput, ctx: Parameters<typeof responseProblems>[1] = phoneCtx) =>
  responseProblems(input, ctx).map((p) => `${p.field}:${p.reason}`);

describe('Norwegian business days', () => {
  it('skips Easter 2025 (17, 18, 21 April) and the weekend', () => {
    expect(addNorwegianBusinessDays('2025-04-16', 1)).toBe('2025-04-22');
    expect(addNorwegianBusinessDays('2025-04-16', 3)).toBe('2025-04-24');
    expect(norwegianBusinessDaysBetween('2025-04-16', '2025-04-22')).toBe(1);
  });
  it('skips 1 May and 17 May (a Saturday in 2025) like ordinary days off', () => {
    // Wed 30 April + 1: Thursday 1 May is a holiday → Friday 2 May.
    expect(addNorwegianBusinessDays('2025-04-30', 1)).toBe('2025-05-02');
    // Fri 16 May → Mon 19 May → Tue 20 May.
    expect(norwegianBusinessDaysBetween('2025-05-16', '2025-05-20')).toBe(2);
    // 17 May 2027 is a Monday: Fri 14 May + 1 = Tue 18 May.
    expect(addNorwegianBusinessDays('2027-05-14', 1)).toBe('2027-05-18');
  });
  it('counts an ordinary week and takes instants by their Oslo date', () => {
    expect(norwegianBusinessDaysBetween('2025-03-10', '2025-03-14')).toBe(4);
    expect(norwegianBusinessDaysBetween('2025-03-14', '2025-03-10')).toBe(0);
    // 23:30 UTC on Monday is already Tuesday in Oslo.
    expect(addNorwegianBusinessDays(new Date('2025-03-10T23:30:00Z'), 0)).toBe('2025-03-11');
    // Christmas Eve is a working day by law (a bank day), Christmas Day and Boxing Day are not.
    expect(addNorwegianBusinessDays('2025-12-23', 2)).toBe('2025-12-29');
  });
});

describe('OUTSIDE_HOURS', () => {
  it('phone: Tuesday 14:59 accepted, 15:01 and Saturday refused', () => {
    expect(reasons(goodPhone)).toEqual([]);
    expect(reasons({ ...goodPhone, attempts: phone(['2025-03-11T15:01:00+01:00']) })).toEqual(['attempts[0].at:OUTSIDE_HOURS']);
    expect(reasons({ ...goodPhone, attempts: phone(['2025-03-15T10:00:00+01:00']) })).toEqual(['attempts[0].at:OUTSIDE_HOURS']);
    expect(withinContactHours(new Date('2025-03-11T08:59:00+01:00'), 'PHONE')).toBe(false);
  });
  it('reads the offset: 14:01Z in March is 15:01 in Oslo', () => {
    expect(withinContactHours(new Date('2025-03-11T13:59:00Z'), 'PHONE')).toBe(true);
    expect(withinContactHours(new Date('2025-03-11T14:01:00Z'), 'PHONE')).toBe(false);
  });
  it('e-mail: 11:59 accepted, 12:01 refused', () => {
    expect(withinContactHours(new Date('2025-03-11T11:59:00+01:00'), 'EMAIL')).toBe(true);
    expect(withinContactHours(new Date('2025-03-11T12:01:00+01:00'), 'EMAIL')).toBe(false);
  });
  it("the participant's own hours 08:00–16:00 accept 15:30 and 08:30, refuse 16:30", () => {
    const ctx = { ...phoneCtx, openingHours: '08:00–16:00' };
    expect(reasons({ ...goodPhone, attempts: phone(['2025-03-11T15:30:00+01:00']) }, ctx)).toEqual([]);
    expect(withinContactHours(new Date('2025-03-11T08:30:00+01:00'), 'PHONE', '08:00–16:00')).toBe(true);
    expect(withinContactHours(new Date('2025-03-11T16:30:00+01:00'), 'PHONE', '08:00–16:00')).toBe(false);
    expect(reasons({ ...goodPhone, attempts: phone(['2025-03-11T15:30:00+01:00']) })).toEqual(['attempts[0].at:OUTSIDE_HOURS']);
  });
  it('a public holiday is refused: Thursday 1 May 2025 10:00', () => {
    expect(withinContactHours(new Date('2025-05-01T10:00:00+02:00'), 'PHONE')).toBe(false);
    expect(withinContactHours(new Date('2025-05-02T10:00:00+02:00'), 'PHONE')).toBe(true);
  });
  it('parses day ranges of own hours', () => {
    expect(parseOpeningHours('man–fre 08:00–16:00; lør 10:00–14:00')).toEqual([
      { days: [1, 2, 3, 4, 5], open: 480, close: 960 },
      { days: [6], open: 600, close: 840 },
    ]);
    expect(parseOpeningHours('hele døgnet')).toBeNull();
  });
});

describe('attempts', () => {
  it('SAME_DAY: a second attempt the same Oslo day is refused, the next day accepted', () => {
    const same = phone(['2025-03-11T09:30:00+01:00', '2025-03-11T14:00:00+01:00'], [null, 60]);
    expect(reasons({ ...goodPhone, attempts: same })).toEqual(['attempts[1].at:SAME_DAY']);
    const next = phone(['2025-03-11T09:30:00+01:00', '2025-03-12T14:00:00+01:00'], [null, 60]);
    expect(reasons({ ...goodPhone, attempts: next })).toEqual([]);
  });
  it('TOO_MANY_ATTEMPTS: 3 phone attempts refused, 2 accepted; e-mail allows 1', () => {
    const three = phone(['2025-03-10T10:00:00+01:00', '2025-03-11T10:00:00+01:00', '2025-03-12T10:00:00+01:00'], [null, null, 60]);
    const problems = responseProblems({ ...goodPhone, attempts: three }, phoneCtx);
    expect(problems).toEqual([expect.objectContaining({ field: 'attempts', reason: 'TOO_MANY_ATTEMPTS', max: 2, value: '3' })]);
    expect(reasons({ ...goodPhone, attempts: three.slice(1) })).toEqual([]);
    const email = phone(['2025-03-10T10:00:00+01:00', '2025-03-11T10:00:00+01:00'], [null, 3600]);
    const emailAnswers = goodPhone.answers.filter((a) => a.questionCode !== 'REC_IVR');
    expect(reasons({ attempts: email, answers: emailAnswers, comments }, { channel: 'EMAIL', questions })).toEqual([
      'attempts:TOO_MANY_ATTEMPTS',
    ]);
  });
  it('the edition may change the limit', () => {
    const three = phone(['2025-03-10T10:00:00+01:00', '2025-03-11T10:00:00+01:00', '2025-03-12T10:00:00+01:00'], [null, null, 60]);
    expect(reasons({ ...goodPhone, attempts: three }, { ...phoneCtx, waitLimits: { PHONE: { waitSeconds: 300, attempts: 3 } } })).toEqual(
      [],
    );
  });
  it('attempts out of time order are refused', () => {
    const backwards = phone(['2025-03-12T10:00:00+01:00', '2025-03-11T10:00:00+01:00'], [null, 60]);
    expect(reasons({ ...goodPhone, attempts: backwards })).toEqual(['attempts[1].at:OUT_OF_ORDER']);
  });
  it('no attempt, or a time without offset, is refused', () => {
    expect(reasons({ attempts: [], answers: [], comments })).toEqual(['attempts:REQUIRED']);
    expect(reasons({ ...goodPhone, attempts: phone(['2025-03-11T14:00:00']) })).toContain('attempts[0].at:BAD_DATE');
  });
});

describe('answers and comments', () => {
  it('NOT_APPLICABLE: a phone-only question on chat, an unknown question, an unknown option', () => {
    const chat = { channel: 'CHAT' as const, questions };
    expect(reasons(goodPhone, chat)).toEqual(['answers.REC_IVR:NOT_APPLICABLE']);
    const chatAnswers = goodPhone.answers.filter((a) => a.questionCode !== 'REC_IVR');
    expect(reasons({ ...goodPhone, answers: chatAnswers }, chat)).toEqual([]);
    expect(reasons({ ...goodPhone, answers: [...goodPhone.answers, { questionCode: 'NOPE', optionCode: 'X' }] })).toEqual([
      'answers.NOPE:NOT_APPLICABLE',
    ]);
    const badOption = goodPhone.answers.map((a) => (a.questionCode === 'AGT_NEEDS' ? { ...a, optionCode: 'MAYBE' } : a));
    expect(reasons({ ...goodPhone, answers: badOption })).toEqual(['answers.AGT_NEEDS:NOT_APPLICABLE']);
  });
  it('MISSING_ANSWER: a scored question left out on an answered inquiry; CX may be left out', () => {
    const noNeeds = goodPhone.answers.filter((a) => a.questionCode !== 'AGT_NEEDS');
    expect(reasons({ ...goodPhone, answers: noNeeds })).toEqual(['answers.AGT_NEEDS:MISSING_ANSWER']);
    const noCsat = goodPhone.answers.filter((a) => a.questionCode !== 'CSAT');
    expect(reasons({ ...goodPhone, answers: noCsat })).toEqual([]);
  });
  it('a SCALE answer outside its range is refused', () => {
    const six = goodPhone.answers.map((a) => (a.questionCode === 'CSAT' ? { questionCode: 'CSAT', value: 6 } : a));
    expect(responseProblems({ ...goodPhone, answers: six }, phoneCtx)).toEqual([
      expect.objectContaining({ field: 'answers.CSAT', reason: 'OUT_OF_RANGE', min: 1, max: 5 }),
    ]);
  });
  it('ANSWER_ON_UNANSWERED: no answers and no comments needed when nobody answered', () => {
    const unanswered = phone(['2025-03-11T10:00:00+01:00', '2025-03-12T10:00:00+01:00'], [null, null]);
    expect(reasons({ attempts: unanswered, answers: [], comments: { reception: '', agent: '', overall: '' } })).toEqual([]);
    expect(reasons({ attempts: unanswered, answers: [{ questionCode: 'WAIT', optionCode: 'NO' }], comments })).toEqual([
      'answers.WAIT:ANSWER_ON_UNANSWERED',
    ]);
  });
  it('REQUIRED and TOO_LONG comments', () => {
    expect(reasons({ ...goodPhone, comments: { ...comments, agent: '  ' } })).toEqual(['comments.agent:REQUIRED']);
    expect(reasons({ ...goodPhone, comments: { ...comments, overall: 'x'.repeat(2001) } })).toEqual(['comments.overall:TOO_LONG']);
    expect(reasons({ ...goodPhone, comments: { ...comments, overall: 'x'.repeat(2000) } })).toEqual([]);
  });
  it('messages are Norwegian', () => {
    const [p] = responseProblems({ ...goodPhone, attempts: phone(['2025-03-11T15:01:00+01:00']) }, phoneCtx);
    expect(p?.message).toBe('Kontakt skjer på hverdager 09:00–15:00 (norsk tid); 2025-03-11 kl. 15:01 er utenfor.');
  });
});

describe('inquiryStatusOf', () => {
  it('phone/chat: a reply within 5 minutes on the last attempt answers', () => {
    expect(inquiryStatusOf(phone(['2025-03-11T10:00:00+01:00'], [300]), 'PHONE')).toBe('ANSWERED');
    expect(inquiryStatusOf(phone(['2025-03-11T10:00:00+01:00'], [301]), 'PHONE')).toBe('UNANSWERED');
    expect(inquiryStatusOf(phone(['2025-03-11T10:00:00+01:00', '2025-03-12T10:00:00+01:00'], [null, 120]), 'CHAT')).toBe('ANSWERED');
    expect(inquiryStatusOf(phone(['2025-03-11T10:00:00+01:00', '2025-03-12T10:00:00+01:00'], [null, null]), 'CHAT')).toBe('UNANSWERED');
    expect(inquiryStatusOf([], 'PHONE')).toBe('UNANSWERED');
  });
  it('an automatic reply is not an answer', () => {
    expect(inquiryStatusOf([{ at: '2025-03-11T10:00:00+01:00', waitSeconds: 5, automaticReplyOnly: true }], 'EMAIL')).toBe('UNANSWERED');
  });
  it('e-mail: sent Wed 16 April 10:00, answered Tue 22 April 09:00 is within 3 business days (Easter)', () => {
    // 16 Apr 10:00 → 22 Apr 09:00 (+02:00 both) = 5 days 23 hours.
    const wait = (5 * 24 + 23) * 3600;
    expect(inquiryStatusOf([{ at: '2025-04-16T10:00:00+02:00', waitSeconds: wait }], 'EMAIL')).toBe('ANSWERED');
    // The 3rd business day is Thursday 24 April; a reply late that day counts, Friday does not.
    const thu = (8 * 24 + 13) * 3600; // 24 Apr 23:00
    expect(inquiryStatusOf([{ at: '2025-04-16T10:00:00+02:00', waitSeconds: thu }], 'EMAIL')).toBe('ANSWERED');
    expect(inquiryStatusOf([{ at: '2025-04-16T10:00:00+02:00', waitSeconds: thu + 3600 }], 'EMAIL')).toBe('UNANSWERED');
  });
  it('e-mail in an ordinary week: Tuesday → Friday answered, next Monday not', () => {
    expect(inquiryStatusOf([{ at: '2025-03-11T10:00:00+01:00', waitSeconds: 3 * 86400 }], 'EMAIL')).toBe('ANSWERED');
    expect(inquiryStatusOf([{ at: '2025-03-11T10:00:00+01:00', waitSeconds: 6 * 86400 }], 'EMAIL')).toBe('UNANSWERED');
  });
  it('Messenger: a late reply before the next attempt counts; after it, or on the last attempt, not', () => {
    // First attempt Tue 10:00, reply after 2 h (past 30 min), second attempt Wed 10:00 unanswered.
    const late = phone(['2025-03-11T10:00:00+01:00', '2025-03-12T10:00:00+01:00'], [7200, null]);
    expect(inquiryStatusOf(late, 'MESSENGER')).toBe('ANSWERED');
    // Reply 25 h later, after the second attempt had started.
    const tooLate = phone(['2025-03-11T10:00:00+01:00', '2025-03-12T10:00:00+01:00'], [25 * 3600, null]);
    expect(inquiryStatusOf(tooLate, 'MESSENGER')).toBe('UNANSWERED');
    expect(inquiryStatusOf(phone(['2025-03-11T10:00:00+01:00'], [1800]), 'MESSENGER')).toBe('ANSWERED');
    expect(inquiryStatusOf(phone(['2025-03-11T10:00:00+01:00'], [1801]), 'MESSENGER')).toBe('UNANSWERED');
    // The same late first reply does not count on phone.
    expect(inquiryStatusOf(late, 'PHONE')).toBe('UNANSWERED');
  });
});

describe('the form’s and the correction’s variants', () => {
  // A question without points (a callback offer): the server does not require it, the form does.
  const withCallback: QuestionDef[] = [
    ...questions,
    {
      code: 'CALLBACK',
      area: 'RESPONSE_TIME',
      text: 'Tilbud om å bli ringt opp?',
      channels: ['PHONE'],
      options: [{ code: 'Y', label: 'Ja' }],
    },
  ];
  it('requireAll asks for every question that applies, so required fields do not tell which carry points', () => {
    expect(reasons(goodPhone, { ...phoneCtx, questions: withCallback })).toEqual([]);
    expect(reasons(goodPhone, { ...phoneCtx, questions: withCallback, requireAll: true })).toEqual(['answers.CALLBACK:MISSING_ANSWER']);
  });
  it('keptStatus checks answers and comments against the stored status and leaves the attempts alone', () => {
    const noAttempts = { ...goodPhone, attempts: [] };
    // Without the kept status, no attempt means no answer: the answers are refused too.
    expect(reasons(noAttempts)).toEqual([
      'attempts:REQUIRED',
      'answers.WAIT:ANSWER_ON_UNANSWERED',
      'answers.AGT_NEEDS:ANSWER_ON_UNANSWERED',
      'answers.REC_IVR:ANSWER_ON_UNANSWERED',
      'answers.CSAT:ANSWER_ON_UNANSWERED',
    ]);
    expect(reasons(noAttempts, { ...phoneCtx, keptStatus: 'ANSWERED' })).toEqual([]);
    expect(reasons(noAttempts, { ...phoneCtx, keptStatus: 'UNANSWERED' })).toEqual([
      'answers.WAIT:ANSWER_ON_UNANSWERED',
      'answers.AGT_NEEDS:ANSWER_ON_UNANSWERED',
      'answers.REC_IVR:ANSWER_ON_UNANSWERED',
      'answers.CSAT:ANSWER_ON_UNANSWERED',
    ]);
  });
});
