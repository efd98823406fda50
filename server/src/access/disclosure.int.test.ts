import { beforeAll, describe, expect, it } from 'vitest';
import { Matrix, SingularValueDecomposition } from 'ml-matrix';
import { CHANNELS, type Channel } from '@ksp/shared';
import { useTestDatabase } from '../../test/db.js';
import { useApi, type ApiClient, type GraphQLResult } from '../../test/api.js';
import { rows } from '../db/sql.js';
import { loadDemo } from '../cli/demo.js';
import { useViewers } from '../../test/viewers.js';

/**
 * The attack of issue 14, stated as a test: a konkurrent manager reads everything it can of a
 * chosen competitor (the report un-narrowed and narrowed to each channel: every section, every
 * split, the variation) and tries to solve for each figure that was withheld.
 *
 * The attacker is stronger than a real one: it is taken to know every additive quantity of a
 * shown figure (points and possible points, not just the percentage; counts; sums of squares),
 * and it knows from the public questionnaire which performances make up the total, each area and
 * each category. Each family is the sum of its channels, and on every channel the total, areas
 * and categories are sums of performances. A withheld cell is determined exactly when its unit
 * vector lies in the row space of those equations over the withheld cells, i.e. when appending
 * it does not raise the rank (computed here by singular values, independently of the server's
 * own audit). None may be. And every figure of a cell (score, answers, option counts, spread,
 * NPS counts) is shown or withheld together, by every path.
 *
 * On the demo data (25 inquiries each, split over channels by the keys, some unanswered, some
 * "not applicable"), small channels are common, so the attack has plenty to try.
 */
const db = useTestDatabase();
const api = useApi(db);
const { asStaff, asManager } = useViewers(db, api);
const YEAR = 2024;
const MIN_CELL_SIZE = 5;

const SPREAD = '{ count mean stdDev }';
const CX = 'csatMean csatTop2Share cesMean nps ves1Mean ves2Mean npsDistribution { detractors passives promoters count }';
const REPORT = `query($s: String!, $ch: Channel) { participation(year: ${YEAR}, companySlug: $s) { report(channel: $ch) {
  total byChannel { channel total }
  areas { area score byChannel { channel score } }
  categories { category score byChannel { channel score } }
  cx { ${CX} byChannel { channel ${CX} } }
  performances { code area categories maxPoints score answers options { code count share } byChannel { channel score answers } }
  variation { total ${SPREAD} byChannel { channel spread ${SPREAD} } areas { area spread ${SPREAD} byChannel { channel spread ${SPREAD} } }
    widestPerformances(limit: 100) { code score stdDev answers } } } } }`;

type Data = Record<string, any>;
/** What one read shows of each cell: for every figure of it, whether it came or was withheld. */
type Seen = Map<string, { shown: number; withheld: number; paths: string[] }>;

/** The attacker's names for cells, made here and not taken from the server. */
const cell = (family: string, channel: Channel | null) => `${family} @ ${channel ?? 'all'}`;

