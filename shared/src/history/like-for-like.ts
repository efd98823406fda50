import type { QuestionDef } from '../domain.js';
import { isScored, questionChannels } from '../questionnaire.js';
import { isScoredArea, type ScoringInquiry } from '../scoring/items.js';
import { participantTotal } from '../scoring/totals.js';

// Like for like across editions (docs/domain.md "Across editions"). A published total is over
// that year's questionnaire; when questions are added, removed or rescored between two editions,
// the change of the total mixes "we did better" with "we were asked other things". The
// like-for-like pair recomputes both totals on the scored questions the two editions share.

/**
 * A question's stable key across editions: its code, exactly as in questionnaire.json. KSP keeps
 * a question's code from year to year (an edition set up as a copy of the last keeps them all),
 * and the interchange format has no other identity to offer. A code reused for another question
 * is caught by `sameQuestion`, which then calls it changed, never common.
 */
export const questionKey = (q: Pick<QuestionDef, 'code'>): string => q.code;

/**
 * Text as an observer reads it, without what does not change the question: Unicode form, case,
 * typographic quotes and dashes, runs of white space, and white space at either end.
 */
export function normaliseText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201a\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLocaleLowerCase('nb');
}

/**
 * What makes a scored question count the same way in two editions: the text the observer reads,
 * the channels it applies to, and its options (code, label, points, "not applicable"). Area and
 * categories are left out: they regroup a question but do not change what it adds to a total.
 */
function scoringDefinition(q: QuestionDef): string {
  return JSON.stringify({
    text: normaliseText(q.text),
    channels: [...questionChannels(q)].sort(),
    options: (q.options ?? [])
      .map((o) => [o.code, normaliseText(o.label), o.points ?? null, o.notApplicable === true] as const)
      .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)),
  });
}

/** Two editions' versions of a question (same key) are scored alike: see `scoringDefinition`. */
export const sameQuestion = (a: QuestionDef, b: QuestionDef): boolean => scoringDefinition(a) === scoringDefinition(b);

/** A question that takes part in a total (CX never does, even with points). */
const inTotal = (q: QuestionDef) => isScored(q) && isScoredArea(q.area);

/** How the scored questions of one edition relate to those of the previous one, by stable key (codes, in the later edition's order). */
export interface QuestionnaireChange {
  /** Scored in both, scored alike: the basis of the like-for-like totals. */
  common: string[];
  /** Scored in the later edition only. */
  added: string[];
  /** Scored in the earlier edition only. */
  removed: string[];
  /** Scored in both under the same key, but read, offered or scored differently. */
  changed: string[];
  /** Whether any scored question was added, removed or changed. */
  questionnaireChanged: boolean;
}

export function compareQuestionnaires(previous: readonly QuestionDef[], current: readonly QuestionDef[]): QuestionnaireChange {
  const before = new Map(previous.filter(inTotal).map((q) => [questionKey(q), q]));
  const now = current.filter(inTotal);
  const nowKeys = new Set(now.map(questionKey));
  const common: string[] = [];
  const added: string[] = [];
  const changed: string[] = [];
  for (const q of now) {
    const earlier = before.get(questionKey(q));
    if (!earlier) added.push(q.code);
    else if (sameQuestion(earlier, q)) common.push(q.code);
    else changed.push(q.code);
  }
  const removed = [...before.keys()].filter((key) => !nowKeys.has(key));
  return { common, added, removed, changed, questionnaireChanged: added.length + removed.length + changed.length > 0 };
}

/**
 * A participant's total on only the given questions (the common ones of a pair): the pooled total
 * of domain.md over the questionnaire cut to them. The report's SQL computes the same; this is its check.
 */
export function likeForLikeTotal(
  questions: readonly QuestionDef[],
  inquiries: readonly ScoringInquiry[],
  common: readonly string[],
): number | null {
  const keep = new Set(common);
  return participantTotal(
    questions.filter((q) => keep.has(questionKey(q))),
    inquiries,
  );
}
