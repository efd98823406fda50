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
 * shipped (docs/insight-comments.md). A word is looked up as written, else by its Snowball
 * Norwegian stem (the stemmer PostgreSQL's search uses too), so "hyggelige" finds "hyggelig";
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

const stemmer = new StemmerNo();
export const stem = (word: string): string => stemmer.stemWord(word);

/** A lexicon from a word → valence list: the words as written, and their stems (mean valence where forms share a stem). */
export function buildLexicon(entries: Record<string, number>): { forms: Lexicon; stems: Lexicon } {
  const forms = new Map<string, number>();
  const byStem = new Map<string, number[]>();
  for (const [word, value] of Object.entries(entries)) {
    if (!/^\p{L}+$/u.test(word) || value === 0) continue;
    const w = word.toLowerCase();
    forms.set(w, value);
    const s = stem(w);
    byStem.set(s, [...(byStem.get(s) ?? []), value]);
  }
  const stems = new Map([...byStem].map(([s, vs]) => [s, vs.reduce((a, b) => a + b, 0) / vs.length]));
  return { forms, stems };
}

let norwegian: { forms: Lexicon; stems: Lexicon } | undefined;
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
      const value = NORWEGIAN_STOP_WORDS.has(word) ? undefined : (lexicon.forms.get(word) ?? lexicon.stems.get(stem(word)));
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
