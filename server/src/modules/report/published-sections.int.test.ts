import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '@ksp/shared';
import { useTestDatabase } from '@server/test/db.js';
import { rows } from '../../db/sql.js';
import { loadDemo } from '../../cli/demo.js';
import { liveSection, readSection, SECTIONS, type SectionName } from './report.loaders.js';
import { precomputePublished } from './precompute.js';

/**
 * Published results are stored once computed and read back (published-sections.ts). The stored
 * path must give exactly what the live read models give (with each figure's cell) (which the cross-checks hold against
 * the pure engine), must really be read from storage, and must never serve a section older than
 * the data: a correction, a change of status or other code makes it be computed again.
 */
const db = useTestDatabase();
let ids: number[];
let edition: number;

const storedRows = async (section: SectionName) =>
  (await rows<{ n: number }>(db.sql, `select count(*)::int as n from published_section where section = $1 and channel = ''`, [section]))[0]!
    .n;
/** The live total of one participation, straight from the view, to compare with. */
const liveTotal = async (id: number) => (await SECTIONS.totals(db.sql, [id], null)).get(id)!.total;

beforeAll(async () => {
  // The published edition alone: every participation here is one whose sections are stored.
  await loadDemo(db.orm, { editions: 1, participants: 24, planning: false });
  ids = (await rows<{ id: number }>(db.sql, `select id from participation order by id`)).map((r) => r.id);
  edition = (await rows<{ id: number; status: string }>(db.sql, `select id, status from edition`))[0]!.id;
  expect((await rows<{ status: string }>(db.sql, `select status from edition`))[0]!.status).toBe('PUBLISHED');
}, 120_000);

describe('stored sections of a published edition', () => {
  it('are exactly the live read models, for every section and channel filter, when stored and when read back', async () => {
    for (const name of Object.keys(SECTIONS) as SectionName[]) {
      for (const channel of [null, ...CHANNELS]) {
        const live = await liveSection(name)(db.sql, ids, channel);
        const first = await readSection(name)(db.sql, ids, channel);
        const second = await readSection(name)(db.sql, ids, channel);
        // JSON, as a response carries it: a live field that is undefined is absent from the stored one.
        const asJson = (m: Map<number, unknown>) => JSON.parse(JSON.stringify([...m].sort(([a], [b]) => a - b)));
        expect(asJson(first), `${name} ${channel ?? 'all'} computed`).toEqual(asJson(live));
        expect(asJson(second), `${name} ${channel ?? 'all'} read back`).toEqual(asJson(live));
      }
      expect(await storedRows(name), name).toBe(ids.length);
    }
  }, 120_000);

  it('are read from storage, not recomputed', async () => {
    const id = ids[0]!;
    await readSection('totals')(db.sql, [id], null);
    // A value stored under a newer version (as a correction's recompute stores it): this process
    // remembers the older one parsed, and must read the stored one, not recompute it.
    await db.sql.query(
      `update result_version set version = version + 1 where edition_id = (select edition_id from participation where id = $1)`,
      [id],
    );
    await db.sql.query(
      `update published_section set value = '{"total": 12.5, "basis": 25, "byChannel": []}', version = (select version from result_version r where r.edition_id = published_section.edition_id)
       where participation_id = $1 and section = 'totals' and channel = ''`,
      [id],
    );
    expect((await readSection('totals')(db.sql, [id], null)).get(id)!.total).toBe(12.5);
    // Read again, it comes from memory: the database no longer sends it, and it is the same.
    const sent: unknown[] = [];
    const original = db.sql.query.bind(db.sql);
    db.sql.query = (async (...args: Parameters<typeof original>) => {
      const result = await original(...args);
      if (args[0].includes('/* published sections */')) sent.push(...result.rows.map((r) => (r as { value: unknown }).value));
      return result;
    }) as typeof db.sql.query;
    try {
      expect((await readSection('totals')(db.sql, [id], null)).get(id)!.total).toBe(12.5);
    } finally {
      db.sql.query = original;
    }
    expect(sent).toEqual([null]);
    // A section stored by other code (another fingerprint) is not used.
    await db.sql.query(`update published_section set fingerprint = 'other code' where participation_id = $1 and section = 'totals'`, [id]);
    expect((await readSection('totals')(db.sql, [id], null)).get(id)!.total).toBe(await liveTotal(id));
  });

  it('follow a published correction at once', async () => {
    const id = ids[1]!;
    const before = (await readSection('totals')(db.sql, [id], null)).get(id)!.total!;
    expect(before).toBe(await liveTotal(id));
    // A correction: one answer of an approved answered inquiry moved to the option worth the least.
    const [answer] = await rows<{ inquiry_id: number; question_id: number; option_id: number; cheapest: number }>(
      db.sql,
      `select a.inquiry_id, a.question_id, a.option_id,
              (select o2.id from question_option o2 where o2.question_id = a.question_id and not o2.not_applicable order by o2.points limit 1) as cheapest
       from answer a join inquiry i on i.id = a.inquiry_id join question q on q.id = a.question_id
       join question_option o on o.id = a.option_id
       where i.participation_id = $1 and i.review_status = 'APPROVED' and q.max_points is not null and not o.not_applicable and o.points > 0
       limit 1`,
      [id],
    );
    const versionBefore = await editionVersion();
    await db.sql.query(`update answer set option_id = $3 where inquiry_id = $1 and question_id = $2`, [
      answer!.inquiry_id,
      answer!.question_id,
      answer!.cheapest,
    ]);
    expect(await editionVersion()).toBe(versionBefore + 1);
    const after = (await readSection('totals')(db.sql, [id], null)).get(id)!.total!;
    expect(after).toBeLessThan(before);
    expect(after).toBe(await liveTotal(id));
    // …and the corrected section is stored again, under the new version.
    expect(
      (
        await rows<{ version: number }>(
          db.sql,
          `select version from published_section where participation_id = $1 and section = 'totals' and channel = ''`,
          [id],
        )
      )[0]!.version,
    ).toBe(versionBefore + 1);
  });

  it('are not used while the edition is not published, and a new version wipes out none of the data', async () => {
    const id = ids[2]!;
    await readSection('areas')(db.sql, [id], null);
    await db.sql.query(`update edition set status = 'REVIEW' where id = $1`, [edition]);
    await db.sql.query(`update published_section set value = '[]' where participation_id = $1 and section = 'areas'`, [id]);
    const areas = (await readSection('areas')(db.sql, [id], null)).get(id)!;
    expect(areas.length).toBeGreaterThan(0);
    expect(areas).toEqual((await liveSection('areas')(db.sql, [id], null)).get(id));
    // Unpublished sections are not stored: the tampered row is still the one there.
    expect(
      (
        await rows<{ value: unknown }>(
          db.sql,
          `select value from published_section where participation_id = $1 and section = 'areas' and channel = ''`,
          [id],
        )
      )[0]!.value,
    ).toEqual([]);
    await db.sql.query(`update edition set status = 'PUBLISHED' where id = $1`, [edition]);
    expect((await readSection('areas')(db.sql, [id], null)).get(id)).toEqual((await liveSection('areas')(db.sql, [id], null)).get(id));
  });

  it("are of a new version when a participant's company is renamed, not when an import writes its name unchanged", async () => {
    const before = await editionVersion();
    // As an import of a later edition writes its companies: every one named, by slug, most unchanged.
    await db.sql.query(
      `insert into company (slug, name) select slug, name from company on conflict (slug) do update set name = excluded.name`,
    );
    await db.sql.query(`update company set name = name`);
    expect(await editionVersion()).toBe(before);
    // The published result list names the company: a new name is new published results.
    await db.sql.query(`update company set name = name || ' ASA' where id = (select company_id from participation where id = $1)`, [
      ids[0],
    ]);
    expect(await editionVersion()).toBe(before + 1);
    await db.sql.query(`update company set slug = slug || '-x' where id = (select company_id from participation where id = $1)`, [ids[0]]);
    expect(await editionVersion()).toBe(before + 2);
  });
});

