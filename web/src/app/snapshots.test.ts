import { describe, expect, it } from 'vitest';
import { parse } from 'graphql';
import type { TypedDocumentNode } from 'urql';
import { readSnapshot } from './snapshots';

/** A document as codegen makes it: the operation, then the fragments it spreads. */
const DOCUMENT = parse(`
  query List($year: Int!) {
    resultList(year: $year) { rank place: classRank company { name } uncertainty { ...Figures } }
  }
  fragment Figures on Uncertainty { low high }
`) as TypedDocumentNode<{ resultList: unknown[] }, { year: number }>;

describe('readSnapshot', () => {
  it('reads exactly the fields a document selects, by alias, through fragments, nulls kept', () => {
    const resultList = [
      { rank: 1, classRank: 2, total: 80, company: { slug: 'a', name: 'A' }, uncertainty: { standardError: 1, low: 78, high: 82 } },
      { rank: 2, classRank: 1, total: 70, company: { slug: 'b', name: 'B' }, uncertainty: { standardError: null, low: null, high: null } },
    ];
    expect(readSnapshot(DOCUMENT, { resultList })).toEqual({
      resultList: [
        { rank: 1, place: 2, company: { name: 'A' }, uncertainty: { low: 78, high: 82 } },
        { rank: 2, place: 1, company: { name: 'B' }, uncertainty: { low: null, high: null } },
      ],
    });
  });

  it('refuses data that lacks a selected field, so the page asks GraphQL instead', () => {
    expect(() => readSnapshot(DOCUMENT, { resultList: [{ rank: 1, classRank: 1, company: { name: 'A' } }] })).toThrow(
      'The snapshot has no resultList[0].uncertainty.',
    );
    expect(() => readSnapshot(DOCUMENT, { resultList: [{ rank: 1, classRank: 1, company: 'A', uncertainty: {} }] })).toThrow(
      'no object at resultList[0].company.',
    );
  });
});
