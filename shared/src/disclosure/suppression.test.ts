import { describe, expect, it } from 'vitest';
import { auditSuppression, determinedCells, planSuppression, type Relation } from './suppression.js';

const basis = (cells: Record<string, number>) => new Map(Object.entries(cells));

describe('planSuppression', () => {
  it('withholds nothing when every cell reaches the minimum', () => {
    expect(
      planSuppression({
        basis: basis({ all: 25, PHONE: 13, EMAIL: 7, CHAT: 5 }),
        relations: [{ whole: 'all', parts: ['PHONE', 'EMAIL', 'CHAT'] }],
        minCellSize: 5,
      }),
    ).toEqual(new Set());
  });

  it('withholds the next smallest channel beside a small one, so the total minus the others gives nothing', () => {
    // 25 inquiries: PHONE 13, EMAIL 8, CHAT 4. CHAT alone withheld would be 25 − 13 − 8.
    const plan = planSuppression({
      basis: basis({ all: 25, PHONE: 13, EMAIL: 8, CHAT: 4 }),
      relations: [{ whole: 'all', parts: ['PHONE', 'EMAIL', 'CHAT'] }],
      minCellSize: 5,
      alwaysShown: new Set(['all']),
    });
    expect(plan).toEqual(new Set(['CHAT', 'EMAIL']));
  });

  it('withholds the other channel when there are two, never the public total', () => {
    const plan = planSuppression({
      basis: basis({ all: 25, PHONE: 21, CHAT: 4 }),
      relations: [{ whole: 'all', parts: ['PHONE', 'CHAT'] }],
      minCellSize: 5,
      alwaysShown: new Set(['all']),
    });
    expect(plan).toEqual(new Set(['CHAT', 'PHONE']));
  });

  it('leaves empty cells alone: a channel without inquiries is not a complement', () => {
    const plan = planSuppression({
      basis: basis({ all: 25, PHONE: 13, EMAIL: 8, CHAT: 4 }),
      relations: [{ whole: 'all', parts: ['PHONE', 'EMAIL', 'CHAT', 'MESSENGER'] }],
      minCellSize: 5,
    });
    expect(plan).toEqual(new Set(['CHAT', 'EMAIL']));
  });

  it('protects a listed cell of basis 0 (answers, all "not applicable") as any small cell', () => {
    const plan = planSuppression({
      basis: basis({ all: 20, PHONE: 12, EMAIL: 8, CHAT: 0 }),
      relations: [{ whole: 'all', parts: ['PHONE', 'EMAIL', 'CHAT'] }],
      minCellSize: 5,
      alwaysShown: new Set(['all']),
    });
    expect(plan).toEqual(new Set(['CHAT', 'EMAIL']));
  });

  it('follows a complement into the other relations it is part of', () => {
    // A question (row) by channel (column), with the question's total and the channel's area
    // as wholes. CHAT of q1 is small; its complement in the row is q1 × EMAIL, which leaves
    // the EMAIL column with one withheld cell, so q2 × EMAIL goes too, and so on.
    const cells = {
      q1: 20,
      q2: 21,
      'q1|PHONE': 11,
      'q1|EMAIL': 6,
      'q1|CHAT': 3,
      'q2|PHONE': 10,
      'q2|EMAIL': 7,
      'q2|CHAT': 4,
      'area|PHONE': 11,
      'area|EMAIL': 7,
      'area|CHAT': 4,
    };
    const relations: Relation[] = [
      { whole: 'q1', parts: ['q1|PHONE', 'q1|EMAIL', 'q1|CHAT'] },
      { whole: 'q2', parts: ['q2|PHONE', 'q2|EMAIL', 'q2|CHAT'] },
      { whole: 'area|PHONE', parts: ['q1|PHONE', 'q2|PHONE'] },
      { whole: 'area|EMAIL', parts: ['q1|EMAIL', 'q2|EMAIL'] },
      { whole: 'area|CHAT', parts: ['q1|CHAT', 'q2|CHAT'] },
    ];
    const plan = planSuppression({ basis: basis(cells), relations, minCellSize: 5 });
    // Primary: q1|CHAT (3), q2|CHAT (4), area|CHAT (4). Each row then has one withheld: the rows
    // take their smallest shown cell, EMAIL (6 and 7). Every relation now has two or more, yet
    // area|CHAT = q1 + q2 − q1|PHONE − q2|PHONE − area|EMAIL: the audit finds it, and the smallest
    // shown cell beside it, area|EMAIL (7), goes too.
    expect(plan).toEqual(new Set(['q1|CHAT', 'q2|CHAT', 'area|CHAT', 'q1|EMAIL', 'q2|EMAIL', 'area|EMAIL']));
    expect(determinedCells(plan, relations, basis(cells))).toEqual([]);
  });

  it('leaves no withheld cell determined in random tables with margins (two withheld per line is not always enough)', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let round = 0; round < 200; round++) {
      const rows = 2 + Math.floor(random() * 5);
      const cols = 2 + Math.floor(random() * 4);
      const cells: Record<string, number> = {};
      const relations: Relation[] = [];
      for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) cells[`${i},${j}`] = Math.floor(random() * 12);
      for (let i = 0; i < rows; i++) {
        const parts = [...Array(cols).keys()].map((j) => `${i},${j}`);
        cells[`${i},*`] = parts.reduce((s, c) => s + cells[c]!, 0);
        relations.push({ whole: `${i},*`, parts });
      }
      for (let j = 0; j <= cols; j++) {
        const parts = [...Array(rows).keys()].map((i) => `${i},${j === cols ? '*' : j}`);
        cells[`*,${j === cols ? '*' : j}`] = parts.reduce((s, c) => s + cells[c]!, 0);
        relations.push({ whole: `*,${j === cols ? '*' : j}`, parts });
      }
      const b = new Map(Object.entries(cells).filter(([, n]) => n > 0));
      const plan = planSuppression({ basis: b, relations, minCellSize: 5, alwaysShown: new Set(['*,*']) });
      for (const [cell, n] of b) if (n < 5) expect(plan.has(cell)).toBe(true);
      expect(plan.has('*,*')).toBe(false);
      expect(determinedCells(plan, relations, b)).toEqual([]);
    }
  });
});

