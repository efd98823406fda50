import { describe, expect, it } from 'vitest';
import { withheldCellsOf, type DisclosureSections } from './disclosure.js';

/**
 * One area of two performances, on phone (3 inquiries) and e-mail (6): with a minimum of 5, the
 * phone cells are withheld, and so are complements on e-mail, or phone = all − e-mail would give
 * them away. The figures are made up; only the bases and the structure count for the plan.
 */
function sections(phoneInquiries = 3): DisclosureSections {
  const split = (n: number) => [
    { channel: 'PHONE', basis: n },
    { channel: 'EMAIL', basis: 6 },
  ];
  const all = phoneInquiries + 6;
  const performance = (code: string) => ({
    code,
    area: 'AGENT',
    categories: [],
    scored: true,
    basis: all,
    byChannel: split(phoneInquiries),
  });
  return {
    totals: { basis: all, byChannel: split(phoneInquiries) },
    areas: [{ area: 'AGENT', basis: all, byChannel: split(phoneInquiries) }],
    categories: [],
    cx: { basis: all, byChannel: split(phoneInquiries) },
    performances: [performance('P1'), performance('P2')],
  } as unknown as DisclosureSections;
}

const frozen = <T>(value: T): T => {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) frozen(inner);
    Object.freeze(value);
  }
  return value;
};

describe('withheldCellsOf', () => {
  it('withholds the small channel and a complement that would give it away', () => {
    const cells = withheldCellsOf(sections(), 5);
    expect(cells.has('total|PHONE')).toBe(true);
    expect(cells.has('total|EMAIL')).toBe(true);
    expect(cells.has('total|*')).toBe(false); // on the public result list whatever happens
    expect(cells.has('cx|PHONE') && cells.has('cx|EMAIL')).toBe(true);
  });

  it('plans once for the shared (frozen) stored sections of a version, and again for new ones', () => {
    const stored = frozen(sections());
    const first = withheldCellsOf(stored, 5);
    // Another request, same stored objects, a new object around them.
    expect(withheldCellsOf({ ...stored }, 5)).toBe(first);
    // Another edition's minimum cell size is another plan.
    const strict = withheldCellsOf({ ...stored }, 7);
    expect(strict).not.toBe(first);
    expect(strict.has('total|EMAIL')).toBe(true);
    // A correction brings new stored objects: phone now has 5 inquiries, nothing is withheld.
    const corrected = withheldCellsOf(frozen(sections(5)), 5);
    expect(corrected.size).toBe(0);
    // Only some sections the same: planned again.
    expect(withheldCellsOf({ ...stored, areas: frozen(sections().areas) }, 5)).not.toBe(first);
  });

  it('does not keep plans of sections computed for one request (not frozen)', () => {
    const live = sections();
    expect(withheldCellsOf(live, 5)).not.toBe(withheldCellsOf(live, 5));
  });
});
