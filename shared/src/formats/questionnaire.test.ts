import { describe, expect, it } from 'vitest';
import type { QuestionnaireFile } from '../domain.js';
import { checkQuestionnaire, parseQuestionnaire, serializeQuestionnaire } from './questionnaire.js';
import { fixtureQuestionnaire } from './test-fixture.js';

const file = (text: string) => ({ name: 'q.json', text });

/** Problems of a questionnaire changed by `edit`, as `column: message` lines. */
function problems(edit: (q: any) => void): string[] {
  const q = fixtureQuestionnaire();
  edit(q);
  const result = parseQuestionnaire(file(JSON.stringify(q)));
  if (result.ok) return [];
  for (const p of result.problems) expect(p.file).toBe('q.json');
  return result.problems.map((p) => `${p.column ?? ''}: ${p.message}`);
}

describe('parseQuestionnaire', () => {
  it('accepts the fixture and gives it back unchanged', () => {
    const result = parseQuestionnaire(file(serializeQuestionnaire(fixtureQuestionnaire())));
    expect(result).toStrictEqual({ ok: true, value: fixtureQuestionnaire() });
  });

  it('accepts the contract example (kind inferred, channels left out on a SCALE question)', () => {
    const example: QuestionnaireFile = {
      edition: {
        year: 2024,
        name: 'KSP 2024',
        inquiriesPerParticipant: 25,
        channelKeys: { PHONE: 0.5, EMAIL: 0.3, CHAT: 0.2, MESSENGER: 0.2 },
      },
      questions: [
        {
          code: 'CALLBACK',
          area: 'RESPONSE_TIME',
          text: 'Fikk du tilbud om tilbakeringing?',
          channels: ['PHONE'],
          options: [
            { code: 'Y', label: 'Ja' },
            { code: 'N', label: 'Nei' },
          ],
        },
        { code: 'NPS', area: 'CX', kind: 'SCALE', min: 0, max: 10, text: '…' },
        { code: 'GRADE', area: 'OVERALL', min: 1, max: 5, text: 'Karakter 1–5' },
      ],
    };
    expect(parseQuestionnaire(file(JSON.stringify(example)))).toStrictEqual({ ok: true, value: example });
  });

  it('reports JSON syntax errors with their line', () => {
    const result = parseQuestionnaire(file('{\n  "edition": {\n    "year": 2024,\n  }\n}'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ file: 'q.json', row: 4 });
    expect(result.problems[0]!.message).toMatch(/^not valid JSON: /);
  });

  it('reports an empty file', () => {
    expect(parseQuestionnaire(file(' \n'))).toStrictEqual({
      ok: false,
      problems: [{ file: 'q.json', message: 'the file is empty; expected a JSON object {"edition": {…}, "questions": […]}' }],
    });
  });

  it('checks the edition', () => {
    expect(
      problems((q) => {
        q.edition.year = 1999;
        q.edition.name = ' ';
        q.edition.inquiriesPerParticipant = 2.5;
        q.edition.channelKeys = { PHONE: 0, FAX: 1, EMAIL: -1 };
        q.edition.waitLimits = { CHAT: { waitSeconds: 0, attempts: 1, tries: 3 } };
        q.edition.weeks = 3;
        q.edition.minCellSize = 0;
      }),
    ).toStrictEqual([
      'edition.weeks: unknown key "weeks" (expected one of year, name, inquiriesPerParticipant, channelKeys, waitLimits, minCellSize)',
      'edition.year: expected a whole number from 2000 to 2100, got 1999',
      'edition.name: expected a non-empty text, got " "',
      'edition.inquiriesPerParticipant: expected a whole number greater than 0, got 2.5',
      'edition.minCellSize: expected a whole number ≥ 1 (default 5), got 0',
      'edition.channelKeys.FAX: unknown channel "FAX" (expected one of PHONE, EMAIL, CHAT, MESSENGER)',
      'edition.channelKeys.EMAIL: expected a number ≥ 0, got -1',
      'edition.channelKeys: at least one channel needs a key greater than 0',
      'edition.waitLimits.CHAT.tries: unknown key "tries" (expected one of waitSeconds, attempts)',
      'edition.waitLimits.CHAT.waitSeconds: expected a whole number of seconds greater than 0, got 0',
    ]);
  });

  it('reads the fieldwork setting beside edition and questions, and writes it back', () => {
    const q: QuestionnaireFile = {
      ...fixtureQuestionnaire(),
      fieldwork: { weeks: [10, 11, 12, 13], minQualityScore: 70, thirdChannel: 'CHAT' },
    };
    const text = serializeQuestionnaire(q);
    expect(JSON.parse(text).fieldwork).toStrictEqual({ weeks: [10, 11, 12, 13], minQualityScore: 70, thirdChannel: 'CHAT' });
    expect(parseQuestionnaire(file(text))).toStrictEqual({ ok: true, value: q });
  });

  it('checks the fieldwork setting, naming each bad value by its path', () => {
    // The fixture's edition is 2024, which has 52 ISO weeks.
    expect(
      problems((q) => {
        q.fieldwork = { weeks: [10, 0, 10, 53, 2.5], minQualityScore: 101, thirdChannel: 'PHONE', days: 3 };
      }),
    ).toStrictEqual([
      'fieldwork.days: unknown key "days" (expected one of weeks, minQualityScore, thirdChannel)',
      'fieldwork.weeks[1]: week 0 is not an ISO week of 2024 (1–52)',
      'fieldwork.weeks[2]: week 10 is listed twice',
      'fieldwork.weeks[3]: week 53 is not an ISO week of 2024 (1–52)',
      'fieldwork.weeks[4]: expected an ISO week number, got 2.5',
      'fieldwork.minQualityScore: expected a whole number from 0 to 100 (default 70), got 101',
      'fieldwork.thirdChannel: expected CHAT or MESSENGER, got "PHONE"',
    ]);
    expect(problems((q) => (q.fieldwork = { weeks: [] }))).toStrictEqual(['fieldwork.weeks: at least one fieldwork week is needed']);
    expect(problems((q) => (q.fieldwork = [10]))).toStrictEqual([
      'fieldwork: expected an object {weeks, minQualityScore, thirdChannel}, got a list',
    ]);
  });

  it('reports missing parts', () => {
    const result = parseQuestionnaire(file('{"questions": []}'));
    expect(result.ok ? [] : result.problems.map((p) => `${p.column}: ${p.message}`)).toStrictEqual([
      'edition: missing; expected an object with year, name, inquiriesPerParticipant and channelKeys',
      'questions: the questionnaire has no questions',
    ]);
  });

  it('checks question codes: pattern, uniqueness, fixed columns', () => {
    expect(
      problems((q) => {
        q.questions[0].code = 'REC WELCOME';
        q.questions[1].code = 'AGENT_NEEDS';
        q.questions[3].code = 'Comment_Agent';
      }),
    ).toStrictEqual([
      'questions[0].code: expected a code of letters, digits and underscores (safe as a responses.csv column), got "REC WELCOME"',
      'questions[2].code: duplicate question code "AGENT_NEEDS" (also questions[1])',
      'questions[3].code: question code "Comment_Agent" collides with the fixed responses.csv column "comment_agent"',
    ]);
  });

  it('checks area, channels, categories, text and unknown keys', () => {
    expect(
      problems((q) => {
        q.questions[0].area = 'WELCOME';
        q.questions[1].channels = ['PHONE', 'FAX', 'PHONE'];
        q.questions[2].categories = ['SALES', 'PRICE'];
        delete q.questions[3].channels;
        q.questions[3].txt = 'typo';
        q.questions[3].text = '';
      }),
    ).toStrictEqual([
      'questions[0].area: expected one of RESPONSE_TIME, RECEPTION, AGENT, OVERALL, CX, got "WELCOME" (question REC_WELCOME)',
      'questions[1].channels[1]: unknown channel "FAX" (expected one of PHONE, EMAIL, CHAT, MESSENGER) (question RT_ANSWER)',
      'questions[1].channels[2]: channel PHONE is listed twice (question RT_ANSWER)',
      'questions[2].categories[1]: unknown category "PRICE" (expected one of ACCESSIBILITY, INTEREST, COMMUNICATION, COMPETENCE, SALES) (question AGENT_NEEDS)',
      'questions[3].txt: unknown key "txt" (expected one of code, area, kind, min, max, text, shortLabel, channels, categories, options) (question CALLBACK)',
      'questions[3].text: expected a non-empty text, got "" (question CALLBACK)',
      'questions[3].channels: missing; a CHOICE question must list the channels it applies to (question CALLBACK)',
    ]);
  });

  it('checks options and points', () => {
    expect(
      problems((q) => {
        q.questions[0].options[3].points = 1; // NA with points
        q.questions[1].options = [{ code: 'Y', label: 'Ja', points: 2 }]; // one option, no 0-point option
        q.questions[2].options[1] = { code: 'A', label: 'Ja, ett', points: 1.5 }; // duplicate code, fractional points
        q.questions[2].options[2].points = undefined; // scored question, option without points
        q.questions[3].options[0].label = '';
      }),
    ).toStrictEqual([
      'questions[0].options[3].points: a "not applicable" option carries no points (question REC_WELCOME, option NA)',
      'questions[1].options: a CHOICE question needs at least 2 options, got 1 (question RT_ANSWER)',
      'questions[1].options: a scored question needs a 0-point option (the worst answer) (question RT_ANSWER)',
      'questions[2].options[1].code: duplicate option code "A" (question AGENT_NEEDS)',
      'questions[2].options[1].points: expected a whole number ≥ 0 (or no points), got 1.5 (question AGENT_NEEDS, option A)',
      'questions[2].options: a scored question needs a 0-point option (the worst answer) (question AGENT_NEEDS)',
      'questions[2].options[2]: option "C" has no points but the question is scored (give it points, or mark it "notApplicable": true) (question AGENT_NEEDS)',
      'questions[3].options[0].label: expected a non-empty text, got "" (question CALLBACK, option Y)',
    ]);
  });

  it('rejects a scored question whose options are all worth 0', () => {
    expect(problems((q) => (q.questions[1].options[0].points = 0))).toStrictEqual([
      'questions[1].options: a scored question needs an option with more than 0 points (question RT_ANSWER)',
    ]);
  });

  it('checks SCALE and CX questions', () => {
    expect(
      problems((q) => {
        q.questions[4].max = 7; // CSAT is 1–5
        q.questions[5].code = 'NPS2'; // not a CX code
        q.questions.push({ code: 'GRADE', area: 'OVERALL', kind: 'SCALE', min: 5, max: 1, text: 'Karakter' });
        q.questions.push({ code: 'CES', area: 'OVERALL', min: 1, max: 7, text: 'Enkelt?' });
        q.questions.push({
          code: 'VES1',
          area: 'CX',
          text: 'VES',
          channels: [],
          options: [
            { code: 'A', label: 'a' },
            { code: 'B', label: 'b' },
          ],
        });
        q.questions.push({ code: 'X', area: 'AGENT', kind: 'SCALE', min: 0, max: 1.5, text: 'x', options: [] });
      }),
    ).toStrictEqual([
      'questions[4]: the CX question CSAT must have min 1 and max 5, got 1 and 7',
      'questions[5].code: a CX question must have one of the codes CSAT, CES, NPS, VES1, VES2, got "NPS2"',
      'questions[6]: min (5) must be less than max (1) (question GRADE)',
      'questions[7].area: the code CES is reserved for the CX question; its area must be CX, got OVERALL',
      'questions[8]: a CX question must be a SCALE question (with min and max, without options) (question VES1)',
      'questions[8].channels: must list at least one channel (question VES1)',
      'questions[9].options: a SCALE question has no options (use kind CHOICE for options) (question X)',
      'questions[9].max: expected a whole number, got 1.5 (question X)',
    ]);
  });

  it('keeps what it could read for the responses checker', () => {
    const q = fixtureQuestionnaire() as any;
    q.edition.name = '';
    q.questions[2].options[1].points = -1;
    const check = checkQuestionnaire(file(JSON.stringify(q)));
    expect(check.value).toBeNull();
    expect(check.year).toBe(2024);
    expect(check.rules?.map((r) => r.code)).toStrictEqual(['REC_WELCOME', 'RT_ANSWER', 'AGENT_NEEDS', 'CALLBACK', 'CSAT', 'NPS']);
    expect(check.rules?.[2]).toStrictEqual({
      code: 'AGENT_NEEDS',
      kind: 'CHOICE',
      channels: ['PHONE', 'EMAIL', 'CHAT', 'MESSENGER'],
      optionCodes: ['A', 'B', 'C'],
      min: null,
      max: null,
    });
    expect(check.rules?.[5]).toMatchObject({
      code: 'NPS',
      kind: 'SCALE',
      min: 0,
      max: 10,
      channels: ['PHONE', 'EMAIL', 'CHAT', 'MESSENGER'],
    });
  });
});

