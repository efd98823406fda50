import { describe, expect, it } from 'vitest';
import { checkParticipants, parseParticipants, serializeParticipants } from './participants.js';
import { formatProblems } from './problems.js';
import { fixtureBundle } from './test-fixture.js';

const HEADER = 'company_slug,company_name,class,tier,channels,competitors,report_purchased';
const file = (...lines: string[]) => ({ name: 'participants.csv', text: `${lines.join('\n')}\n` });
const lines = (...rows: string[]) => {
  const result = parseParticipants(file(...rows));
  return result.ok ? [] : formatProblems(result.problems).split('\n');
};

describe('parseParticipants', () => {
  it('round-trips the fixture', () => {
    const rows = fixtureBundle().participants;
    expect(parseParticipants({ name: 'p.csv', text: serializeParticipants(rows) })).toStrictEqual({ ok: true, value: rows });
  });

  it('trims cells, ignores blank rows and empty list items, reads TRUE/False', () => {
    const result = parseParticipants(
      file(HEADER, ' a-co , A Co ,Bank, KONKURRENT ," PHONE ; EMAIL ;",b-co;,TRUE', '', ',,,,,,', 'b-co,B Co,Bank,ENKEL,CHAT,,False'),
    );
    expect(result).toStrictEqual({
      ok: true,
      value: [
        {
          companySlug: 'a-co',
          companyName: 'A Co',
          className: 'Bank',
          tier: 'KONKURRENT',
          channels: ['PHONE', 'EMAIL'],
          competitors: ['b-co'],
          reportPurchased: true,
        },
        {
          companySlug: 'b-co',
          companyName: 'B Co',
          className: 'Bank',
          tier: 'ENKEL',
          channels: ['CHAT'],
          competitors: [],
          reportPurchased: false,
        },
      ],
    });
  });

  it('reports header problems by column name', () => {
    expect(lines('company_slug,company_name,class,class,tier,channel,report_purchased,')).toStrictEqual([
      'participants.csv:1: column class: duplicate column "class"',
      'participants.csv:1: column 8 of the header has no name',
      'participants.csv:1: column channels: missing column "channels"',
      'participants.csv:1: column competitors: missing column "competitors"',
      'participants.csv:1: column channel: unknown column "channel" (expected the columns company_slug,company_name,class,tier,channels,competitors,report_purchased)',
    ]);
  });

  it('reports every row problem', () => {
    expect(
      lines(
        HEADER,
        'a-co,A Co,Bank,KONKURRENT,PHONE;EMAIL;CHAT;MESSENGER,a-co;b-co;b-co;zz-co;Bad_Slug,true', // 2
        'b-co,,,ENKEL,FAX;PHONE;PHONE,,false', // 3
        'b-co,B Co 2,Bank,ENKEL,,,false', // 4
        'Acme Bank,Acme,Bank,enkel,PHONE,,', // 5
        'c-co,C Co,Bank,ENKEL,PHONE,false', // 6: one cell short
      ),
    ).toStrictEqual([
      'participants.csv:2: column channels: at most 3 channels are allowed, got 4',
      'participants.csv:2: column competitors: competitor "b-co" is listed twice',
      'participants.csv:2: column competitors: "Bad_Slug" is not a valid company slug (use lower-case letters a-z, digits and hyphens, e.g. "acme-bank")',
      'participants.csv:2: column competitors: a company cannot be its own competitor ("a-co")',
      'participants.csv:2: column competitors: unknown competitor "zz-co" (not a company_slug in participants.csv)',
      'participants.csv:3: column company_name: must not be empty',
      'participants.csv:3: column class: must not be empty',
      'participants.csv:3: column channels: unknown channel "FAX" (expected one of PHONE, EMAIL, CHAT, MESSENGER)',
      'participants.csv:3: column channels: channel PHONE is listed twice',
      'participants.csv:4: column company_slug: duplicate company_slug "b-co" (also in row 3)',
      'participants.csv:4: column channels: at least one channel is required',
      'participants.csv:5: column company_slug: "Acme Bank" is not a valid company slug (use lower-case letters a-z, digits and hyphens, e.g. "acme-bank")',
      'participants.csv:5: column tier: unknown tier "enkel" (expected one of ENKEL, KONKURRENT)',
      'participants.csv:5: column report_purchased: expected true or false, got ""',
      'participants.csv:6: the row has 6 cells but the header has 7',
      'participants.csv:6: column competitors: competitors are only allowed for tier KONKURRENT (this row is ENKEL)',
      'participants.csv:6: column report_purchased: expected true or false, got ""',
    ]);
  });

  it('counts rows as a spreadsheet does, a multi-line quoted cell being one row', () => {
    expect(lines(HEADER, 'a-co,"A\nCo",Bank,ENKEL,PHONE,,true', '', 'b-co,B Co,Bank,GOLD,PHONE,,true')).toStrictEqual([
      'participants.csv:4: column tier: unknown tier "GOLD" (expected one of ENKEL, KONKURRENT)',
    ]);
  });

  it('reports an empty file', () => {
    expect(lines('')).toStrictEqual([
      'participants.csv: the file is empty; expected a header row: company_slug,company_name,class,tier,channels,competitors,report_purchased',
    ]);
  });

  it('knows the companies even when some rows are bad (for checking the responses)', () => {
    const check = checkParticipants(file(HEADER, 'a-co,A Co,Bank,ENKEL,PHONE;EMAIL,,true', 'b-co,B Co,Bank,ENKEL,PHONE;FAX,,maybe'));
    expect(check.value).toBeNull();
    expect([...(check.companies ?? [])]).toStrictEqual([
      ['a-co', ['PHONE', 'EMAIL']],
      ['b-co', null],
    ]);
  });
});
