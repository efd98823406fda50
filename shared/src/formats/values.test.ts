import { describe, expect, it } from 'vitest';
import { readCsv, writeCsv } from './csv.js';
import { formatProblem, ProblemList } from './problems.js';
import {
  isoDateTimeError,
  isIsoDateTimeWithOffset,
  parseBooleanCell,
  parseChannelList,
  parseSlugList,
  parseWholeNumber,
} from './values.js';

describe('parseChannelList', () => {
  it('reads ;-separated channels in order', () => {
    expect(parseChannelList('PHONE;EMAIL; CHAT ')).toStrictEqual({ value: ['PHONE', 'EMAIL', 'CHAT'], errors: [] });
  });
  it('reports unknown, repeated, too few and too many channels', () => {
    expect(parseChannelList('').errors).toStrictEqual(['at least one channel is required']);
    expect(parseChannelList('phone').errors).toStrictEqual(['unknown channel "phone" (expected one of PHONE, EMAIL, CHAT, MESSENGER)']);
    expect(parseChannelList('CHAT;CHAT').errors).toStrictEqual(['channel CHAT is listed twice']);
    expect(parseChannelList('PHONE;EMAIL;CHAT;MESSENGER').errors).toStrictEqual(['at most 3 channels are allowed, got 4']);
    expect(parseChannelList('PHONE;EMAIL;CHAT;MESSENGER', { max: 4 }).errors).toStrictEqual([]);
  });
});

describe('parseSlugList', () => {
  it('reads slugs and reports bad ones', () => {
    expect(parseSlugList('a;b-2;;')).toStrictEqual({ value: ['a', 'b-2'], errors: [] });
    expect(parseSlugList('a;-b;a', { max: 2, what: 'competitor' }).errors).toStrictEqual([
      '"-b" is not a valid company slug (use lower-case letters a-z, digits and hyphens, e.g. "acme-bank")',
      'competitor "a" is listed twice',
      'at most 2 competitors are allowed, got 3',
    ]);
  });
});

describe('cell values', () => {
  it('parses whole numbers strictly', () => {
    expect(['0', '-3', '+4', ' 12 ', '4.0', '1e3', '', 'x', '99999999999999999'].map(parseWholeNumber)).toStrictEqual([
      0,
      -3,
      4,
      12,
      null,
      null,
      null,
      null,
      null,
    ]);
  });
  it('parses booleans', () => {
    expect(['true', 'FALSE', ' True ', 'yes', '1', ''].map(parseBooleanCell)).toStrictEqual([true, false, true, null, null, null]);
  });
  it('accepts ISO 8601 date-times with an offset only', () => {
    const good = ['2024-03-05T10:15:00+01:00', '2024-03-05T09:15Z', '2024-03-05T09:15:00.123Z', '2024-02-29T23:59:59-05:30'];
    const bad = [
      '2024-13-45T10:00:00+01:00',
      '2023-02-29T10:00:00Z',
      '2024-03-05T10:00:00',
      '2024-03-05',
      '2024-03-05T10:60:00Z',
      '5.3.2024 10:00',
      '2024-03-05T10:00:00+25:00',
    ];
    expect(good.filter((t) => !isIsoDateTimeWithOffset(t))).toStrictEqual([]);
    expect(bad.filter((t) => isIsoDateTimeWithOffset(t))).toStrictEqual([]);
    expect(isoDateTimeError('2024-03-05T10:00:00')).toBe(
      '"2024-03-05T10:00:00" has no UTC offset; add Z or ±hh:mm (e.g. 2024-03-05T10:15:00+01:00)',
    );
  });
});

describe('csv', () => {
  it('quotes only where needed and reads back every character', () => {
    const cells = ['plain', 'a,b', 'say "hi"', 'two\nlines', 'lone\rcr', ' spaced ', 'æøå ÆØÅ', ''];
    const text = writeCsv(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'h7', 'h8'], [cells]);
    expect(text).toBe('h1,h2,h3,h4,h5,h6,h7,h8\nplain,"a,b","say ""hi""","two\nlines","lone\rcr", spaced ,æøå ÆØÅ,\n');
    const table = readCsv({ name: 'x.csv', text }, new ProblemList('x.csv'), []);
    expect(table?.rows).toStrictEqual([{ row: 2, cells }]);
  });
});

describe('formatProblem', () => {
  it('formats CSV, JSON and file-level problems on one line', () => {
    expect(
      formatProblem({
        file: 'responses.csv',
        row: 14,
        column: 'Q_AGENT_NEEDS',
        message: 'unknown option code "X" (expected one of A, B, C, NA)',
      }),
    ).toBe('responses.csv:14: column Q_AGENT_NEEDS: unknown option code "X" (expected one of A, B, C, NA)');
    expect(formatProblem({ file: 'questionnaire.json', column: 'questions[3].options[1].points', message: 'bad' })).toBe(
      'questionnaire.json: questions[3].options[1].points: bad',
    );
    expect(formatProblem({ file: 'participants.csv', row: 3, message: 'two\nlines' })).toBe('participants.csv:3: two\\nlines');
    expect(formatProblem({ file: 'participants.csv', message: 'the file is empty' })).toBe('participants.csv: the file is empty');
  });
});

describe('readCsv', () => {
  it('keeps a stray quote inside an unquoted cell', () => {
    const table = readCsv({ name: 'x.csv', text: 'a,b\nHan sa "hei",2\n' }, new ProblemList('x.csv'), ['a', 'b']);
    expect(table?.rows).toStrictEqual([{ row: 2, cells: ['Han sa "hei"', '2'] }]);
  });
  it('recognises a semicolon-separated export', () => {
    const problems = new ProblemList('p.csv');
    expect(readCsv({ name: 'p.csv', text: 'a;b\n1;2\n' }, problems, ['a', 'b'])).toBeNull();
    expect(problems.problems).toStrictEqual([
      { file: 'p.csv', row: 1, message: 'the header has no commas but semicolons; save the file as comma-separated CSV (expected a,b)' },
    ]);
  });
});