/** Every figure of a report read, by the cell it is a figure of. */
function observe(result: GraphQLResult<Data>, narrowing: Channel | null, seen: Seen, exists: Set<string>, slug: string) {
  const withheldPaths = new Set(
    (result.errors ?? []).map((e) => {
      expect(e.extensions?.code, `${slug}: ${e.path?.join('.')}: ${e.message}`).toBe('TOO_FEW_INQUIRIES');
      return e.path!.join('.');
    }),
  );
  const base = 'participation.report';
  const note = (name: string, path: string, figures: Data | null | undefined, keys: string[]) => {
    exists.add(name);
    const entry = seen.get(name) ?? { shown: 0, withheld: 0, paths: [] };
    for (const key of keys) {
      const full = `${path}.${key}`;
      if (withheldPaths.has(full)) entry.withheld++;
      else {
        expect(figures, full).toBeTruthy();
        entry.shown++;
      }
      entry.paths.push(`${narrowing ?? 'all'}: ${full}`);
    }
    seen.set(name, entry);
  };
  const report = result.data!.participation.report as Data;
  // The un-narrowed total stood on the public result list: not a cell anyone may withhold.
  if (narrowing) note(cell('total', narrowing), base, report, ['total']);
  report.byChannel.forEach((c: Data, i: number) => note(cell('total', c.channel), `${base}.byChannel.${i}`, c, ['total']));
  for (const [section, key] of [
    ['areas', 'area'],
    ['categories', 'category'],
  ] as const) {
    report[section].forEach((a: Data, i: number) => {
      note(cell(`${key} ${a[key]}`, narrowing), `${base}.${section}.${i}`, a, ['score']);
      a.byChannel.forEach((c: Data, j: number) =>
        note(cell(`${key} ${a[key]}`, c.channel), `${base}.${section}.${i}.byChannel.${j}`, c, ['score']),
      );
    });
  }
  const cxKeys = ['csatMean', 'csatTop2Share', 'cesMean', 'nps', 'ves1Mean', 'ves2Mean'];
  const npsKeys = ['detractors', 'passives', 'promoters', 'count'];
  const cxCell = (name: string, path: string, cx: Data) => {
    note(name, path, cx, cxKeys);
    note(name, `${path}.npsDistribution`, cx.npsDistribution, npsKeys);
  };
  if (report.cx.npsDistribution.count !== 0 || withheldPaths.has(`${base}.cx.npsDistribution.count`))
    cxCell(cell('cx', narrowing), `${base}.cx`, report.cx);
  report.cx.byChannel.forEach((c: Data, j: number) => cxCell(cell('cx', c.channel), `${base}.cx.byChannel.${j}`, c));
  report.performances.forEach((p: Data, i: number) => {
    const path = `${base}.performances.${i}`;
    if (p.answers === 0 && !withheldPaths.has(`${path}.answers`)) return; // not asked on this channel's inquiries: empty
    note(cell(`performance ${p.code}`, narrowing), path, p, ['score', 'answers']);
    p.options.forEach((o: Data, k: number) =>
      note(cell(`performance ${p.code}`, narrowing), `${path}.options.${k}`, o, ['count', 'share']),
    );
    p.byChannel.forEach((c: Data, j: number) =>
      note(cell(`performance ${p.code}`, c.channel), `${path}.byChannel.${j}`, c, ['score', 'answers']),
    );
  });
  const variation = report.variation as Data;
  note(cell('total', narrowing), `${base}.variation.total`, variation.total, ['count', 'mean', 'stdDev']);
  variation.byChannel.forEach((c: Data, j: number) =>
    note(cell('total', c.channel), `${base}.variation.byChannel.${j}.spread`, c.spread, ['count', 'mean', 'stdDev']),
  );
  variation.areas.forEach((a: Data, i: number) => {
    if (a.spread.count !== 0 || withheldPaths.has(`${base}.variation.areas.${i}.spread.count`)) {
      note(cell(`area ${a.area}`, narrowing), `${base}.variation.areas.${i}.spread`, a.spread, ['count', 'mean', 'stdDev']);
    }
    a.byChannel.forEach((c: Data, j: number) =>
      note(cell(`area ${a.area}`, c.channel), `${base}.variation.areas.${i}.byChannel.${j}.spread`, c.spread, ['count', 'mean', 'stdDev']),
    );
  });
  variation.widestPerformances.forEach((p: Data, i: number) =>
    note(cell(`performance ${p.code}`, narrowing), `${base}.variation.widestPerformances.${i}`, p, ['score', 'stdDev', 'answers']),
  );
}

/** The equations the attacker knows: each family is the sum of its channels; per channel, wholes are sums of performances. */
function equations(performances: Data[], channels: Channel[], areas: string[], categories: string[]): string[][] {
  const eqs: string[][] = []; // [whole, ...parts]
  const families = [
    'total',
    'cx',
    ...areas.map((a) => `area ${a}`),
    ...categories.map((c) => `category ${c}`),
    ...performances.map((p) => `performance ${p.code}`),
  ];
  for (const f of families) eqs.push([cell(f, null), ...channels.map((c) => cell(f, c))]);
  const scored = performances.filter((p) => p.maxPoints !== null);
  for (const channel of [null, ...channels]) {
    const sum = (ps: Data[]) => ps.map((p) => cell(`performance ${p.code}`, channel));
    eqs.push([cell('total', channel), ...sum(scored)]);
    for (const a of areas) eqs.push([cell(`area ${a}`, channel), ...sum(scored.filter((p) => p.area === a))]);
    for (const k of categories) eqs.push([cell(`category ${k}`, channel), ...sum(scored.filter((p) => p.categories.includes(k)))]);
  }
  return eqs;
}

/**
 * The withheld cells that the shown ones give away. With the shown figures known, the equations
 * over the withheld cells are A·x = b; a cell is determined exactly when every solution of A·x = 0
 * is zero there, i.e. when the null space of A (right singular vectors of zero singular value)
 * has no weight on it.
 */
