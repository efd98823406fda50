import { describe, expect, it } from 'vitest';
import { buildLexicon, commentSentiment, norwegianLexicon, pooledSentiment } from './sentiment.js';

// A small list, so every score can be worked by hand: god +3, dårlig −2, hjelpsom +2.
const lexicon = buildLexicon({ god: 3, dårlig: -2, hjelpsom: 2 });

describe('commentSentiment', () => {
  it('is the mean valence of the sentiment words', () => {
    // god (+3) and dårlig (−2): (3 − 2) / 2 = 0,5
    expect(commentSentiment('God service, men dårlig ventetid.', lexicon)).toEqual({ score: 0.5, words: 2 });
  });

  it('finds an inflected form of a listed word, not every word of the same stem', () => {
    // "gode" is "god" + e, with the Snowball stem "god": +3
    expect(commentSentiment('Gode svar.', lexicon)).toEqual({ score: 3, words: 1 });
    // "mottak" shares the stem "mottak" with the listed "mottakelig" (+2) but is not an inflection of it
    const withMottakelig = buildLexicon({ mottakelig: 2 });
    expect(commentSentiment('Mottaket var raskt.', withMottakelig).score).toBeNull();
    expect(commentSentiment('Hun var mottakelige.', withMottakelig).score).toBe(2);
  });

  it('turns the polarity of the next three words after a negator', () => {
    // ikke → god (1st word after): −3
    expect(commentSentiment('Ikke god i det hele tatt.', lexicon)).toEqual({ score: -3, words: 1 });
    // ikke → noe (1), særlig (2), god (3): still reached, −3
    expect(commentSentiment('Jeg fikk ikke noe særlig god hjelp', lexicon).score).toBe(-3);
    // aldri → noe (1), særlig (2), slik (3), god (4th: out of reach): +3
    expect(commentSentiment('aldri noe særlig slik god', lexicon).score).toBe(3);
    // ingen → hjelpsom: −2; the comma ends the clause, so god stays +3: (−2 + 3) / 2 = 0,5
    expect(commentSentiment('Ingen hjelpsom person, men god tone', lexicon)).toEqual({ score: 0.5, words: 2 });
  });

  it('is null for a comment without sentiment words', () => {
    expect(commentSentiment('Ringte klokka ni.', lexicon)).toEqual({ score: null, words: 0 });
    expect(commentSentiment('', lexicon)).toEqual({ score: null, words: 0 });
  });

  it('pools several comments over all their sentiment words', () => {
    // god (+3) | dårlig (−2), dårlig (−2) | none: (3 − 2 − 2) / 3 = −1/3
    expect(pooledSentiment(['God.', 'Dårlig og dårlig.', 'Ok.'], lexicon).score).toBeCloseTo(-1 / 3, 12);
  });

  it('reads the Norwegian AFINN list: hyggelig +3, dårlig −2, negated "ikke fornøyd" −3', () => {
    expect(commentSentiment('Hyggelig.').score).toBe(3);
    expect(commentSentiment('Dårlig.').score).toBe(-2);
    expect(commentSentiment('Jeg var ikke fornøyd.').score).toBe(-3);
    expect(norwegianLexicon().forms.size).toBeGreaterThan(2000);
  });
});
