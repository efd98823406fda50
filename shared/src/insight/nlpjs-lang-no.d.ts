// The part of @nlpjs/lang-no (no types of its own) that the sentiment reading uses.
declare module '@nlpjs/lang-no' {
  export class StemmerNo {
    stemWord(word: string): string;
  }
  export const SentimentNo: { afinn: Record<string, number>; negations: { words: string[] } };
}