describe('determinedCells', () => {
  it('finds a cell that has a withheld partner in each of its relations but still follows (a bridge between two cycles)', () => {
    // Margins known; withheld: the 2×2 block a (rows 1–2, cols 1–2), the 2×2 block c (rows 3–4,
    // cols 3–4) and the bridge b at row 2, col 3. Rows 1 and cols 1, 2 give a21 + a22, so row 2
    // gives b; the blocks themselves stay unknown (a square can shift by ±t around its corners).
    const withheld = new Set(['a11', 'a12', 'a21', 'a22', 'c33', 'c34', 'c43', 'c44', 'b23']);
    const relations: Relation[] = [
      { whole: 'row1', parts: ['a11', 'a12', 'x13'] },
      { whole: 'row2', parts: ['a21', 'a22', 'b23'] },
      { whole: 'row3', parts: ['c33', 'c34', 'x31'] },
      { whole: 'row4', parts: ['c43', 'c44', 'x41'] },
      { whole: 'col1', parts: ['a11', 'a21', 'x31'] },
      { whole: 'col2', parts: ['a12', 'a22', 'x41'] },
      { whole: 'col3', parts: ['b23', 'c33', 'c43', 'x13'] },
      { whole: 'col4', parts: ['c34', 'c44'] },
    ];
    const all = new Map(
      [...withheld, 'x13', 'x31', 'x41', 'row1', 'row2', 'row3', 'row4', 'col1', 'col2', 'col3', 'col4'].map((c) => [c, 3]),
    );
    expect(determinedCells(withheld, relations, all)).toEqual(['b23']);
    // Withholding x13 too (in row 1 and col 3) leaves a21 + a22, and so b23, depending on it.
    const audit = auditSuppression(withheld, relations, all);
    expect(audit.frees('x13')).toBe(1);
    expect(determinedCells(new Set([...withheld, 'x13']), relations, all)).toEqual([]);
    // A known whole outside every relation with a withheld cell sets nothing free.
    expect(
      auditSuppression(
        withheld,
        [...relations, { whole: 'elsewhere', parts: ['y1', 'y2'] }],
        new Map([...all, ['y1', 9], ['y2', 9], ['elsewhere', 18]]),
      ).frees('y1'),
    ).toBe(0);
  });

  it('treats a single withheld part beside a shown whole as determined, and two as not', () => {
    const relations = [{ whole: 'all', parts: ['PHONE', 'EMAIL', 'CHAT'] }];
    const b = basis({ all: 25, PHONE: 13, EMAIL: 8, CHAT: 4 });
    expect(determinedCells(new Set(['CHAT']), relations, b)).toEqual(['CHAT']);
    expect(determinedCells(new Set(['CHAT', 'EMAIL']), relations, b)).toEqual([]);
  });
});
