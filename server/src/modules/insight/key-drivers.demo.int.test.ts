import { beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, KEY_DRIVER_OUTCOMES } from '@ksp/shared';
import { useTestDatabase } from '@server/test/db.js';
import { rows } from '../../db/sql.js';
import { loadDemo } from '../../cli/demo.js';
import { computeKeyDrivers } from './key-drivers.read-model.js';

/**
 * The key drivers of a full-size demo edition (192 participants × 25 inquiries): they compute
 * within the budget of issue 19 (at most 10 s an edition, all channels and both outcomes with
 * their bootstraps), and hold what the analysis promises on real-looking data.
 */
const db = useTestDatabase();
let edition: number;

beforeAll(async () => {
  await loadDemo(db.orm, { editions: 1, participants: 192, planning: false });
  edition = (await rows<{ id: number }>(db.sql, `select id from edition`))[0]!.id;
}, 300_000);

describe('key drivers of a demo edition', () => {
  it('compute for every channel and both outcomes within 10 s, weights summing to R²', async () => {
    const started = performance.now();
    const results = [];
    for (const channel of CHANNELS) results.push({ channel, ...(await computeKeyDrivers(db.sql, edition, channel)) });
    const seconds = (performance.now() - started) / 1000;
    console.log(`key drivers of a ${192}-participant demo edition: ${seconds.toFixed(2)} s`);
    for (const r of results)
      for (const outcome of KEY_DRIVER_OUTCOMES) {
        const a = r[outcome];
        console.log(
          `  ${r.channel} ${outcome}: ${a.inquiries} inquiries, R² ${a.rSquared?.toFixed(3) ?? '–'}, first ${a.drivers[0]?.questionCode ?? '–'}`,
        );
        if (a.rSquared === null) continue;
        expect(a.drivers.reduce((s, d) => s + d.weight, 0)).toBeCloseTo(a.rSquared, 10);
        for (const d of a.drivers) {
          expect(d.low!).toBeLessThanOrEqual(d.high!);
          expect(d.weight).toBeGreaterThanOrEqual(0);
        }
      }
    expect(results.find((r) => r.channel === 'PHONE')!.NPS.rSquared).not.toBeNull();
    expect(seconds).toBeLessThanOrEqual(10);
  }, 60_000);
});
