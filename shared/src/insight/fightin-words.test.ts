import { describe, expect, it } from 'vitest';
import { distinctiveWords, fightinWords } from './fightin-words.js';

// A tiny case worked by hand. α0 = 10 pseudo-words; the edition's comments hold 40 words.
// The participant (i) used 4 words: rask ×3, hyggelig ×1. The rest of its class (j) used 8:
// rask ×1, treg ×4, hyggelig ×3. In the edition: rask 8, treg 10, hyggelig 6 (of 40).
//   n_i = 4, n_j = 8
//   rask:     α = 10·8/40 = 2
//             δ = ln((3+2)/(4+10−3−2)) − ln((1+2)/(8+10−1−2)) = ln(5/9) − ln(3/15) = ln(25/9) ≈ 1.0217
//             σ² = 1/(3+2) + 1/(1+2) = 8/15,  z = ln(25/9)/√(8/15) ≈ 1.3990
//   treg:     α = 10·10/40 = 2.5
//             δ = ln(2.5/(14−0−2.5)) − ln((4+2.5)/(18−4−2.5)) = ln(2.5/11.5) − ln(6.5/11.5) = ln(5/13) ≈ −0.9555
//             σ² = 1/2.5 + 1/6.5,  z ≈ −1.2839
//   hyggelig: α = 10·6/40 = 1.5
//             δ = ln((1+1.5)/(14−1−1.5)) − ln((3+1.5)/(18−3−1.5)) = ln(2.5/11.5) − ln(4.5/13.5) = ln(15/23) ≈ −0.4274
//             σ² = 1/2.5 + 1/4.5,  z ≈ −0.5420
const words = [
  { term: 'rask', own: 3, rest: 1, edition: 8 },
  { term: 'treg', own: 0, rest: 4, edition: 10 },
  { term: 'hygg', own: 1, rest: 3, edition: 6 },
];

describe('fightinWords (Monroe et al. 2008, informative Dirichlet prior)', () => {
  const result = fightinWords(words, 40, 10);

  it('gives the log-odds and z of each word as worked by hand, largest z first', () => {
    expect(result.map((w) => w.term)).toEqual(['rask', 'hygg', 'treg']);
    const [rask, hygg, treg] = result;
    expect(rask!.logOdds).toBeCloseTo(Math.log(25 / 9), 12);
    expect(rask!.zScore).toBeCloseTo(Math.log(25 / 9) / Math.sqrt(8 / 15), 12);
    expect(rask!.zScore).toBeCloseTo(1.399, 3);
    expect(treg!.logOdds).toBeCloseTo(Math.log(5 / 13), 12);
    expect(treg!.zScore).toBeCloseTo(Math.log(5 / 13) / Math.sqrt(1 / 2.5 + 1 / 6.5), 12);
    expect(treg!.zScore).toBeCloseTo(-1.2839, 4);
    expect(hygg!.logOdds).toBeCloseTo(Math.log(15 / 23), 12);
    expect(hygg!.zScore).toBeCloseTo(Math.log(15 / 23) / Math.sqrt(1 / 2.5 + 1 / 4.5), 12);
    expect(hygg!.zScore).toBeCloseTo(-0.542, 3);
  });

  it('splits the words into used more and used less than the class, strongest first', () => {
    const { more, less } = distinctiveWords(result, 10);
    expect(more.map((w) => w.term)).toEqual(['rask']);
    expect(less.map((w) => w.term)).toEqual(['treg', 'hygg']);
    expect(distinctiveWords(result, 1).less.map((w) => w.term)).toEqual(['treg']);
  });

  it('says nothing for a participant without words, and leaves out words the edition never used', () => {
    expect(fightinWords([{ term: 'rask', own: 0, rest: 2, edition: 2 }], 2, 10)).toEqual([]);
    expect(fightinWords([...words, { term: 'ny', own: 0, rest: 0, edition: 0 }], 40, 10)).toHaveLength(3);
  });
});
