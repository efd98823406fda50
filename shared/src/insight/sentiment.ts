import { SentimentNo, StemmerNo } from '@nlpjs/lang-no';
import { NORWEGIAN_STOP_WORDS } from '../responses/stopwords.js';

/**
 * A sentiment reading of an observer's comment from a Norwegian word list: the mean valence of
 * the comment's sentiment words, each from −5 (very negative) to +5 (very positive), with a
 * negation turning the next words' polarity. Null when the comment holds no word of the list.
 *
 * The list is the Norwegian AFINN list of nlp.js (`@nlpjs/lang-no`, MIT licence): AFINN-165
 * (Finn Årup Nielsen) translated to Norwegian, about 2,700 words with a valence. NorSentLex
 * (ltgoslo/norsentlex) was the first choice, but its repository states no licence, so it is not
 * shipped (docs/insight-comments.md). A word is looked up as written, else as an inflection of a
 * listed word (`valenceOf`, with the Snowball Norwegian stemmer PostgreSQL's search uses too);
 * PostgreSQL's Norwegian stop words are never sentiment words.
 */

/** Words that turn the polarity of what follows: "ikke god", "aldri svar", "ingen hjelp", "lite engasjert". */
export const NEGATORS: ReadonlySet<string> = new Set(['ikke', 'ikkje', 'aldri', 'ingen', 'ingenting', 'intet', 'verken', 'uten', 'lite']);

/** How many words after a negator it reaches (within the clause). */
export const NEGATION_REACH = 3;

export interface CommentSentiment {
  /** Mean valence of the sentiment words (−5 to 5); null without any. */
  score: number | null;
  /** How many words of the list the comment holds. */
  words: number;
}

/** The valence of each word in the list (lower case, letters only). */
export type Lexicon = ReadonlyMap<string, number>;

/** A word list for lookup: the words as written, and by their stem the listed words (form and valence). */
export interface SentimentLexicon {
  forms: Lexicon;
  stems: ReadonlyMap<string, readonly (readonly [string, number])[]>;
}

const stemmer = new StemmerNo();
export const stem = (word: string): string => stemmer.stemWord(word);

export function buildLexicon(entries: Record<string, number>): SentimentLexicon {
  const forms = new Map<string, number>();
  const stems = new Map<string, [string, number][]>();
  for (const [word, value] of Object.entries(entries)) {
    if (!/^\p{L}+$/u.test(word) || value === 0) continue;
    const w = word.toLowerCase();
    forms.set(w, value);
    const s = stem(w);
    stems.set(s, [...(stems.get(s) ?? []), [w, value]]);
  }
  return { forms, stems };
}

/**
 * A word's valence: as listed, else as an inflection of a listed word: the same stem, and the
 * listed word plus an ending ("hyggelige" of "hyggelig", "godt" of "god"). The stem alone is not
 * enough: Snowball gives "mottak" and "mottakelig" one stem, and only the second is a sentiment word.
 */
export function valenceOf(word: string, lexicon: SentimentLexicon): number | undefined {
  const listed = lexicon.forms.get(word);
  if (listed !== undefined) return listed;
  const inflected = (lexicon.stems.get(stem(word)) ?? []).filter(([form]) => word.startsWith(form));
  return inflected.length > 0 ? inflected.reduce((sum, [, v]) => sum + v, 0) / inflected.length : undefined;
}

let norwegian: SentimentLexicon | undefined;
/** The Norwegian AFINN list (nlp.js), built once. */
export const norwegianLexicon = () => (norwegian ??= buildLexicon(SentimentNo.afinn as Record<string, number>));

/**
 * The sentiment of one comment. Clauses end at . ! ? ; : and commas; a negator turns the
 * polarity of the sentiment words among the next NEGATION_REACH words of its clause.
 */
export function commentSentiment(text: string, lexicon = norwegianLexicon()): CommentSentiment {
  let sum = 0;
  let words = 0;
  for (const clause of text.toLowerCase().split(/[.!?;:,]+/u)) {
    let negatedFor = 0;
    for (const word of clause.match(/\p{L}+/gu) ?? []) {
      if (NEGATORS.has(word)) {
        negatedFor = NEGATION_REACH;
        continue;
      }
      // Stop words carry no sentiment, whatever a stem of theirs may collide with ("var" with "vare").
      const value = NORWEGIAN_STOP_WORDS.has(word) ? undefined : valenceOf(word, lexicon);
      if (value !== undefined) {
        sum += negatedFor > 0 ? -value : value;
        words += 1;
      }
      if (negatedFor > 0) negatedFor -= 1;
    }
  }
  return { score: words > 0 ? sum / words : null, words };
}

/** Several comments read as one (an inquiry's three): the mean over all their sentiment words. */
export function pooledSentiment(texts: readonly string[], lexicon = norwegianLexicon()): CommentSentiment {
  let sum = 0;
  let words = 0;
  for (const t of texts) {
    const s = commentSentiment(t, lexicon);
    if (s.score !== null) {
      sum += s.score * s.words;
      words += s.words;
    }
  }
  return { score: words > 0 ? sum / words : null, words };
}