describe('serializeQuestionnaire', () => {
  it('pretty-prints with 2 spaces in the contract key order, leaving out undefined keys', () => {
    const q: QuestionnaireFile = {
      edition: { year: 2025, name: 'KSP 2025', inquiriesPerParticipant: 25, channelKeys: { PHONE: 1 } },
      questions: [
        {
          options: [
            { notApplicable: undefined, points: 1, label: 'Ja', code: 'Y' },
            { label: 'Nei', code: 'N', points: 0 },
          ],
          channels: ['PHONE'],
          text: 'T',
          area: 'AGENT',
          code: 'Q1',
          categories: undefined,
        },
      ],
    };
    expect(serializeQuestionnaire(q)).toBe(
      `{
  "edition": {
    "year": 2025,
    "name": "KSP 2025",
    "inquiriesPerParticipant": 25,
    "channelKeys": {
      "PHONE": 1
    }
  },
  "questions": [
    {
      "code": "Q1",
      "area": "AGENT",
      "text": "T",
      "channels": [
        "PHONE"
      ],
      "options": [
        {
          "code": "Y",
          "label": "Ja",
          "points": 1
        },
        {
          "code": "N",
          "label": "Nei",
          "points": 0
        }
      ]
    }
  ]
}
`,
    );
  });
});

