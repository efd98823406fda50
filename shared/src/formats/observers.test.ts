import { describe, expect, it } from 'vitest';
import { isoWeeksInYear, parseIsoWeek, parseObservers, serializeObservers, type ObserverRow } from './observers.js';
import { formatProblems } from './problems.js';

const HEADER = 'observer_id,name,gender,birth_year,region,quality_score,unavailable_weeks,customer_of,contacted_before';
const file = (...lines: string[]) => ({ name: 'observers.csv', text: `${lines.join('\n')}\n` });
// Ages count in 2026 here: birth years 1936 (90) to 2008 (18) are plausible.
const parse = (...lines: string[]) => parseObservers(file(...lines), { currentYear: 2026 });
const problems = (...lines: string[]) => {
  const result = parse(...lines);
  return result.ok ? [] : formatProblems(result.problems).split('\n');
};

describe('ISO weeks', () => {
  it('knows which years have a week 53', () => {
    // 2026 starts on a Thursday, 2020 is a leap year starting on a Wednesday; 2025 starts on a Wednesday but is no leap year.
    expect([2020, 2024, 2025, 2026].map(isoWeeksInYear)).toEqual([53, 52, 52, 53]);
    expect(parseIsoWeek('2026-W53')).toEqual({ year: 2026, week: 53 });
    expect(parseIsoWeek('2025-W53')).toBeNull();
    expect(parseIsoWeek('2025-W00')).toBeNull();
    expect(parseIsoWeek('2025-W7')).toBeNull();
  });
});

describe('parseObservers', () => {
  it('reads rows, trims cells, sorts the weeks and ignores empty list items', () => {
    const result = parse(
      HEADER,
      ' OBS-1 , Kari Nordmann ,FEMALE,1980, Oslo ,85.5," 2026-W12 ;2026-W10;",alfa-bank;,',
      '',
      'OBS-2,Ola,MALE,2008,Bergen,100,,,beta;gamma',
    );
    expect(result).toStrictEqual({
      ok: true,
      value: [
        {
          observerId: 'OBS-1',
          name: 'Kari Nordmann',
          gender: 'FEMALE',
          birthYear: 1980,
          region: 'Oslo',
          qualityScore: 85.5,
          unavailableWeeks: ['2026-W10', '2026-W12'],
          customerOf: ['alfa-bank'],
          contactedBefore: [],
        },
        {
          observerId: 'OBS-2',
          name: 'Ola',
          gender: 'MALE',
          birthYear: 2008,
          region: 'Bergen',
          qualityScore: 100,
          unavailableWeeks: [],
          customerOf: [],
          contactedBefore: ['beta', 'gamma'],
        },
      ],
    });
  });

  it('round-trips what it writes', () => {
    const rows: ObserverRow[] = [
      {
        observerId: 'OBS-9',
        name: 'Nordmann, Kari "K"',
        gender: 'OTHER',
        birthYear: 1950,
        region: 'Tromsø',
        qualityScore: 0,
        unavailableWeeks: ['2025-W01', '2025-W52'],
        customerOf: ['a', 'b-c'],
        contactedBefore: ['d'],
      },
    ];
    expect(parse(...serializeObservers(rows).trimEnd().split('\n'))).toStrictEqual({ ok: true, value: rows });
  });

  it('names every bad cell by row and column', () => {
    expect(
      problems(
        HEADER,
        'OBS-1,Kari,FEMALE,1980,Oslo,85,2025-W54;2025-11,alfa,beta', // 2: a week that does not exist, a date-like week
        ',,female,1935,,101,2025-W53,Alfa Bank,beta;beta', // 3: everything empty or wrong
        'OBS-1,Per,MALE,2009,Oslo,85.555,2026-W10;2026-W10,,', // 4: duplicate id, too young, three decimals, a week twice
        'OBS-3,Liv,OTHER,nitten,Bodø,"85,5",,,', // 5: words for a year, a decimal comma
      ),
    ).toStrictEqual([
      'observers.csv:2: column unavailable_weeks: "2025-W54" does not exist: 2025 has weeks 01 to 52',
      'observers.csv:2: column unavailable_weeks: "2025-11" is not an ISO week: write YYYY-Www, e.g. "2025-W11"',
      'observers.csv:3: column observer_id: must not be empty',
      'observers.csv:3: column name: must not be empty',
      'observers.csv:3: column gender: unknown gender "female" (expected one of FEMALE, MALE, OTHER)',
      'observers.csv:3: column birth_year: birth year 1935 is not plausible: expected a year from 1936 to 2008 (observers are 18 to about 90 in 2026)',
      'observers.csv:3: column region: must not be empty',
      'observers.csv:3: column quality_score: expected a number from 0 to 100 (at most two decimals, with a point), got "101"',
      'observers.csv:3: column unavailable_weeks: "2025-W53" does not exist: 2025 has weeks 01 to 52',
      'observers.csv:3: column customer_of: "Alfa Bank" is not a valid company slug (use lower-case letters a-z, digits and hyphens, e.g. "acme-bank")',
      'observers.csv:3: column contacted_before: company "beta" is listed twice',
      'observers.csv:4: column observer_id: duplicate observer_id "OBS-1" (also in row 2)',
      'observers.csv:4: column birth_year: birth year 2009 is not plausible: expected a year from 1936 to 2008 (observers are 18 to about 90 in 2026)',
      'observers.csv:4: column quality_score: expected a number from 0 to 100 (at most two decimals, with a point), got "85.555"',
      'observers.csv:4: column unavailable_weeks: week 2026-W10 is listed twice',
      'observers.csv:5: column birth_year: expected a year from 1936 to 2008 (observers are 18 to about 90 in 2026), got "nitten"',
      'observers.csv:5: column quality_score: expected a number from 0 to 100 (at most two decimals, with a point), got "85,5"',
    ]);
  });

  it('reports header problems and an empty file', () => {
    expect(problems('observer_id,name,gender,birth_year,region,quality,unavailable_weeks,customer_of,contacted_before')).toStrictEqual([
      'observers.csv:1: column quality_score: missing column "quality_score"',
      'observers.csv:1: column quality: unknown column "quality" (expected the columns observer_id,name,gender,birth_year,region,quality_score,unavailable_weeks,customer_of,contacted_before)',
    ]);
    expect(parseObservers({ name: 'observers.csv', text: '' })).toMatchObject({ ok: false, problems: [{ file: 'observers.csv' }] });
  });
});
