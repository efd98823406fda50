import type http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstViews } from '@ksp/shared';
import { useTestDatabase } from '../../test/db.js';
import { ApiClient } from '../../test/api.js';
import { TEST_PASSWORD, userFactory } from '../../test/viewers.js';
import { loadDemo } from '../cli/demo.js';
import { rows } from '../db/sql.js';
import { createApp } from '../app.js';
import { CACHE_HEADER } from './response-cache.js';
import { dashboardDocuments, WARMED_LOG, type WarmAnswers } from './warm-answers.js';

/**
 * Results day, answered ahead: after the server has computed every bought report's first views,
 * a manager who has never asked anything gets each of them from the cache, through the web app's
 * own documents (in other white space than the server prints them, as the browser's urql does), and the
 * answer is the one computed for that manager on the spot. A write empties the cache, and the
 * answers are computed again once the data has stood still.
 */
const db = useTestDatabase();
const lines: string[] = [];
let server: http.Server;
let url = '';
let warm: WarmAnswers;
let stop: () => Promise<void>;
const documents = await dashboardDocuments();

beforeAll(async () => {
  await loadDemo(db.orm, { editions: 2, participants: 12, planning: false });
  const created = await createApp(db, { warmAnswers: { quietMs: 200, pollMs: 50, log: (line) => lines.push(line) } });
  warm = created.warm!;
  stop = created.stop;
  await new Promise<void>((resolve) => {
    server = created.app.listen(0, '127.0.0.1', () => resolve());
  });
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
}, 120_000);

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await stop?.();
});

const until = async (done: () => boolean, what: string) => {
  const deadline = Date.now() + 60_000;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`waited a minute for ${what}; the log: ${lines.join(' | ')}`);
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe('answers computed ahead for results day', () => {
  it('serves a manager’s first views of the own report from the cache, with the answers computed for it', async () => {
    await until(() => lines.length >= 1, 'the first run');
    const bought = await rows<{ slug: string; year: number; class_name: string }>(
      db.sql,
      `select c.slug, e.year, k.name as class_name from participation p join company c on c.id = p.company_id
       join edition e on e.id = p.edition_id join industry_class k on k.id = p.class_id
       where p.report_purchased and e.year = (select max(year) from edition where status = 'PUBLISHED') order by c.slug`,
    );
    expect(bought.length).toBeGreaterThan(3);
    const views = firstViews({ year: bought[0]!.year, companySlug: bought[0]!.slug, className: bought[0]!.class_name });
    // 15 views a report, each a document of the web app's manifest.
    expect(views).toHaveLength(15);
    for (const v of views) expect(documents.has(v.operationName), v.operationName).toBe(true);
    expect(lines[0]).toMatch(new RegExp(`^${WARMED_LOG} ${bought.length} reports, ${bought.length * 15} views, in [\\d.]+ s\\.$`));

    // A manager made after the run (users are data: the run is computed again first).
    const addUser = userFactory(db);
    const target = bought[bought.length - 1]!;
    await addUser({ role: 'MANAGER', companySlug: target.slug });
    await until(() => lines.length >= 2, 'the run after the new user');
    await warm.settled();
    const manager = new ApiClient(() => url);
    await manager.login(`${target.slug}@test.no`, TEST_PASSWORD);

    for (const view of firstViews({ year: target.year, companySlug: target.slug, className: target.class_name })) {
      // The same document in other white space, as urql prints it in the browser.
      const browserText = documents.get(view.operationName)!.replace(/\s+/g, ' ');
      const served = await manager.query(browserText, view.variables);
      expect(manager.lastHeaders.get(CACHE_HEADER), view.operationName).toBe('hit');
      manager.headers = { 'cache-control': 'no-cache' };
      const computed = await manager.query(browserText, view.variables);
      manager.headers = {};
      expect(served, view.operationName).toEqual(computed);
    }
  });

  it('computes no answer ahead for what a manager asks of itself', async () => {
    const target = (
      await rows<{ slug: string }>(
        db.sql,
        `select c.slug from company c join app_user u on u.company_id = c.id where u.email like '%@test.no'`,
      )
    )[0]!;
    const manager = new ApiClient(() => url);
    await manager.login(`${target.slug}@test.no`, TEST_PASSWORD);
    await manager.query(documents.get('Me')!);
    expect(manager.lastHeaders.get(CACHE_HEADER)).toBe('miss');
  });
});
