import { describe, expect, it } from 'vitest';
import { statementLabel } from './profile.js';

// Texts as pg_stat_statements keeps them: constants replaced by $n, leading comments gone.
describe('statementLabel', () => {
  it('names the read model behind a statement', () => {
    expect(
      statementLabel(`select participation_id, channel, $3 * sum(earned) / nullif(sum(possible), $4) as total, count(distinct inquiry_id)::int as basis
      from scored_item where participation_id = any($1) and ($2::text is null or channel = $2)
      group by grouping sets ((participation_id), (participation_id, channel))`),
    ).toBe('report: totals');
    expect(statementLabel(`with scope as (\n select p.id as participation_id, q.id`)).toBe('report:performances');
    expect(statementLabel(`with per_inquiry as (\n       select participation_id, channel, area, inquiry_id`)).toBe(
      'report:variation.areas',
    );
    expect(statementLabel(`/* report:variation.inquiries */ with per_inquiry as (select 1)`)).toBe('report:variation.inquiries');
  });
  it('falls back to the start of the text', () => {
    expect(statementLabel('select   1 from somewhere_else where x = $1')).toBe('select 1 from somewhere_else where x = $1…');
  });
});
