// Plausibility of responses.csv as a whole: rows that are each well-formed but together
// cannot come from one edition's fieldwork (a probe imported 391 inquiries a participant).
import type { ProblemList } from './problems.js';
import { quote } from './problems.js';

/** The cells of one responses.csv row that the checks below count, with the row it is on. */
export interface InquiryRef {
  row: number;
  companySlug: string;
  observerId: string;
}

/** Rows listed in a warning about one observer; the count says how many there are in all. */
const ROWS_LISTED = 5;

const ordinals = new Intl.PluralRules('en', { type: 'ordinal' });
const SUFFIX: Record<string, string> = { one: 'st', two: 'nd', few: 'rd', other: 'th' };
const ordinal = (n: number) => `${n}${SUFFIX[ordinals.select(n)] ?? 'th'}`;

function groupBy(refs: readonly InquiryRef[], key: (r: InquiryRef) => string | null): Map<string, InquiryRef[]> {
  const groups = new Map<string, InquiryRef[]>();
  for (const r of refs) {
    const k = key(r);
    if (k === null) continue;
    const group = groups.get(k);
    if (group) group.push(r);
    else groups.set(k, [r]);
  }
  return groups;
}

/**
 * Refuses a participant with more inquiries than the edition's `inquiriesPerParticipant`:
 * one problem a participant, on the first row over the limit. Fewer is legitimate (an
 * inquiry returned and never approved, a small edition), so only "more than" is refused.
 * Every row counts: imported rows are approved, answered or not.
 */
export function checkInquiriesPerParticipant(
  refs: readonly InquiryRef[],
  limit: number,
  questionnaireFile: string,
  problems: ProblemList,
): void {
  for (const [slug, rows] of groupBy(refs, (r) => r.companySlug || null)) {
    if (rows.length <= limit) continue;
    problems.add(
      rows[limit]!.row,
      'company_slug',
      `participant ${quote(slug)} has ${rows.length} inquiries, more than the edition's inquiriesPerParticipant of ${limit} (${questionnaireFile}); ` +
        `this row is its ${ordinal(limit + 1)}`,
    );
  }
}

/**
 * Warns about an observer with several inquiries of one participant. The fieldwork plans
 * at most one (domain.md, planning), but files of past editions may break it, so this is
 * no reason to refuse them: one warning a pair, on the pair's second row.
 */
export function warnRepeatedObservers(refs: readonly InquiryRef[], warnings: ProblemList): void {
  const pairs = groupBy(refs, (r) => (r.companySlug && r.observerId ? JSON.stringify([r.companySlug, r.observerId]) : null));
  for (const rows of pairs.values()) {
    if (rows.length < 2) continue;
    const { companySlug, observerId } = rows[0]!;
    const listed =
      rows
        .slice(0, ROWS_LISTED)
        .map((r) => r.row)
        .join(', ') + (rows.length > ROWS_LISTED ? ', …' : '');
    warnings.add(
      rows[1]!.row,
      'observer_id',
      `observer ${quote(observerId)} has ${rows.length} inquiries of ${quote(companySlug)} (rows ${listed}); ` +
        'the fieldwork plans at most one inquiry per observer per participant',
    );
  }
}
