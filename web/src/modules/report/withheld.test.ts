import { describe, expect, it } from 'vitest';
import { CombinedError } from 'urql';
import { GraphQLError } from 'graphql';
import { onlyWithheld, withheldAt, withheldCells } from './withheld';

const err = (path: (string | number)[], code: string) => new GraphQLError('x', { path, extensions: { code } });

describe('withheld cells', () => {
  const error = new CombinedError({
    graphQLErrors: [
      err(['participation', 'report', 'byChannel', 2, 'total'], 'TOO_FEW_INQUIRIES'),
      err(['participation', 'report', 'variation', 'total', 'median'], 'FORBIDDEN'),
    ],
  });
  const cells = withheldCells(error);

  it('maps each error path to why the field is missing', () => {
    expect(withheldAt(cells, ['participation', 'report', 'byChannel', 2, 'total'])).toBe('tooFew');
    expect(withheldAt(cells, ['participation', 'report', 'byChannel', 1, 'total'])).toBeUndefined();
    expect(withheldAt(cells, ['participation', 'report', 'variation', 'total', 'median'])).toBe('forbidden');
  });

  it('withholds everything under a withheld object', () => {
    const c = withheldCells(new CombinedError({ graphQLErrors: [err(['participation', 'report', 'cx'], 'FORBIDDEN')] }));
    expect(withheldAt(c, ['participation', 'report', 'cx', 'nps'])).toBe('forbidden');
  });

  it('tells partial data (cells withheld) from a failed request', () => {
    expect(onlyWithheld(error)).toBe(true);
    expect(onlyWithheld(new CombinedError({ graphQLErrors: [err(['participation', 'report'], 'FORBIDDEN')] }))).toBe(false);
    expect(onlyWithheld(new CombinedError({ networkError: new Error('down') }))).toBe(false);
  });
});
