import { describe, expect, it } from 'vitest';
import { neutraliseFormula } from './formula.js';

describe('neutraliseFormula', () => {
  it('puts an apostrophe before text that a spreadsheet could run as a formula', () => {
    expect(neutraliseFormula('=HYPERLINK("http://evil.example","klikk")')).toBe(`'=HYPERLINK("http://evil.example","klikk")`);
    expect(neutraliseFormula('+47 22 00 00 00')).toBe(`'+47 22 00 00 00`);
    expect(neutraliseFormula('-2+3')).toBe(`'-2+3`);
    expect(neutraliseFormula('@SUM(A1:A2)')).toBe(`'@SUM(A1:A2)`);
    expect(neutraliseFormula('\t=1+1')).toBe(`'\t=1+1`);
    expect(neutraliseFormula('\r=1+1')).toBe(`'\r=1+1`);
  });

  it('leaves other text alone, a formula sign inside the text too, and is idempotent', () => {
    for (const text of ['', 'Hyggelig mottak', 'Ring 1+1', ' =1', 'a=b', '«gode» råd', '\n=1']) {
      expect(neutraliseFormula(text)).toBe(text);
    }
    expect(neutraliseFormula(neutraliseFormula('=1'))).toBe(`'=1`);
  });
});
