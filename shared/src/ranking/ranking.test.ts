import { describe, expect, it } from 'vitest';
import { benchmarkBy, classBenchmark, classMean, rankBy, rankResultList } from './index.js';

describe('rankBy', () => {
  it('shares a rank for totals equal at 2 decimals, then skips (1, 2, 2, 4)', () => {
    const rows = [
      { id: 'a', total: 87.444 }, // 87.44
      { id: 'b', total: 87.446 }, // 87.45
      { id: 'c', total: 87.4449 }, // 87.44, not 87.45: rounded once, at the 3rd decimal
      { id: 'd', total: 80 },
    ];
    expect(rankBy(rows, 'total').map((r) => [r.id, r.rank])).toEqual([
      ['b', 1],
      ['a', 2], // ties keep input order without a tie order
      ['c', 2],
      ['d', 4],
    ]);
  });

  it('rounds half away from zero, as displayed: 87.445 ties with 87.446', () => {
    // both show as 87.45; 87.44 is next with rank 3
    const rows = [{ v: 87.446 }, { v: 87.445 }, { v: 87.44 }];
    expect(rankBy(rows, (r) => r.v).map((r) => r.rank)).toEqual([1, 1, 3]);
  });

  it('leaves out rows without a value', () => {
    const rows = [{ v: null }, { v: 50 }, { v: Number.NaN }, { v: 60 }];
    expect(rankBy(rows, 'v')).toEqual([
      { v: 60, rank: 1 },
      { v: 50, rank: 2 },
    ]);
  });
});

describe('rankResultList', () => {
  const rows = [
    { companySlug: 'delta', companyName: 'Delta Bank', className: 'Bank', total: 80 },
    { companySlug: 'gamma', companyName: 'Gamma Bank', className: 'Bank', total: 87.4449 }, // 87.44
    { companySlug: 'eta', companyName: 'Eta Forsikring', className: 'Forsikring', total: 60.004 }, // 60.00
    { companySlug: 'alfa', companyName: 'Alfa Bank', className: 'Bank', total: 87.446 }, // 87.45
    { companySlug: 'zeta', companyName: 'Zeta Forsikring', className: 'Forsikring', total: 60 },
    { companySlug: 'beta', companyName: 'Beta Bank', className: 'Bank', total: 87.444 }, // 87.44
    { companySlug: 'eps', companyName: 'Epsilon Forsikring', className: 'Forsikring', total: 95 },
    { companySlug: 'omega', companyName: 'Omega', className: 'Forsikring', total: null },
  ];

  it('ranks overall and within the class, ties by company name', () => {
    expect(rankResultList(rows).map((r) => [r.companySlug, r.rank, r.classRank])).toEqual([
      ['eps', 1, 1], // 95
      ['alfa', 2, 1], // 87.45
      ['beta', 3, 2], // 87.44 (87.444): Beta before Gamma by name, though 87.4449 > 87.444
      ['gamma', 3, 2], // 87.44 (87.4449)
      ['delta', 5, 4], // 80: Bank goes 1, 2, 2, 4
      ['eta', 6, 2], // 60.00 (60.004): Eta before Zeta
      ['zeta', 6, 2], // 60.00
    ]);
  });

  it('keeps the rows’ own fields and leaves out participants without a total', () => {
    const list = rankResultList(rows);
    expect(list).toHaveLength(7);
    expect(list[0]).toEqual({
      companySlug: 'eps',
      companyName: 'Epsilon Forsikring',
      className: 'Forsikring',
      total: 95,
      rank: 1,
      classRank: 1,
    });
  });

  it('orders ties by name in Norwegian order, then slug', () => {
    const tied = [
      { companySlug: 'aa', companyName: 'Ålesund Sparebank', className: 'Bank', total: 70 },
      { companySlug: 'oe', companyName: 'Øst Bank', className: 'Bank', total: 70 },
      { companySlug: 'z', companyName: 'Zeta', className: 'Bank', total: 70 },
      { companySlug: 'b2', className: 'Bank', total: 70 }, // no name: the slug stands in
    ];
    expect(rankResultList(tied).map((r) => r.companySlug)).toEqual(['b2', 'z', 'oe', 'aa']);
  });
});

describe('classBenchmark', () => {
  it('lists every member, best first and without total last, with the plain mean of totals', () => {
    const members = [
      { companySlug: 'b', total: 60 },
      { companySlug: 'c', total: null },
      { companySlug: 'a', total: 90 },
      { companySlug: 'd', total: 72 },
    ];
    const bench = classBenchmark(members);
    expect(bench.members.map((m) => m.companySlug)).toEqual(['a', 'd', 'b', 'c']);
    expect(bench.mean).toBeCloseTo(74, 10); // (90 + 72 + 60)/3 = 222/3; null ignored
  });

  it('weighs each participant the same, whatever its number of inquiries', () => {
    // 100 and 50 → 75, not a pooled figure.
    expect(
      classBenchmark([
        { companySlug: 'x', total: 100 },
        { companySlug: 'y', total: 50 },
      ]).mean,
    ).toBe(75);
  });

  it('has no mean without any total', () => {
    expect(classBenchmark([{ companySlug: 'x', total: null }]).mean).toBeNull();
    expect(classMean([])).toBeNull();
  });

  it('works for area and category scores too', () => {
    const members = [
      { companySlug: 'a', agent: 40 },
      { companySlug: 'b', agent: 70 },
    ];
    const bench = benchmarkBy(members, (m) => m.agent);
    expect(bench.members.map((m) => m.companySlug)).toEqual(['b', 'a']);
    expect(bench.mean).toBe(55); // (40 + 70)/2
  });
});
