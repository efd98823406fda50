import { describe, expect, it } from 'vitest';
import { bundleFiles, parseBundle, serializeBundle, type BundleFiles } from './bundle.js';
import { responsesHeader } from './headers.js';
import { formatProblems, type Problem } from './problems.js';
import { fixtureBundle, fixtureQuestionnaire } from './test-fixture.js';

function files(questionnaire: string, participants: string, responses: string): BundleFiles {
  return {
    questionnaire: { name: 'questionnaire.json', text: questionnaire },
    participants: { name: 'participants.csv', text: participants },
    responses: { name: 'responses.csv', text: responses },
  };
}

function problemsOf(f: BundleFiles): Problem[] {
  const result = parseBundle(f);
  if (result.ok) throw new Error('expected problems, got a valid bundle');
  return result.problems;
}

describe('serializeBundle / parseBundle round trip', () => {
  it('parses the fixture back to a deep-equal bundle', () => {
    const bundle = fixtureBundle();
    const result = parseBundle(bundleFiles(bundle));
    if (!result.ok) throw new Error(formatProblems(result.problems));
    expect(result.value).toStrictEqual(bundle);
  });

  it('is stable: serializing the parsed bundle gives the same text', () => {
    const s1 = serializeBundle(fixtureBundle());
    const result = parseBundle(files(s1.questionnaire, s1.participants, s1.responses));
    if (!result.ok) throw new Error(formatProblems(result.problems));
    expect(serializeBundle(result.value)).toStrictEqual(s1);
  });

  it('keeps comments with commas, quotes, newlines, a lone CR and æøå', () => {
    const bundle = fixtureBundle();
    const tricky = {
      reception: 'Komma, "sitat", og ny\nlinje',
      agent: 'Windows\r\nlinje og en ensom \r her; semikolon',
      overall: '  Æøå ÆØÅ – «anførsel» og emoji 🙂  ',
    };
    bundle.responses[0]!.comments = tricky;
    const s = serializeBundle(bundle);
    expect(s.responses).toContain('"Komma, ""sitat"", og ny\nlinje"');
    const result = parseBundle(files(s.questionnaire, s.participants, s.responses));
    if (!result.ok) throw new Error(formatProblems(result.problems));
    expect(result.value.responses[0]!.comments).toStrictEqual(tricky);
    expect(result.value).toStrictEqual(bundle);
  });

  it('writes the contract shapes: header rows, \\n line ends, ;-lists, true/false, 2-space JSON', () => {
    const s = serializeBundle(fixtureBundle());
    const pLines = s.participants.split('\n');
    expect(pLines[0]).toBe('company_slug,company_name,class,tier,channels,competitors,report_purchased');
    expect(pLines[1]).toBe('acme-bank,Acme Bank ASA,Bank,KONKURRENT,PHONE;EMAIL;CHAT,nordbank;fjord-forsikring,true');
    expect(pLines[2]).toBe('nordbank,"Nordbank, Ærlig & Øm ""Å""",Bank,ENKEL,PHONE;EMAIL,,false');
    expect(s.participants.endsWith('\n')).toBe(true);
    expect(s.participants).not.toContain('\r');
    expect(s.responses.split('\n')[0]).toBe(responsesHeader(fixtureQuestionnaire().questions).join(','));
    expect(s.responses).toContain('I-003,acme-bank,CHAT,obs-1,FEMALE,1985,2024-03-07T13:30:00.500+01:00,UNANSWERED,2,300,');
    expect(s.responses).toContain(',,,,,,\n'); // the unanswered inquiry's empty question cells
    expect(s.questionnaire).toMatch(/^\{\n {2}"edition": \{\n {4}"year": 2024,/);
    expect(s.questionnaire).not.toContain('undefined');
    expect(JSON.parse(s.questionnaire)).toStrictEqual(fixtureQuestionnaire());
    // SCALE questions keep the contract's key order and leave out absent keys.
    expect(s.questionnaire).toContain(
      '"code": "CSAT",\n      "area": "CX",\n      "kind": "SCALE",\n      "min": 1,\n      "max": 5,\n      "text"',
    );
  });

  it('reads CRLF line ends and a UTF-8 BOM', () => {
    const s = serializeBundle(fixtureBundle());
    const crlf = (t: string) => '\uFEFF' + t.replace(/\n/g, '\r\n');
    const result = parseBundle(files(s.questionnaire, crlf(s.participants), crlf(s.responses)));
    if (!result.ok) throw new Error(formatProblems(result.problems));
    expect(result.value.participants).toStrictEqual(fixtureBundle().participants);
    // Inside a quoted comment the CRLF is the comment's own text.
    expect(result.value.responses[0]!.comments.agent).toBe('Spurte om behov;\r\nforklarte godt.\r\r\nFikk svar på alt – også om rente.');
  });
});

describe('parseBundle with bad input', () => {
  const questionnaire = fixtureQuestionnaire();
  // questions[2] is AGENT_NEEDS; its option B gets negative points.
  questionnaire.questions[2]!.options![1]!.points = -3;

  const participants = [
    'company_slug,company_name,tier,class,channels,competitors,report_purchased,notes', // row 1: wrong header
    'acme-bank,Acme Bank ASA,KONKURRENT,Bank,PHONE;EMAIL;CHAT,nordbank;fjord-forsikring,true,', // 2: fine
    'nordbank,Nordbank,ENKEL,Bank,PHONE;EMAIL,acme-bank,false,', // 3: competitor in an ENKEL row
    'fjord-forsikring,Fjord Forsikring,ENKEL,Forsikring,MESSENGER,,yes,', // 4: report_purchased
    'big-co,Big Co,KONKURRENT,Mobil,PHONE,acme-bank;nordbank;fjord-forsikring;tele-a;tele-b;tele-c,true,', // 5: 6 competitors
    'tele-a,Tele A,ENKEL,Mobil,PHONE,,false,',
    'tele-b,Tele B,ENKEL,Mobil,PHONE,,false,',
    'tele-c,Tele C,ENKEL,Mobil,PHONE,,false,',
    'gold-co,Gold Co,GOLD,Mobil,PHONE,,false,', // 9: bad tier
    '',
  ].join('\n');

  const head = responsesHeader(questionnaire.questions).join(',');
  // …,comment_reception,comment_agent,comment_overall,REC_WELCOME,RT_ANSWER,AGENT_NEEDS,CALLBACK,CSAT,NPS
  const at = '2024-03-05T10:15:00+01:00';
  const responses = [
    head,
    `R1,acme-bank,PHONE,obs-1,FEMALE,1985,${at},ANSWERED,1,45,,,,A,Y,B,N,4,9`, // 2: fine
    `R2,acme-bank,PHONE,obs-1,FEMALE,1985,${at},ANSWERED,1,45,,,,A,Y,X,N,4,9`, // 3: unknown option code
    `R3,ghost-co,PHONE,obs-1,FEMALE,1985,${at},ANSWERED,1,45,,,,A,Y,B,N,4,9`, // 4: unknown company
    `R4,acme-bank,PHONE,obs-1,FEMALE,1985,${at},ANSWERED,1,45,,,,A,Y,B,N,6,9`, // 5: CSAT out of range
    `R5,acme-bank,EMAIL,obs-1,FEMALE,1985,${at},ANSWERED,1,45,,,,A,Y,B,Y,4,9`, // 6: CALLBACK is PHONE-only
    `R6,acme-bank,CHAT,obs-1,FEMALE,1985,${at},ANSWERED,1,45,,,,,Y,B,,4,9`, // 7: missing REC_WELCOME
    `R7,acme-bank,PHONE,obs-1,FEMALE,1985,2024-13-45T10:00:00+01:00,ANSWERED,1,45,,,,A,Y,B,N,4,9`, // 8: bad date
    `R1,acme-bank,PHONE,obs-1,FEMALE,1985,${at},ANSWERED,1,45,,,,A,Y,B,N,4,9`, // 9: duplicate inquiry id
    `R9,nordbank,CHAT,obs-1,FEMALE,1985,${at},ANSWERED,1,45,,,,A,Y,B,,4,9`, // 10: nordbank has no CHAT
    `R10,acme-bank,PHONE,obs-1,FEMALE,1985,2024-03-05T10:00:00,ANSWERED,1,45,,,,A,Y,B,N,4,9`, // 11: no offset
    '',
  ].join('\n');

  const problems = problemsOf(files(JSON.stringify(questionnaire, null, 2), participants, responses));

  const expected: (Omit<Problem, 'message'> & { message: string | RegExp })[] = [
    { file: 'questionnaire.json', column: 'questions[2].options[1].points', message: 'expected a whole number ≥ 0 (or no points), got -3' },
    { file: 'participants.csv', row: 1, column: 'notes', message: 'unknown column "notes"' },
    {
      file: 'participants.csv',
      row: 1,
      column: 'tier',
      message: 'columns are out of order: expected company_slug,company_name,class,tier,',
    },
    { file: 'participants.csv', row: 3, column: 'competitors', message: 'only allowed for tier KONKURRENT (this row is ENKEL)' },
    { file: 'participants.csv', row: 4, column: 'report_purchased', message: 'expected true or false, got "yes"' },
    { file: 'participants.csv', row: 5, column: 'competitors', message: 'at most 5 competitors are allowed, got 6' },
    { file: 'participants.csv', row: 9, column: 'tier', message: 'unknown tier "GOLD" (expected one of ENKEL, KONKURRENT)' },
    { file: 'responses.csv', row: 3, column: 'AGENT_NEEDS', message: 'unknown option code "X" (expected one of A, B, C)' },
    { file: 'responses.csv', row: 4, column: 'company_slug', message: 'unknown company "ghost-co" (not in participants.csv)' },
    { file: 'responses.csv', row: 5, column: 'CSAT', message: '6 is out of range: expected a whole number from 1 to 5' },
    { file: 'responses.csv', row: 6, column: 'CALLBACK', message: 'answer on a question that does not apply to EMAIL' },
    { file: 'responses.csv', row: 7, column: 'REC_WELCOME', message: 'missing required answer: the question applies to CHAT' },
    { file: 'responses.csv', row: 8, column: 'contacted_at', message: '"2024-13-45T10:00:00+01:00" is not a real date and time' },
    { file: 'responses.csv', row: 9, column: 'inquiry_id', message: 'duplicate inquiry_id "R1" (also in row 2)' },
    { file: 'responses.csv', row: 10, column: 'channel', message: "channel CHAT is not among the participant's channels (PHONE, EMAIL)" },
    { file: 'responses.csv', row: 11, column: 'contacted_at', message: 'has no UTC offset; add Z or ±hh:mm' },
  ];

  it.each(expected)('reports $file row $row column $column', (e) => {
    const match = problems.filter((p) => p.file === e.file && p.row === e.row && p.column === e.column);
    expect(match.map((p) => p.message)).toContainEqual(expect.stringContaining(e.message as string));
  });

  it('reports all of them together, and nothing else', () => {
    expect(problems).toHaveLength(expected.length);
  });

  it('orders problems by file, then row', () => {
    const order = problems.map(
      (p) => `${['questionnaire.json', 'participants.csv', 'responses.csv'].indexOf(p.file)}:${String(p.row ?? 0).padStart(4, '0')}`,
    );
    expect(order).toStrictEqual([...order].sort());
  });

  it('formats one line a problem', () => {
    const text = formatProblems(problems);
    expect(text.split('\n')).toHaveLength(problems.length);
    expect(text).toContain('responses.csv:3: column AGENT_NEEDS: unknown option code "X" (expected one of A, B, C)');
    expect(text).toContain(
      'questionnaire.json: questions[2].options[1].points: expected a whole number ≥ 0 (or no points), got -3 (question AGENT_NEEDS, option B)',
    );
    expect(text).toContain('participants.csv:9: column tier: unknown tier "GOLD"');
  });
});

describe('parseBundle when one file is unreadable', () => {
  it('still checks the other files', () => {
    const s = serializeBundle(fixtureBundle());
    const badResponses = s.responses.replace('I-004,nordbank,PHONE', 'I-004,nordbank,FAX');
    const problems = problemsOf(files('{ "edition": ', s.participants, badResponses));
    expect(problems[0]).toMatchObject({ file: 'questionnaire.json', row: 1 });
    expect(problems[0]!.message).toMatch(/^not valid JSON/);
    // Without a questionnaire the answers are not checked, but the fixed columns are.
    expect(problems.slice(1)).toStrictEqual([
      {
        file: 'responses.csv',
        row: 5,
        column: 'channel',
        message: 'unknown channel "FAX" (expected one of PHONE, EMAIL, CHAT, MESSENGER)',
      },
    ]);
  });

  it('reports an unclosed quote in a CSV file with its line', () => {
    const s = serializeBundle(fixtureBundle());
    const problems = problemsOf(files(s.questionnaire, s.participants + 'x,"unclosed,Bank\n', s.responses));
    const csvProblem = problems.find((p) => p.file === 'participants.csv');
    expect(csvProblem?.message).toMatch(/^not valid CSV: Quote Not Closed/);
    expect(csvProblem?.row).toBe(5);
    // The companies are unknown then, so the responses are not held against them.
    expect(problems.filter((p) => p.file === 'responses.csv')).toStrictEqual([]);
  });
});