describe('a question’s shortLabel (optional: the row label of charts)', () => {
  const withShortLabel = (shortLabel: unknown) => (q: any) => {
    q.questions[0].shortLabel = shortLabel;
  };

  it('is read, trimmed, and written back after the text', () => {
    const q = fixtureQuestionnaire();
    q.questions[0]!.shortLabel = '  Ventetid telefon ';
    const result = parseQuestionnaire(file(JSON.stringify(q)));
    expect(result.ok && result.value.questions[0]!.shortLabel).toBe('Ventetid telefon');
    const again = parseQuestionnaire(file(serializeQuestionnaire(result.ok ? result.value : q)));
    expect(again).toStrictEqual(result);
    expect(serializeQuestionnaire(result.ok ? result.value : q)).toMatch(/"text": "[^"]*",\n {6}"shortLabel": "Ventetid telefon",\n/);
  });

  it('may be left out: no key is added', () => {
    const result = parseQuestionnaire(file(serializeQuestionnaire(fixtureQuestionnaire())));
    expect(result.ok && result.value.questions.some((q) => 'shortLabel' in q)).toBe(false);
  });

  it('is refused when longer than 40 characters, empty, or not a text', () => {
    const code = fixtureQuestionnaire().questions[0]!.code;
    expect(problems(withShortLabel('Hvor lang tid tok det før du fikk svar på telefonen'))).toEqual([
      `questions[0].shortLabel: too long: 51 characters, at most 40 (a few words for charts; the full wording is "text") (question ${code})`,
    ]);
    expect(problems(withShortLabel('x'.repeat(40)))).toEqual([]);
    expect(problems(withShortLabel(' '))).toEqual([
      `questions[0].shortLabel: expected a non-empty text (or leave it out), got " " (question ${code})`,
    ]);
    expect(problems(withShortLabel(7))).toEqual([
      `questions[0].shortLabel: expected a non-empty text (or leave it out), got 7 (question ${code})`,
    ]);
  });
});
