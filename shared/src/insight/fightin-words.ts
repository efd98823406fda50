/**
 * The words that set one participant's comments apart from its class's: Monroe, Colaresi & Quinn
 * (2008), "Fightin' Words", the weighted log-odds ratio with an informative Dirichlet prior
 * (their section 3.5.1).
 *
 * For a word w, with y counts and n all words of the group (i = the participant, j = the rest of
 * its class) and a prior α_w = α0 · y_w(edition) / n(edition) (the whole edition's comments of
 * the area, scaled to α0 pseudo-words):
 *
 *   δ_w = ln((y_wi + α_w) / (n_i + α0 − y_wi − α_w)) − ln((y_wj + α_w) / (n_j + α0 − y_wj − α_w))
 *   σ²_w ≈ 1 / (y_wi + α_w) + 1 / (y_wj + α_w)
 *   z_w = δ_w / σ_w
 *
 * The prior shrinks a word that is rare in the edition towards "no difference", so a word used
 * twice by one participant and never by the class does not top the list on luck alone; z puts
 * the estimate on the scale of its own uncertainty, which is how the words are ranked.
 * The groups are disjoint (the participant against the rest of its class), as the variance asks.
 */

/** One word (a PostgreSQL Norwegian lexeme) with its counts in the two groups and the edition. */
export interface WordCounts {
  term: string;
  /** Uses in the participant's comments. */
  own: number;
  /** Uses in the comments of the other members of the class. */
  rest: number;
  /** Uses in the whole edition's comments (the prior). */
  edition: number;
}

export interface WordContrast {
  term: string;
  own: number;
  rest: number;
  /** δ_w: the log-odds ratio (participant over class), prior included. */
  logOdds: number;
  /** δ_w / σ_w: above 0 used more than the class, below 0 less. */
  zScore: number;
}

/** α0: how many pseudo-words the edition's word use counts for, beside each group's own words. */
export const PRIOR_WORDS = 500;

/**
 * Every word's contrast, largest z first. `editionWords` is n(edition): all words of the
 * edition's comments of the area, not only those of `words` (the class's vocabulary).
 * Words the edition never used carry no prior and are left out (they cannot occur in a group).
 */
export function fightinWords(words: readonly WordCounts[], editionWords: number, priorWords = PRIOR_WORDS): WordContrast[] {
  const ni = words.reduce((s, w) => s + w.own, 0);
  const nj = words.reduce((s, w) => s + w.rest, 0);
  if (editionWords <= 0 || ni === 0) return [];
  const out: WordContrast[] = [];
  for (const w of words) {
    if (w.edition <= 0) continue;
    const a = (priorWords * w.edition) / editionWords;
    const own = Math.log((w.own + a) / (ni + priorWords - w.own - a));
    const rest = Math.log((w.rest + a) / (nj + priorWords - w.rest - a));
    const logOdds = own - rest;
    const sd = Math.sqrt(1 / (w.own + a) + 1 / (w.rest + a));
    out.push({ term: w.term, own: w.own, rest: w.rest, logOdds, zScore: logOdds / sd });
  }
  return out.sort((x, y) => y.zScore - x.zScore || x.term.localeCompare(y.term));
}

/**
 * The most distinctive words each way: up to `perDirection` used more than the class (z > 0,
 * largest first) and as many used less (z < 0, most negative first).
 */
export function distinctiveWords(contrasts: readonly WordContrast[], perDirection = 10): { more: WordContrast[]; less: WordContrast[] } {
  return {
    more: contrasts.filter((c) => c.zScore > 0).slice(0, perDirection),
    less: contrasts
      .filter((c) => c.zScore < 0)
      .sort((x, y) => x.zScore - y.zScore || x.term.localeCompare(y.term))
      .slice(0, perDirection),
  };
}