describe('where sections cannot be stored', () => {
  it('answers with the computed section all the same (a read-only replica, say)', async () => {
    const id = ids[3]!;
    await db.sql.query(`delete from published_section where participation_id = $1`, [id]);
    await db.sql.query(`create function refuse_write() returns trigger language plpgsql as $f$
      begin raise exception 'cannot execute INSERT in a read-only transaction'; end $f$`);
    await db.sql.query(
      `create trigger refuse_write before insert or update on published_section for each statement execute function refuse_write()`,
    );
    try {
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
      expect((await readSection('cx')(db.sql, [id], null)).get(id)).toEqual((await liveSection('cx')(db.sql, [id], null)).get(id));
      expect(warn).toHaveBeenCalledTimes(1);
      warn.mockRestore();
      expect((await rows(db.sql, `select 1 from published_section where participation_id = $1`, [id])).length).toBe(0);
    } finally {
      await db.sql.query(`drop trigger refuse_write on published_section; drop function refuse_write()`);
    }
  });
});

describe('ksp precompute', () => {
  it('stores every section of every participation of the published editions, over all channels and each', async () => {
    await db.sql.query(`delete from published_section`);
    const done = await precomputePublished(db.sql);
    expect(done.map((e) => [e.year, e.participations])).toEqual([[2024, ids.length]]);
    const stored = await rows<{ section: string; channel: string; n: number }>(
      db.sql,
      `select section, channel, count(*)::int as n from published_section group by 1, 2 order by 1, 2`,
    );
    expect(stored.length).toBe(Object.keys(SECTIONS).length * (1 + CHANNELS.length));
    expect(stored.every((r) => r.n === ids.length)).toBe(true);
    expect(await precomputePublished(db.sql, 2023)).toEqual([]);
  });
});

async function editionVersion(): Promise<number> {
  return (await rows<{ version: number }>(db.sql, `select version from result_version where edition_id = $1`, [edition]))[0]!.version;
}