function solvable(withheld: string[], eqs: string[][]): string[] {
  if (withheld.length === 0) return [];
  const col = new Map(withheld.map((c, i) => [c, i]));
  const a = eqs
    .map(([whole, ...parts]) => {
      const row = new Array<number>(withheld.length).fill(0);
      // Known figures (shown, or empty cells, which hold nothing) move to the right-hand side.
      if (col.has(whole!)) row[col.get(whole!)!] = 1;
      for (const p of parts) if (col.has(p)) row[col.get(p)!]! -= 1;
      return row;
    })
    .filter((row) => row.some((v) => v !== 0));
  // At least as many rows as unknowns (zero rows change nothing), so V is the full right basis.
  while (a.length < withheld.length) a.push(new Array<number>(withheld.length).fill(0));
  const svd = new SingularValueDecomposition(new Matrix(a), { autoTranspose: false });
  const nullSpace = svd.diagonal.flatMap((s, j) => (s <= svd.threshold ? [j] : []));
  const v = svd.rightSingularVectors;
  return withheld.filter((_, i) => nullSpace.every((j) => Math.abs(v.get(i, j)) < 1e-8));
}

let attackers: { manager: ApiClient; competitors: string[] }[] = [];

beforeAll(async () => {
  await loadDemo(db.orm, { editions: 1, participants: 48 });
  // Every konkurrent participant with its report bought gets a manager: many competitors to attack.
  const konkurrent = await rows<{ slug: string; competitors: string[] }>(
    db.sql,
    `select c.slug, array_agg(cc.slug order by cc.slug) as competitors
     from participation p join company c on c.id = p.company_id
     join participation_competitor pc on pc.participation_id = p.id join company cc on cc.id = pc.competitor_company_id
     where p.tier = 'KONKURRENT' and p.report_purchased group by c.slug order by c.slug`,
  );
  attackers = [];
  for (const k of konkurrent) {
    const manager = await asManager(k.slug);
    attackers.push({ manager, competitors: k.competitors });
  }
  expect((await rows<{ min_cell_size: number }>(db.sql, `select min_cell_size from edition`))[0]!.min_cell_size).toBe(MIN_CELL_SIZE);
}, 180_000);

describe('a konkurrent manager attacking its competitors’ withheld cells', () => {
  it('finds every figure of a cell shown or withheld together, and can solve for none of the withheld', async () => {
    const staff = await asStaff();
    let attacked = 0;
    let withheldInAll = 0;
    let complements = 0;
    for (const { manager, competitors } of attackers) {
      for (const slug of competitors) {
        // The cells that hold anything, and the public questionnaire: from staff's un-narrowed read (the splits list
        // only channels with answers).
        const exists = new Set<string>();
        const staffRead = await staff.query(REPORT, { s: slug, ch: null });
        observe(staffRead, null, new Map(), exists, slug);
        const questionnaire = staffRead.data!.participation.report as Data;
        const channels = (questionnaire.byChannel as Data[]).map((c) => c.channel as Channel);

        const seen: Seen = new Map();
        for (const channel of [null, ...CHANNELS])
          observe(await manager.query(REPORT, { s: slug, ch: channel }), channel, seen, new Set(), slug);

        // Every figure of a cell shown or withheld together, by every path (an option count never beside a withheld score).
        for (const [name, s] of seen)
          expect(
            s.shown === 0 || s.withheld === 0,
            `${slug} ${name}: shown ${s.shown}, withheld ${s.withheld}\n${s.paths.join('\n')}`,
          ).toBe(true);
        // (A withheld cell that holds nothing, say an area narrowed to a channel whose inquiries all went unanswered, has nothing to give away.)
        const withheld = [...seen]
          .filter(([name, s]) => s.withheld > 0 && exists.has(name))
          .map(([name]) => name)
          .sort();
        withheldInAll += withheld.length;

        const eqs = equations(
          questionnaire.performances,
          channels,
          (questionnaire.areas as Data[]).map((a) => a.area),
          (questionnaire.categories as Data[]).map((c) => c.category),
        );
        expect(solvable(withheld, eqs), `${slug}: withheld cells that follow from the shown ones`).toEqual([]);

        // Complements: withheld although staff sees them over at least the minimum of inquiries.
        const spreads = questionnaire.variation.byChannel as Data[];
        complements += spreads.filter((c) => c.spread.count >= MIN_CELL_SIZE && withheld.includes(cell('total', c.channel))).length;
        attacked++;
      }
    }
    // Not vacuous: many competitors attacked, small cells among them, and complements withheld.
    expect(attacked).toBeGreaterThan(10);
    expect(withheldInAll).toBeGreaterThan(50);
    expect(complements).toBeGreaterThan(0);
  }, 600_000);
});
