import { describe, expect, it } from 'vitest';
import type { EditionBundle } from '../domain.js';
import { bundleFiles, parseBundle } from './bundle.js';
import { formatProblems } from './problems.js';
import { fixtureBundle } from './test-fixture.js';

// The fixture's responses.csv rows: 2 I-001 acme-bank, 3 I-002 acme-bank, 4 I-003 acme-bank,
// 5 I-004 nordbank, 6 I-005 nordbank, 7 I-006 fjord-forsikring.

/** The fixture with one observer per inquiry, so that only what a test changes is repeated. */
function bundleWith(change: (b: EditionBundle) => void): EditionBundle {
  const b = fixtureBundle();
  b.responses.forEach((r, i) => (r.observerId = `obs-${i + 1}`));
  change(b);
  return b;
}

describe('parseBundle: inquiries per participant', () => {
  it('refuses a participant with more inquiries than the edition plans, naming it, its count and the limit', () => {
    const result = parseBundle(bundleFiles(bundleWith((b) => (b.questionnaire.edition.inquiriesPerParticipant = 2))));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    // acme-bank has 3 (its third is row 4); nordbank's 2 are exactly the limit and pass.
    expect(result.problems).toStrictEqual([
      {
        file: 'responses.csv',
        row: 4,
        column: 'company_slug',
        message:
          'participant "acme-bank" has 3 inquiries, more than the edition\'s inquiriesPerParticipant of 2 (questionnaire.json); this row is its 3rd',
      },
    ]);
  });

  it('accepts a participant with exactly inquiriesPerParticipant inquiries, and fewer', () => {
    const result = parseBundle(bundleFiles(bundleWith((b) => (b.questionnaire.edition.inquiriesPerParticipant = 3))));
    if (!result.ok) throw new Error(formatProblems(result.problems));
    expect(result.value.responses).toHaveLength(6);
  });

  it('names every participant over the limit, in row order, among the other problems', () => {
    const b = bundleWith((b) => (b.questionnaire.edition.inquiriesPerParticipant = 1));
    const files = bundleFiles(b);
    files.responses.text = files.responses.text.replace('I-006,fjord-forsikring,MESSENGER', 'I-006,fjord-forsikring,FAX');
    const result = parseBundle(files);
    if (result.ok) throw new Error('expected problems');
    expect(formatProblems(result.problems).split('\n')).toStrictEqual([
      'responses.csv:3: column company_slug: participant "acme-bank" has 3 inquiries, more than the edition\'s inquiriesPerParticipant of 1 (questionnaire.json); this row is its 2nd',
      'responses.csv:6: column company_slug: participant "nordbank" has 2 inquiries, more than the edition\'s inquiriesPerParticipant of 1 (questionnaire.json); this row is its 2nd',
      'responses.csv:7: column channel: unknown channel "FAX" (expected one of PHONE, EMAIL, CHAT, MESSENGER)',
    ]);
  });
});

describe('parseBundle: an observer with several inquiries of one participant', () => {
  it('is a warning, not a problem: the bundle is still valid', () => {
    const result = parseBundle(bundleFiles(bundleWith((b) => (b.responses[2]!.observerId = 'obs-1'))));
    if (!result.ok) throw new Error(formatProblems(result.problems));
    expect(result.value.responses).toHaveLength(6);
    expect(result.warnings).toStrictEqual([
      {
        file: 'responses.csv',
        row: 4,
        column: 'observer_id',
        message:
          'observer "obs-1" has 2 inquiries of "acme-bank" (rows 2, 4); the fieldwork plans at most one inquiry per observer per participant',
      },
    ]);
  });

  it('gives one warning a pair of observer and participant, and none when every pair is once', () => {
    const repeated = parseBundle(
      bundleFiles(
        bundleWith((b) => {
          for (const i of [1, 2]) b.responses[i]!.observerId = 'obs-1'; // acme-bank: rows 2, 3, 4
          b.responses[5]!.observerId = 'obs-5'; // obs-5 also at nordbank (row 6), once: fine
        }),
      ),
    );
    expect(formatProblems(repeated.warnings)).toBe(
      'responses.csv:3: column observer_id: observer "obs-1" has 3 inquiries of "acme-bank" (rows 2, 3, 4); the fieldwork plans at most one inquiry per observer per participant',
    );
    expect(parseBundle(bundleFiles(bundleWith(() => {}))).warnings).toStrictEqual([]);
  });

  it('formats many warnings with a bound', () => {
    const warnings = Array.from({ length: 25 }, (_, i) => ({ file: 'responses.csv', row: i + 2, column: 'observer_id', message: `w${i}` }));
    const lines = formatProblems(warnings, 20).split('\n');
    expect(lines).toHaveLength(21);
    expect(lines[19]).toBe('responses.csv:21: column observer_id: w19');
    expect(lines[20]).toBe('… and 5 more');
    expect(formatProblems(warnings.slice(0, 20), 20).split('\n')).toHaveLength(20);
  });
});
