import { beforeAll, describe, expect, it } from 'vitest';
import { sampleCorrelation, sampleRankCorrelation } from 'simple-statistics';
import { pooledSentiment } from '@ksp/shared/insight/sentiment';
import { useTestDatabase } from '@server/test/db.js';
import { rows } from '../../db/sql.js';
import { loadDemo } from '../../cli/demo.js';

/**
 * How well the sentiment reading agrees with the observer's own CSAT (1–5) over a demo edition
 * of 192 participants (the demo's size). What the comment words cost is measured in `pnpm bench`. The demo's comments are
 * generated from fragments chosen by the area's score (server/src/demo/comments.ts), so the
 * agreement here says the reading follows tone on this text, not how it does on real comments.
 * The figures are written in docs/insight-comments.md.
 */
const db = useTestDatabase();

beforeAll(async () => {
  await loadDemo(db.orm, { editions: 1, participants: 192, planning: false });
}, 600_000);

describe('sentiment against CSAT on the demo edition', () => {
  it('agrees with CSAT: Spearman and Pearson correlation of the inquiry reading with CSAT', async () => {
    const inquiries = await rows<{ csat: number; reception: string; agent: string; overall: string }>(
      db.sql,
      `select a.scale_value as csat, i.comment_reception as reception, i.comment_agent as agent, i.comment_overall as overall
       from counted_inquiry i join counted_answer a on a.inquiry_id = i.id and a.code = 'CSAT'
       where i.status = 'ANSWERED' and a.scale_value is not null`,
    );
    const pairs = inquiries
      .map((r) => [pooledSentiment([r.reception, r.agent, r.overall]).score, r.csat] as const)
      .filter((p): p is readonly [number, number] => p[0] !== null);
    const sentiment = pairs.map((p) => p[0]);
    const csat = pairs.map((p) => p[1]);
    const spearman = sampleRankCorrelation(sentiment, csat);
    const pearson = sampleCorrelation(sentiment, csat);
    console.log(
      `sentiment vs CSAT: ${pairs.length} of ${inquiries.length} answered inquiries with a reading; ` +
        `Spearman ${spearman.toFixed(3)}, Pearson ${pearson.toFixed(3)}`,
    );
    expect(pairs.length).toBeGreaterThan(0.9 * inquiries.length);
    expect(spearman).toBeGreaterThan(0.6);
    expect(pearson).toBeGreaterThan(0.6);
  }, 120_000);
});
