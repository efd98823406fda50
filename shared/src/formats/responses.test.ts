import { describe, expect, it } from 'vitest';
import { responsesHeader } from './headers.js';
import { formatProblems } from './problems.js';
import { parseResponses, serializeResponses } from './responses.js';
import { fixtureBundle } from './test-fixture.js';

const bundle = fixtureBundle();
const { questionnaire, participants } = bundle;
const HEADER = responsesHeader(questionnaire.questions).join(',');
// Question columns: REC_WELCOME,RT_ANSWER,AGENT_NEEDS,CALLBACK,CSAT,NPS
const AT = '2024-03-05T10:15:00+01:00';
const row = (id: string, rest: string) => `${id},acme-bank,PHONE,obs-1,FEMALE,1985,${AT},${rest}`;
const file = (...lines: string[]) => ({ name: 'responses.csv', text: `${lines.join('\n')}\n` });
const lines = (...rows: string[]) => {
  const result = parseResponses(file(...rows), questionnaire, participants);
  return result.ok ? [] : formatProblems(result.problems).split('\n');
};

describe('parseResponses', () => {
  it('round-trips the fixture', () => {
    const text = serializeResponses(questionnaire.questions, bundle.responses);
    expect(parseResponses({ name: 'r.csv', text }, questionnaire, participants)).toStrictEqual({ ok: true, value: bundle.responses });
  });

  it('keeps only non-empty answers, reads an empty wait as null and normalises SCALE numbers', () => {
    const result = parseResponses(
      file(HEADER, `I-1,acme-bank,EMAIL,obs-1,MALE,1970,2024-03-05T09:15Z,ANSWERED,1,,a,b,c, A ,Y,C,,+4,07`),
      questionnaire,
      participants,
    );
    if (!result.ok) throw new Error(formatProblems(result.problems));
    expect(result.value[0]).toMatchObject({
      waitSeconds: null,
      contactedAt: '2024-03-05T09:15Z',
      comments: { reception: 'a', agent: 'b', overall: 'c' },
      answers: { REC_WELCOME: 'A', RT_ANSWER: 'Y', AGENT_NEEDS: 'C', CSAT: '4', NPS: '7' },
    });
  });

  it('does not mind the order of the question columns', () => {
    const header = HEADER.replace('CSAT,NPS', 'NPS,CSAT');
    expect(lines(header, row('I-1', 'ANSWERED,1,45,,,,A,Y,B,N,9,4'))).toStrictEqual([]);
  });

  it('reports missing, unknown and duplicate columns', () => {
    const header = HEADER.replace('observer_id,', '').replace(',CALLBACK', ',CALLBACK,CALLBACK').replace(',NPS', ',NPS_2');
    expect(lines(header)).toStrictEqual([
      'responses.csv:1: column CALLBACK: duplicate column "CALLBACK"',
      'responses.csv:1: column observer_id: missing column "observer_id"',
      'responses.csv:1: column NPS: missing column "NPS" for the question NPS of the questionnaire',
      'responses.csv:1: column NPS_2: unknown column "NPS_2" (neither a fixed column nor a question code of the questionnaire)',
    ]);
  });

  it('reports misordered fixed columns', () => {
    const header = HEADER.replace('observer_gender,observer_birth_year', 'observer_birth_year,observer_gender');
    expect(lines(header)).toStrictEqual([
      'responses.csv:1: column observer_birth_year: columns are out of order: expected inquiry_id,company_slug,channel,observer_id,observer_gender,observer_birth_year,contacted_at,status,attempts,wait_seconds,comment_reception,comment_agent,comment_overall',
    ]);
  });

  it('does not report answers of a question whose column is missing', () => {
    const header = HEADER.replace(',NPS', '');
    expect(lines(header, row('I-1', 'ANSWERED,1,45,,,,A,Y,B,N,4'))).toStrictEqual([
      'responses.csv:1: column NPS: missing column "NPS" for the question NPS of the questionnaire',
    ]);
  });

  it('checks the fixed columns', () => {
    expect(
      lines(
        HEADER,
        ',acme-bank,FAX,,female,1850,2024-02-30T10:00:00+01:00,DONE,0,-5,,,,A,Y,B,N,4,9', // 2
        'I-3,acme-bank,PHONE,obs-1,MALE,2009,2024-03-05 10:00:00+01:00,ANSWERED,two,4.5,,,,A,Y,B,N,4,9', // 3
        'I-4,acme-bank,PHONE,obs-1,MALE,x,2024-03-05T10:00:00+0100,ANSWERED,1,,,,,A,Y,B,N,4,9', // 4
        'I-5,acme-bank,PHONE,obs-1,MALE,1990,2024-03-05T24:00:00+01:00,ANSWERED,1,,,,,A,Y,B,N,4', // 5: one cell short
      ),
    ).toStrictEqual([
      'responses.csv:2: column inquiry_id: must not be empty',
      'responses.csv:2: column channel: unknown channel "FAX" (expected one of PHONE, EMAIL, CHAT, MESSENGER)',
      'responses.csv:2: column observer_id: must not be empty',
      'responses.csv:2: column observer_gender: unknown gender "female" (expected one of FEMALE, MALE, OTHER)',
      'responses.csv:2: column observer_birth_year: birth year 1850 is not plausible: expected a year from 1900 to 2008 (observers are at least 16)',
      'responses.csv:2: column contacted_at: "2024-02-30T10:00:00+01:00" is not a real date and time (e.g. 2024-03-05T10:15:00+01:00)',
      'responses.csv:2: column status: unknown status "DONE" (expected one of ANSWERED, UNANSWERED)',
      'responses.csv:2: column attempts: expected a whole number ≥ 1, got "0"',
      'responses.csv:2: column wait_seconds: expected a whole number of seconds ≥ 0 (or an empty cell), got "-5"',
      'responses.csv:3: column observer_birth_year: birth year 2009 is not plausible: expected a year from 1900 to 2008 (observers are at least 16)',
      'responses.csv:3: column contacted_at: "2024-03-05 10:00:00+01:00" is not an ISO 8601 date-time with offset (e.g. 2024-03-05T10:15:00+01:00)',
      'responses.csv:3: column attempts: expected a whole number ≥ 1, got "two"',
      'responses.csv:3: column wait_seconds: expected a whole number of seconds ≥ 0 (or an empty cell), got "4.5"',
      'responses.csv:4: column observer_birth_year: expected a year from 1900 to 2008, got "x"',
      'responses.csv:4: column contacted_at: "2024-03-05T10:00:00+0100" is not an ISO 8601 date-time with offset (e.g. 2024-03-05T10:15:00+01:00)',
      'responses.csv:5: the row has 18 cells but the header has 19',
      'responses.csv:5: column contacted_at: "2024-03-05T24:00:00+01:00" is not a real date and time (e.g. 2024-03-05T10:15:00+01:00)',
      'responses.csv:5: column NPS: missing required answer: the question applies to PHONE and the inquiry was answered',
    ]);
  });

  it('checks the answers', () => {
    expect(
      lines(
        HEADER,
        row('I-2', 'ANSWERED,1,45,,,,a,Y,B,,0,11'), // case matters; CALLBACK required on PHONE; CSAT 0; NPS 11
        row('I-3', 'ANSWERED,1,45,,,,A,Y,B,N,4.0,nine'),
        row('I-4', 'UNANSWERED,2,300,,,,,,C,,,'),
        `I-5,acme-bank,EMAIL,obs-1,FEMALE,1985,${AT},ANSWERED,1,45,,,,NA,Y,B,N,4,`, // CALLBACK does not apply to EMAIL
      ),
    ).toStrictEqual([
      'responses.csv:2: column REC_WELCOME: unknown option code "a" (expected one of A, B, C, NA)',
      'responses.csv:2: column CALLBACK: missing required answer: the question applies to PHONE and the inquiry was answered',
      'responses.csv:2: column CSAT: 0 is out of range: expected a whole number from 1 to 5',
      'responses.csv:2: column NPS: 11 is out of range: expected a whole number from 0 to 10',
      'responses.csv:3: column CSAT: expected a whole number from 1 to 5, got "4.0"',
      'responses.csv:3: column NPS: expected a whole number from 0 to 10, got "nine"',
      'responses.csv:4: column AGENT_NEEDS: an UNANSWERED inquiry has no answers; leave the cell empty (got "C")',
      'responses.csv:5: column CALLBACK: answer on a question that does not apply to EMAIL; leave the cell empty (got "N")',
      'responses.csv:5: column NPS: missing required answer: the question applies to EMAIL and the inquiry was answered',
    ]);
  });
});
